/**
 * Every bundled query, checked against something other than peacegraph's own output:
 * - differential: the local engine (Oxigraph, through peacegraph) and Comunica over an N3 Store
 *   loaded here from graph.nt (default graph) and graph.nq (named graphs) give the same rows, as
 *   multisets, on the bundled report and on a small build of several reports;
 * - hand-made: what the sample report says (read by hand, test/fixtures/geneva-peace-week-2017.expected.json
 *   and the tables below) and what the synthetic reports were generated to say.
 */
import { expect } from 'chai';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamParser, Store } from 'n3';
import { QueryEngine } from '@comunica/query-sparql';
import type { Quad, Term } from '@rdfjs/types';
import { buildGraph } from '../../src/pipeline.js';
import { writeGraph } from '../../src/write/outputs.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { listBundledQueries, parameterTerms, type BundledQuery } from '../../src/query/bundled.js';
import { LocalEngine } from '../../src/query/local.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { runQuery } from '../../src/query/run.js';
import type { QueryResult } from '../../src/query/result.js';
import { generateCorpus, type SyntheticReport } from '../../bench/corpus.js';

const queries: BundledQuery[] = await listBundledQueries(BUNDLED.queries);
const expected = JSON.parse(await readFile('test/fixtures/geneva-peace-week-2017.expected.json', 'utf8')) as {
  people: Record<string, { name: string; organisations: string[] }>;
  sections: Array<{ moderator?: string }>;
};

const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** Datatypes derived from xsd:integer: an engine may answer any of them for the same number. */
const INTEGER_TYPES = new Set(['integer', 'nonNegativeInteger', 'positiveInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt'].map((name) => XSD + name));

/**
 * A term as comparable text, with what engines may legitimately answer differently made equal:
 * integers of any integer datatype in canonical form, language tags in lower case, the parts of a
 * GROUP_CONCAT (" | ", whose order SPARQL leaves open) sorted, and blank nodes as such (their labels
 * are the engine's own).
 */
function comparable(term: Term | undefined): string {
  if (term === undefined) return 'UNBOUND';
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return '_:';
    case 'Literal': {
      if (INTEGER_TYPES.has(term.datatype.value) && /^[+-]?\d+$/.test(term.value)) return `${BigInt(term.value)}^^xsd:integer`;
      const value = JSON.stringify(term.value.split(' | ').sort().join(' | '));
      return term.language ? `${value}@${term.language.toLowerCase()}` : `${value}^^<${term.datatype.value}>`;
    }
    default: return `?${term.value}`;
  }
}

/** Rows as sorted lines (a multiset), and a graph as a set of triples. */
function comparableResult(result: QueryResult): { variables: readonly string[]; lines: string[] } {
  switch (result.kind) {
    case 'boolean': return { variables: [], lines: [String(result.value)] };
    case 'quads': return { variables: [], lines: [...new Set(result.quads.map((quad) => [quad.subject, quad.predicate, quad.object].map(comparable).join(' ')))].sort() };
    case 'bindings': return { variables: result.variables, lines: result.rows.map((row) => result.variables.map((name) => comparable(row[name])).join('\t')).sort() };
  }
}

async function parseFile(path: string, format: 'N-Triples' | 'N-Quads'): Promise<Quad[]> {
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    createReadStream(path).pipe(new StreamParser({ format }))
      .on('data', (quad: Quad) => quads.push(quad)).on('error', reject).on('end', () => resolve());
  });
  return quads;
}

/** Comunica over an N3 Store, asked with the same query text; its answer in peacegraph's result shape. */
async function askComunica(engine: QueryEngine, store: Store, text: string): Promise<QueryResult> {
  const result = await engine.query(text, { sources: [store] });
  switch (result.resultType) {
    case 'boolean': return { kind: 'boolean', value: await result.execute() };
    case 'quads': return { kind: 'quads', quads: await (await result.execute()).toArray() };
    case 'bindings': {
      const variables = (await result.metadata()).variables.map((variable) => variable.value);
      const rows = (await (await result.execute()).toArray()).map((binding) => Object.fromEntries([...binding].map(([variable, term]) => [variable.value, term])));
      return { kind: 'bindings', variables, rows };
    }
    default: throw new Error('Comunica gave no result');
  }
}

interface Graph {
  readonly engine: LocalEngine;
  readonly store: Store;
}

/** Builds the reports in `inputs` into `out`, and loads the written files into both engines. */
async function buildAndLoad(inputs: string[], out: string): Promise<Graph> {
  const result = await buildGraph(inputs);
  expect(result.failures, 'reports refused').to.deep.equal([]);
  await writeGraph(out, result.quads, DEFAULT_BASE, result.models);
  // With the evidence, as serve --with-evidence and push give it: affiliation-evidence reads it. With
  // the statistics the build counted from the facts: the bundled aggregates read them.
  const files = [['graph.nt', 'N-Triples'], ['evidence.nt', 'N-Triples'], ['statistics.nt', 'N-Triples'], ['graph.nq', 'N-Quads'], ['evidence.nq', 'N-Quads']] as const;
  const store = new Store((await Promise.all(files.map(([name, format]) => parseFile(join(out, name), format)))).flat());
  return { engine: new LocalEngine(await resolveGraphFiles(out, 'load')), store };
}

async function rows(graph: Graph, query: BundledQuery, parameters: string[] = []): Promise<string[][]> {
  const { result } = await runQuery(query.text, { kind: 'local', engine: graph.engine }, { bindings: parameterTerms(query, parameters) });
  if (result.kind !== 'bindings') throw new Error(`${query.name}: not a SELECT`);
  return result.rows.map((row) => result.variables.map((name) => row[name]?.value ?? ''));
}

function named(name: string): BundledQuery {
  const query = queries.find((candidate) => candidate.name === name);
  if (query === undefined) throw new Error(`no bundled query ${name}`);
  return query;
}

const SYNTHETIC: SyntheticReport[] = generateCorpus(4, 11);

describe('bundled queries', function () {
  this.timeout(120_000);
  let root: string;
  let comunica: QueryEngine;
  let sample: Graph;
  let several: Graph;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-queries-'));
    const reports = join(root, 'reports');
    await mkdir(reports);
    for (const report of SYNTHETIC) await writeFile(join(reports, report.fileName), report.text);
    comunica = new QueryEngine();
    sample = await buildAndLoad([BUNDLED.reports], join(root, 'sample'));
    several = await buildAndLoad([BUNDLED.reports, reports], join(root, 'several'));
  });
  after(async () => {
    await Promise.all([sample?.engine.close(), several?.engine.close()]);
    await rm(root, { recursive: true, force: true });
  });

  it('bundles at least ten documented queries, of every form', () => {
    expect(queries.length).to.be.at.least(10);
    for (const query of queries) expect(query.description, query.name).to.have.length.greaterThan(20);
    expect(new Set(queries.map((query) => query.text.match(/^(?:PREFIX[^\n]*\n)*\s*(SELECT|ASK|CONSTRUCT)/m)?.[1]))).to.include.members(['SELECT', 'ASK', 'CONSTRUCT']);
  });

  for (const [label, graph] of [['the sample report', () => sample], ['several reports', () => several]] as const) {
    describe(`Oxigraph and Comunica agree on ${label}`, () => {
      for (const query of queries) {
        it(query.name, async () => {
          const { result: local } = await runQuery(query.text, { kind: 'local', engine: graph().engine });
          const other = await askComunica(comunica, graph().store, query.text);
          const [ours, theirs] = [comparableResult(local), comparableResult(other)];
          expect(theirs.variables).to.have.members([...ours.variables]);
          expect(ours.lines, 'an empty answer compares nothing').to.not.be.empty;
          expect(ours.lines).to.deep.equal(theirs.lines);
        });
      }
    });
  }

  describe('what the sample report says (read by hand)', () => {
    const sessionPrefix = 'Geneva Peace Week 2017';

    it('who-moderated-what: each session with a moderator, and who', async () => {
      const found = (await rows(sample, named('who-moderated-what'))).map(([event, position, , moderator]) => [event, Number(position), moderator]);
      // Sections after the week's summary are sessions 1, 2, ...; the sessions whose text names a moderator or chair.
      const wanted = expected.sections.flatMap((section, index) => (section.moderator ? [[sessionPrefix, index, expected.people[section.moderator]!.name]] : []));
      expect(wanted).to.deep.equal([[sessionPrefix, 1, 'Barbara Rosen Jacobson'], [sessionPrefix, 2, 'Roxana Radu'], [sessionPrefix, 3, 'Hang Nguyen'], [sessionPrefix, 5, 'Stefano Toscano']]);
      expect(found).to.deep.equal(wanted);
    });

    it('sessions-of-event: the six sessions in order, their reporters and how many speakers each', async () => {
      const found = (await rows(sample, named('sessions-of-event'))).map(([, position, , reporter, speakers]) => [Number(position), reporter, Number(speakers)]);
      expect(found).to.deep.equal([
        [1, 'Arto Väisänen', 4],
        [2, 'Roxana Radu', 0],
        [3, 'Marco Lotti', 3],
        [4, 'Barbara Rosen Jacobson', 2],
        [5, 'Arto Väisänen', 7],
        [6, 'Guilherme Cooper Vicente', 4],
      ]);
    });

    it('initiatives-mentioned: the initiatives each session discusses (not the week summary\'s Mission Zhobia)', async () => {
      const positions = new Map((await rows(sample, named('sessions-of-event'))).map(([, position, session]) => [session!, Number(position)]));
      const found = (await rows(sample, named('initiatives-mentioned'))).map(([initiative, session]) => `${positions.get(session!)}: ${initiative!.toLowerCase()}`);
      expect(found.sort()).to.deep.equal([
        '2: digital geneva convention',
        '2: montreux process',
        '3: code of trusted public communication',
        '3: diplomatic council safer internet for children',
        '3: white it project',
        '5: gis for peace',
      ]);
    });

    it('people-by-organisation: every person named with an organisation, and only them', async () => {
      const found = new Set((await rows(sample, named('people-by-organisation'))).map(([, person]) => person));
      const wanted = new Set(Object.values(expected.people).filter((person) => person.organisations.length > 0).map((person) => person.name));
      expect(found).to.deep.equal(wanted);
    });

    it('people-by-organisation binds its parameter on name or acronym, as a literal', async () => {
      const people = async (org: string) => (await rows(sample, named('people-by-organisation'), [`org=${org}`])).map(([, person]) => person);
      expect(await people('UNITAR')).to.deep.equal(['Einar Bjorgo']);
      expect(await people('Diplomatic Council')).to.deep.equal(['Hang Nguyen', 'Jamal Qaiser']);
      expect(await people('x" } ; DROP ALL ; #')).to.deep.equal([]);
    });

    it('people-with-several-affiliations: the people the report gives two organisations', async () => {
      const found = (await rows(sample, named('people-with-several-affiliations'))).map(([person, count]) => [person, Number(count)]);
      // Roxana Radu: Geneva Internet Platform and DiploFoundation; Einar Bjorgo: UNITAR and its UNOSAT;
      // Corrado Scognamillo: UNDP's Crisis Response Unit.
      expect(found).to.deep.equal([['Corrado Scognamillo', 2], ['Einar Bjorgo', 2], ['Roxana Radu', 2]]);
    });

    it('has-person answers yes for a speaker and no for the event\'s name', async () => {
      const query = named('has-person');
      const ask = async (name: string) => (await runQuery(query.text, { kind: 'local', engine: sample.engine }, { bindings: parameterTerms(query, [`name=${name}`]) })).result;
      expect(await ask('Einar Bjorgo')).to.deep.equal({ kind: 'boolean', value: true });
      expect(await ask('Geneva Peace Week 2017')).to.deep.equal({ kind: 'boolean', value: false });
    });
  });

  it('who-moderated-what on several reports: the moderators the synthetic reports were written with, per event', async () => {
    const found = (await rows(several, named('who-moderated-what'))).filter(([event]) => !event!.startsWith('Geneva Peace Week'));
    const byEvent = (pairs: Array<[string, string]>) => Object.fromEntries([...new Set(pairs.map(([event]) => event))].map((event) =>
      [event, [...new Set(pairs.filter(([other]) => other === event).map(([, moderator]) => moderator))].sort()]));
    expect(byEvent(found.map(([event, , , moderator]): [string, string] => [event!, moderator!])))
      .to.deep.equal(byEvent(SYNTHETIC.flatMap((report) => report.sessions.map((session): [string, string] => [report.event, session.moderator]))));
  });

  // Each section of a synthetic report (a reporter's name, then the session) should be a session of
  // its own, as in the sample; they are read as one session holding every moderator and speaker.
  it('who-moderated-what on several reports: each synthetic session its own position', async () => {
    const found = (await rows(several, named('who-moderated-what'))).filter(([event]) => !event!.startsWith('Geneva Peace Week'));
    expect(found.map(([event, position, , moderator]) => [event, Number(position), moderator]))
      .to.deep.equal(SYNTHETIC.flatMap((report) => report.sessions.map((session, index) => [report.event, index + 1, session.moderator])));
  });
});
