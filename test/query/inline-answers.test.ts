/**
 * Answers on the engine's own thread (src/query/inline-answers.ts): a request asked again after a
 * worker answered it fast from the facts' store is answered there, with the worker's answer; any
 * other request keeps going to a worker. The graph is written here by hand: a default graph, the
 * same triples in two named graphs, statistics, and evidence.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { LocalEngine, type LocalQuery } from '../../src/query/local.js';
import { resolveGraphFiles, type GraphFiles } from '../../src/query/rdf-files.js';
import { formatResult } from '../../src/query/format.js';
import { termIri } from '../../src/rdf/namespaces.js';

const S = 'http://schema.org/';
const ID = 'https://w3id.org/peacegraph/id/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const triple = (subject: string, predicate: string, object: string): string => `<${ID}${subject}> <${S}${predicate}> ${object} .`;
const FACTS = [
  triple('ana', 'name', '"Ana Lima"'),
  triple('omar', 'name', '"Omar Diallo"'),
  triple('lea', 'name', '"Léa Roux"'),
  `<${ID}ana> <${RDF_TYPE}> <${S}Person> .`,
  `<${ID}omar> <${RDF_TYPE}> <${S}Person> .`,
  `<${ID}lea> <${RDF_TYPE}> <${S}Person> .`,
  triple('ana', 'affiliation', `<${ID}icrc>`),
  triple('omar', 'affiliation', `<${ID}icrc>`),
  triple('icrc', 'name', '"International Committee of the Red Cross"'),
];
const inGraph = (line: string, graph: string): string => line.replace(/ \.$/, ` <${ID}graph/${graph}> .`);
const NAMED = [...FACTS.slice(0, 5).map((line) => inGraph(line, 'one')), ...FACTS.slice(3).map((line) => inGraph(line, 'two'))];
const EVIDENCE = `<${ID}ana> <${termIri('pg', 'evidence')}> <${ID}span/1> .`;

const PREFIX = `PREFIX s: <${S}> `;
const NAMES = `${PREFIX}SELECT ?n WHERE { ?p a s:Person ; s:name ?n } ORDER BY ?n`;
const HAS_PERSON = `${PREFIX}ASK { ?p a s:Person ; s:name ?name }`;

/** Requests a worker answers fast from the facts' store, each with its answer as text (formatResult, or as the worker wrote it). */
const FAST: Array<[string, LocalQuery, string]> = [
  ['an ordered SELECT', { text: NAMES }, 'n\r\nAna Lima\r\nLéa Roux\r\nOmar Diallo\r\n'],
  ['a SELECT written as CSV', { text: NAMES, write: 'csv' }, 'n\r\nAna Lima\r\nLéa Roux\r\nOmar Diallo\r\n'],
  ['a SELECT cut at the cap', { text: NAMES, maxRows: 2 }, 'n\r\nAna Lima\r\nLéa Roux\r\n'],
  ['a page of a SELECT', { text: NAMES, page: { offset: 1, size: 1 } }, 'n\r\nLéa Roux\r\n'],
  ['an ASK with a parameter', { text: HAS_PERSON, bindings: new Map([['name', DataFactory.literal('Omar Diallo')]]) }, 'true\n'],
  ['a CONSTRUCT', { text: `${PREFIX}CONSTRUCT { ?p s:affiliation ?o } WHERE { ?p s:affiliation ?o ; s:name "Ana Lima" }` },
    `<${ID}ana> <${S}affiliation> <${ID}icrc> .\n`],
];

/** The answer as text: the worker's writing, or the answer formatted (CSV for tables, N-Triples for graphs). */
async function answerText(engine: LocalEngine, query: LocalQuery): Promise<string> {
  const answer = await engine.query({ ...query, write: query.write });
  if ('written' in answer) return answer.written.text;
  return formatResult(answer.result, answer.result.kind === 'quads' ? 'ntriples' : 'csv', { prefixes: {}, context: {} });
}

describe('query/inline-answers', function () {
  this.timeout(60_000);
  let root: string;
  let files: GraphFiles;
  let engine: LocalEngine;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-inline-'));
    await writeFile(join(root, 'graph.nt'), `${FACTS.join('\n')}\n`);
    await writeFile(join(root, 'graph.nq'), `${NAMED.join('\n')}\n`);
    await writeFile(join(root, 'statistics.nt'), `<${ID}stats> <${S}description> "three people" .\n`);
    await writeFile(join(root, 'evidence.nt'), `${EVIDENCE}\n`);
    await writeFile(join(root, 'evidence.nq'), `${inGraph(EVIDENCE, 'one')}\n`);
    files = await resolveGraphFiles(root, 'load');
    // A generous time: every request these facts answer is fast enough, on any machine.
    engine = new LocalEngine(files, { workers: 1, preload: true, inlineMs: 60_000 });
    await engine.ready();
  });
  after(async () => {
    await engine?.close();
    await rm(root, { recursive: true, force: true });
  });

  for (const [name, query, expected] of FAST) {
    it(`answers ${name} on its own thread when asked again, as the worker did`, async () => {
      const before = engine.inlineAnswers;
      expect(await answerText(engine, query), 'from the worker').to.equal(expected);
      expect(engine.inlineAnswers, 'the first time, in a worker').to.equal(before);
      expect(await answerText(engine, query), 'on the engine\'s thread').to.equal(expected);
      expect(engine.inlineAnswers).to.equal(before + 1);
    });
  }

  const toWorkers: Array<[string, string, string]> = [
    ['a query that reaches the named graphs', `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g`,
      `g,n\r\n${ID}graph/one,6\r\n${ID}graph/two,6\r\n`],
    ['a query that reads the evidence', `SELECT ?x WHERE { ?x <${termIri('pg', 'evidence')}> ?e }`, `x\r\n${ID}ana\r\n`],
    ['a query every triple can match (the evidence\'s too)', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', 'n\r\n11\r\n'],
  ];
  for (const [name, text, expected] of toWorkers) {
    it(`keeps sending ${name} to a worker`, async () => {
      const before = engine.inlineAnswers;
      for (let time = 0; time < 3; time += 1) expect(await answerText(engine, { text })).to.equal(expected);
      expect(engine.inlineAnswers).to.equal(before);
    });
  }

  it('tells requests apart by their parameters', async () => {
    const asked = (name: string) => answerText(engine, { text: HAS_PERSON, bindings: new Map([['name', DataFactory.literal(name)]]) });
    expect(await asked('Ana Lima')).to.equal('true\n');
    expect(await asked('Ana Lima')).to.equal('true\n');
    const before = engine.inlineAnswers;
    expect(await asked('Nobody Here')).to.equal('false\n');
    expect(engine.inlineAnswers, 'another parameter is another request').to.equal(before);
  });

  it('never answers a failed query on its own thread', async () => {
    const before = engine.inlineAnswers;
    for (let time = 0; time < 2; time += 1) {
      const failure = await engine.query({ text: 'SELECT ?x WHERE { ?x ' }).then(() => undefined, (error: Error) => error);
      expect(failure?.name).to.equal('QuerySyntaxError');
    }
    expect(engine.inlineAnswers).to.equal(before);
  });

  it('keeps sending requests slower than the limit to a worker', async () => {
    // No answer takes less than the smallest positive time.
    const strict = new LocalEngine(files, { workers: 1, preload: true, inlineMs: Number.MIN_VALUE });
    try {
      await strict.ready();
      for (let time = 0; time < 3; time += 1) expect(await answerText(strict, { text: NAMES })).to.equal(FAST[0]![2]);
      expect(strict.inlineAnswers).to.equal(0);
    } finally {
      await strict.close();
    }
  });
});
