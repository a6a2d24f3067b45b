import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { readOntologyDoc } from '../../src/docs/ontology-model.js';
import { ontologyMarkdown } from '../../src/docs/markdown.js';
import { generateOntologyMarkdown, ONTOLOGY_FILES } from '../../src/docs/generate.js';
import { NS } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';

const TYPE = `${NS.rdf}type`;

/** Subjects of `type` in a Turtle file, read with N3 directly (independently of the docs code). */
async function subjectsOfType(path: string, type: string): Promise<string[]> {
  const quads = new Parser().parse(await readFile(path, 'utf8'));
  return [...new Set(quads.filter((q) => q.predicate.value === TYPE && q.object.value === type).map((q) => q.subject.value))];
}

const THEMES = `
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix theme: <https://w3id.org/peacegraph/theme/> .
theme:scheme a skos:ConceptScheme ; skos:prefLabel "Test themes"@en ; skos:hasTopConcept theme:security .
theme:security a skos:Concept ; skos:prefLabel "Security"@en ; skos:inScheme theme:scheme ; skos:topConceptOf theme:scheme .
theme:cybersecurity a skos:Concept ; skos:prefLabel "Cybersecurity"@en ; skos:inScheme theme:scheme ; skos:broader theme:security .
theme:cyberconflict a skos:Concept ; skos:prefLabel "Cyberconflict"@en , "Cyberconflit"@fr ; skos:inScheme theme:scheme ; skos:broader theme:cybersecurity ;
  skos:definition "Conflict | in cyberspace"@en .
theme:ai a skos:Concept ; skos:prefLabel "Artificial intelligence"@en ; skos:inScheme theme:scheme .
`;

describe('docs/markdown', () => {
  let dir: string;
  let markdown: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-docs-'));
    await writeFile(join(dir, 'themes.ttl'), THEMES);
    markdown = ontologyMarkdown(await readOntologyDoc([BUNDLED.ontology, join(dir, 'themes.ttl'), BUNDLED.shapes]));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lists every class of the ontology with its alignments', async () => {
    const classes = (await subjectsOfType(BUNDLED.ontology, `${NS.owl}Class`)).filter((iri) => iri.startsWith(NS.pg));
    expect(classes).to.not.be.empty;
    for (const iri of classes) expect(markdown).to.include(`(\`pg:${iri.slice(NS.pg.length)}\`)`);
    expect(markdown).to.match(/### Person \(`pg:Person`\)[^#]*subclass of `schema:Person`/);
  });

  it('lists every property with domain and range', async () => {
    const properties = [
      ...(await subjectsOfType(BUNDLED.ontology, `${NS.owl}ObjectProperty`)),
      ...(await subjectsOfType(BUNDLED.ontology, `${NS.owl}DatatypeProperty`)),
    ].filter((iri) => iri.startsWith(NS.pg));
    for (const iri of properties) expect(markdown).to.include(`| \`pg:${iri.slice(NS.pg.length)}\` |`);
    expect(markdown).to.include('| `pg:participant` | object, functional | `pg:Participation` | `pg:Person` | `prov:agent` |');
  });

  it('draws the theme scheme as a tree, narrower themes indented under broader ones', () => {
    expect(markdown).to.include(
      '- **Security** (`theme:security`)\n  - **Cybersecurity** (`theme:cybersecurity`)\n    - **Cyberconflict** (`theme:cyberconflict`): Conflict | in cyberspace\n',
    );
    expect(markdown).to.include('- **Artificial intelligence** (`theme:ai`)\n');
    expect(markdown).to.not.include('Cyberconflit');
  });

  it('summarises every SHACL shape with its targets and messages', async () => {
    const shapes = await subjectsOfType(BUNDLED.shapes, `${NS.sh}NodeShape`);
    for (const iri of shapes) expect(markdown).to.include(`\`pgsh:${iri.replace(/^.*#/, '')}\``);
    expect(markdown).to.include('| `^pg:participation` | 1..1 |');
    expect(markdown).to.include('a session has exactly one schema:superEvent, a pg:Event');
  });

  it('lists every theme of the bundled theme scheme', async () => {
    const themes = await subjectsOfType(BUNDLED.themes, `${NS.skos}Concept`);
    const bundled = await generateOntologyMarkdown(ONTOLOGY_FILES);
    expect(themes).to.not.be.empty;
    for (const iri of themes) expect(bundled).to.include(`(\`theme:${iri.slice(NS.theme.length)}\`)`);
  });

  it('names the file it cannot read', async () => {
    let failure: Error | undefined;
    await readOntologyDoc([join(dir, 'missing.ttl')]).catch((error: Error) => (failure = error));
    expect(failure?.message).to.match(/missing\.ttl: ENOENT/);
  });
});
