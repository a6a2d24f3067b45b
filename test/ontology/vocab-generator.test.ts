import { expect } from 'chai';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVocabulary } from '../../src/ontology/vocab-generator.js';

const HEADER = `@prefix ex: <https://example.org/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix vann: <http://purl.org/vocab/vann/> .
<https://example.org/ontology> a owl:Ontology ; vann:preferredNamespaceUri "https://example.org/ontology#" .
`;

interface Generated {
  readonly module: string;
  readonly context: Record<string, unknown>;
}

/** Runs the generator on ontology files written to a fresh directory. */
async function generate(files: Readonly<Record<string, string>>): Promise<Generated> {
  const directory = await mkdtemp(join(tmpdir(), 'vocab-generator-'));
  try {
    await mkdir(join(directory, 'ontology'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(directory, 'ontology', name), text);
    const targets = { ontologyDirectory: join(directory, 'ontology'), moduleFile: join(directory, 'vocab.ts'), contextFile: join(directory, 'context.jsonld') };
    await generateVocabulary(targets);
    const context = (JSON.parse(await readFile(targets.contextFile, 'utf8')) as { '@context': Record<string, unknown> })['@context'];
    return { module: await readFile(targets.moduleFile, 'utf8'), context };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe('ontology/vocab-generator', () => {
  const contextCases: Array<[string, string, string, unknown]> = [
    ['an object property refers to nodes', 'ex:knows a owl:ObjectProperty .', 'knows', { '@id': 'ex:knows', '@type': '@id' }],
    ['a datatype property with one datatype range types its values', 'ex:size a owl:DatatypeProperty ; rdfs:range xsd:integer .', 'size', { '@id': 'ex:size', '@type': 'xsd:integer' }],
    ['a string range needs no type', 'ex:note a owl:DatatypeProperty ; rdfs:range xsd:string .', 'note', 'ex:note'],
    ['no range needs no type', 'ex:note a owl:DatatypeProperty .', 'note', 'ex:note'],
    ['two ranges leave the type to each value', 'ex:when a owl:DatatypeProperty ; rdfs:range xsd:date , xsd:dateTime .', 'when', 'ex:when'],
    ['language-tagged text is a language map', 'ex:title a owl:AnnotationProperty ; rdfs:range rdf:langString .', 'title', { '@id': 'ex:title', '@container': '@language' }],
    ['a term of another vocabulary, declared by rdfs:isDefinedBy', 'schema:name a owl:DatatypeProperty ; rdfs:isDefinedBy <http://schema.org/> .', 'name', 'schema:name'],
    [
      'schema.org keeps a short name another vocabulary shares',
      '@prefix dct: <http://purl.org/dc/terms/> . ex:name a owl:DatatypeProperty . dct:name a owl:DatatypeProperty ; rdfs:isDefinedBy dct: . '
        + 'schema:name a owl:DatatypeProperty ; rdfs:isDefinedBy <http://schema.org/> .',
      'name', 'schema:name',
    ],
    [
      'then the ontology\'s own property',
      '@prefix dct: <http://purl.org/dc/terms/> . ex:title a owl:DatatypeProperty . dct:title a owl:DatatypeProperty ; rdfs:isDefinedBy dct: .',
      'title', 'ex:title',
    ],
    ['a property of ours without rdf:type is not declared', 'ex:loose rdfs:label "loose" .', 'loose', undefined],
    ['a class is no context term', 'ex:Thing a owl:Class .', 'Thing', undefined],
  ];
  for (const [title, turtle, term, expected] of contextCases) {
    it(`context: ${title}`, async () => {
      const { context } = await generate({ 'o.ttl': `${HEADER}${turtle}\n` });
      expect(context[term]).to.deep.equal(expected);
      expect(context).to.include({ '@version': 1.1, id: '@id', type: '@type', ex: 'https://example.org/ontology#', schema: 'http://schema.org/' });
    });
  }

  const moduleCases: Array<[string, string, RegExp]> = [
    ['lists the local names declared, sorted, per prefix', 'ex:b a owl:Class . ex:a a owl:ObjectProperty .', /ex: \['a', 'b'\],/],
    ['leaves out a namespace with no declared term', 'ex:a a owl:Class .', /LOCAL_NAMES = \{\n {2}ex: \['a'\],\n\} as const;/],
    ['has every prefix as a namespace', 'ex:a a owl:Class .', /NS = \{\n {2}ex: 'https:\/\/example\.org\/ontology#',\n {2}schema: 'http:\/\/schema\.org\/',/],
    ['ignores an isDefinedBy naming another vocabulary', 'schema:name rdfs:isDefinedBy <http://xmlns.com/foaf/0.1/> . ex:a a owl:Class .', /^(?![\s\S]*schema: \[)/],
  ];
  for (const [title, turtle, pattern] of moduleCases) {
    it(`module: ${title}`, async () => {
      expect((await generate({ 'o.ttl': `${HEADER}${turtle}\n` })).module).to.match(pattern);
    });
  }

  const errorCases: Array<[string, Record<string, string>, RegExp]> = [
    ['a prefix bound to two namespaces', { 'a.ttl': HEADER, 'b.ttl': '@prefix ex: <https://example.org/other#> .\n' }, /b\.ttl: prefix ex: is <https:\/\/example\.org\/other#> here/],
    ['no ontology namespace', { 'a.ttl': '@prefix ex: <https://example.org/ontology#> .\nex:a a ex:B .\n' }, /expected one vann:preferredNamespaceUri/],
    ['a Turtle syntax error', { 'bad.ttl': `${HEADER}ex:a a .\n` }, /bad\.ttl: /],
    ['a declared term no constant can name', { 'a.ttl': `${HEADER}<https://example.org/ontology#has-dash> a owl:Class .\n` }, /has-dash/],
  ];
  for (const [title, files, message] of errorCases) {
    it(`refuses ${title}, naming it`, async () => {
      const error = await generate(files).then(() => undefined, (caught: unknown) => caught);
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(message);
    });
  }
});
