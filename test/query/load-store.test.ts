/**
 * The default graph is a set on a multi-report build: each triple once, as on graph.nt, while
 * GRAPH ?g still reaches each report's graph. Checked against independent engines on the same
 * build: Comunica over graph.nt for every bundled query (bound and unbound), and in CI Virtuoso
 * holding graph.nt.
 */
import { expect } from 'chai';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { generateCorpus } from '../../bench/corpus.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { listBundledQueries, parameterTerms, type BundledQuery } from '../../src/query/bundled.js';
import { LocalEngine } from '../../src/query/local.js';
import { GraphFileError, LazyGraph, type LoadProgress } from '../../src/query/load-store.js';
import { partFileName, SPLIT_FOLDER } from '../../src/write/graph-split.js';
import { splitFolder } from '../write/split-folder.js';
import { EVERYTHING, graphScope, type GraphScope } from '../../src/query/graph-scope.js';
import type { ResultsJson } from '../../src/query/results-json.js';
import type { RequiredTerms } from '../../src/query/required-terms.js';
import oxigraph from 'oxigraph';
import { readQuadsFile, type FederatedSource } from '../../src/query/federated.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { runQuery, type QueryTarget } from '../../src/query/run.js';
import { QueryRefusedError } from '../../src/query/sparql.js';
import { rowLines } from '../../src/query/result.js';
import { payloadOf, pushAll, type GraphPayload, type StoreTarget } from '../../src/store/push.js';
import { normalise, virtuosoEnv } from '../store/virtuoso-env.js';

const SAMPLE = join(BUNDLED.reports, 'geneva-peace-week-2017.txt');
const PEOPLE = 'PREFIX schema: <http://schema.org/> SELECT (COUNT(*) AS ?rows) (COUNT(DISTINCT ?p) AS ?people) WHERE { ?p a schema:Person ; schema:name ?n }';
const queries: BundledQuery[] = await listBundledQueries(BUNDLED.queries);
const PART_LINES = 10_000;

/** GROUP_CONCAT order is not defined; CONSTRUCT results are graphs (Comunica repeats a triple per solution). */
function canonical(lines: readonly string[], isGraph: boolean): string[] {
  return (isGraph ? [...new Set(lines)] : lines).map((line) => line.replace(/"([^"\t]* \| [^"\t]*)"/g, (_whole, list: string) => `"${list.split(' | ').sort().join(' | ')}"`)).sort();
}

/** Ten synthetic reports sharing people and organisations, and the sample under three titles. */
async function multiReportBuild(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'peacegraph-default-graph-'));
  const reports = join(root, 'reports');
  await mkdir(reports);
  for (const report of generateCorpus(10, 2)) await writeFile(join(reports, report.fileName), report.text);
  const sample = await readFile(SAMPLE, 'utf8');
  await copyFile(SAMPLE, join(reports, 'sample-a.txt'));
  for (const year of [2018, 2019]) await writeFile(join(reports, `sample-${year}.txt`), sample.replace('Geneva Peace Week 2017', `Geneva Peace Week ${year}`));
  const out = join(root, 'out');
  const build = await buildCorpus([reports], out, { base: DEFAULT_BASE, validate: false, evidence: true, jobs: 1 });
  expect(build.failures).to.deep.equal([]);
  await build.commit();
  return out;
}

/**
 * Each query as bundled (unless a parameter is required) and, if it has parameters, bound as
 * `query --param` binds them to values the build holds.
 */
function variants(query: BundledQuery, values: ReadonlyMap<string, string>): Array<[string, ReadonlyMap<string, Term>]> {
  const unbound: Array<[string, ReadonlyMap<string, Term>]> = [...query.parameters.values()].some((parameter) => parameter.required) ? [] : [[query.name, new Map()]];
  if (query.parameters.size === 0) return unbound;
  const pairs = [...query.parameters.keys()].map((name) => `${name}=${values.get(name)!}`);
  return [...unbound, [`${query.name} (${pairs.join(', ')})`, parameterTerms(query, pairs)]];
}

describe('query/load-store: default-graph semantics on a multi-report build', function () {
  this.timeout(600000);
  let out: string;
  let oneShot: LocalEngine;
  let preloaded: LocalEngine;
  let comunica: FederatedSource[];
  const values = new Map([
    ['event', 'Geneva Peace Week 2018'], ['person', 'Einar Bjorgo'], ['name', 'Einar Bjorgo'], ['org', 'UNITAR'], ['theme', 'cybersecurity'],
  ]);

  before(async () => {
    out = await multiReportBuild();
    // The facts and their evidence (affiliation-evidence reads it), as serve --with-evidence loads them.
    const files = await resolveGraphFiles(out, 'load');
    // Each query loads what it reads (query), or the whole graph at start (serve).
    oneShot = new LocalEngine(files);
    preloaded = new LocalEngine(files, { preload: true });
    // The facts, their evidence, and the aggregates the build precomputed from them (the bundled aggregates read those).
    comunica = [{ kind: 'quads', quads: [...await readQuadsFile(join(out, 'graph.nt')), ...await readQuadsFile(join(out, 'evidence.nt')), ...await readQuadsFile(join(out, 'statistics.nt'))] }];
  });
  after(async () => Promise.all([oneShot?.close(), preloaded?.close()]));

  const answer = async (text: string, target: QueryTarget, bindings: ReadonlyMap<string, Term> = new Map()): Promise<string[]> =>
    rowLines((await runQuery(text, target, { bindings })).result);

  it('is loaded from files its build recorded as they are on disk (so they are parsed without the check of each IRI)', async () => {
    const files = await resolveGraphFiles(out, 'load');
    const loaded = [files.triples, files.quads, files.evidence?.triples, files.evidence?.quads, files.statistics];
    expect(loaded.map((file) => file?.path)).to.deep.equal(['graph.nt', 'graph.nq', 'evidence.nt', 'evidence.nq', 'statistics.nt'].map((name) => join(out, name)));
    for (const file of loaded) {
      const bytes = await readFile(file!.path);
      expect(file!.written, file!.path).to.deep.equal({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  });

  it('counts each person once: COUNT(*) equals COUNT(DISTINCT), as Comunica gives on graph.nt', async () => {
    const expected = await answer(PEOPLE, { kind: 'federated', sources: comunica });
    const [rows, people] = expected[0]!.split('\t');
    expect(rows).to.equal(people);
    expect(await answer(PEOPLE, { kind: 'local', engine: oneShot })).to.deep.equal(expected);
    expect(await answer(PEOPLE, { kind: 'local', engine: preloaded })).to.deep.equal(expected);
  });

  it('reaches each report graph with GRAPH ?g, with the triples graph.nq and evidence.nq give it', async () => {
    const perGraph = new Map<string, number>();
    const lines = [...(await readFile(join(out, 'graph.nq'), 'utf8')).split('\n'), ...(await readFile(join(out, 'evidence.nq'), 'utf8')).split('\n')];
    for (const line of lines) {
      const graph = /(<[^>]+>) \.$/.exec(line)?.[1];
      if (graph !== undefined) perGraph.set(graph, (perGraph.get(graph) ?? 0) + 1);
    }
    const expected = [...perGraph].map(([graph, count]) => `${graph}\t"${count}"^^<http://www.w3.org/2001/XMLSchema#integer>`).sort();
    expect(expected).to.have.length(14);
    const query = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g';
    for (const engine of [oneShot, preloaded]) expect((await answer(query, { kind: 'local', engine })).sort()).to.deep.equal(expected);
  });

  it('answers a query with default-graph and GRAPH patterns over both, and default-graph queries after it still count each person once', async () => {
    const quads = [...await readQuadsFile(join(out, 'graph.nt')), ...await readQuadsFile(join(out, 'graph.nq'))];
    const mixed = 'PREFIX schema: <http://schema.org/> SELECT ?name (COUNT(DISTINCT ?g) AS ?reports) WHERE { ?p a schema:Person ; schema:name ?name . GRAPH ?g { ?p schema:name ?name } } GROUP BY ?name';
    const expected = (await answer(mixed, { kind: 'federated', sources: [{ kind: 'quads', quads }] })).sort();
    expect(expected).to.have.length.above(10);
    const people = await answer(PEOPLE, { kind: 'federated', sources: comunica });
    for (const engine of [oneShot, preloaded]) {
      expect((await answer(mixed, { kind: 'local', engine })).sort()).to.deep.equal(expected);
      expect(await answer(PEOPLE, { kind: 'local', engine })).to.deep.equal(people);
    }
  });

  describe('with the evidence left out (query and serve without --with-evidence)', () => {
    let facts: LocalEngine;
    before(async () => {
      facts = new LocalEngine(await resolveGraphFiles(out));
    });
    after(() => facts?.close());
    const count = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
    const fileLines = async (name: string): Promise<number> => (await readFile(join(out, name), 'utf8')).split('\n').filter(Boolean).length;
    const integer = (value: number): string => `"${value}"^^<http://www.w3.org/2001/XMLSchema#integer>`;

    it('holds the lines of graph.nt and statistics.nt, and the evidence files add theirs', async () => {
      const [factLines, evidenceLines] = [await fileLines('graph.nt') + await fileLines('statistics.nt'), await fileLines('evidence.nt')];
      expect(evidenceLines).to.be.above(factLines);
      expect(await answer(count, { kind: 'local', engine: facts })).to.deep.equal([integer(factLines)]);
      expect(await answer(count, { kind: 'local', engine: preloaded })).to.deep.equal([integer(factLines + evidenceLines)]);
      expect(await answer(PEOPLE, { kind: 'local', engine: facts })).to.deep.equal(await answer(PEOPLE, { kind: 'local', engine: oneShot }));
    });

    it('refuses a query that reads evidence, saying how to load it; with the evidence it answers from the text', async () => {
      const query = queries.find((each) => each.name === 'affiliation-evidence')!;
      const error = await runQuery(query.text, { kind: 'local', engine: facts }).then(() => undefined, (caught: Error) => caught);
      expect(error).to.be.instanceOf(QueryRefusedError);
      expect((error as QueryRefusedError).reason).to.equal('evidence');
      expect(error?.message).to.include('serve --with-evidence');
      // Brad Smith's affiliation, quoted from the sample (3,005 to 3,037) under each of its three titles.
      const rows = await answer(query.text, { kind: 'local', engine: oneShot }, new Map([['person', DataFactory.literal('Brad Smith')]]));
      const offsets = `${integer(3005)}\t${integer(3037)}\t"Microsoft’s President Brad Smith"`;
      expect(rows.sort()).to.deep.equal(['sample-2018.txt', 'sample-2019.txt', 'sample-a.txt'].map((report) => `"Brad Smith"\t"Microsoft"\t"${report}"\t${offsets}`));
    });
  });

  for (const query of queries) {
    for (const [label, bindings] of variants(query, values)) {
      it(`${label}: the same answer as Comunica over graph.nt and evidence.nt`, async () => {
        const isGraph = query.text.includes('CONSTRUCT');
        const expected = canonical(await answer(query.text, { kind: 'federated', sources: comunica }, bindings), isGraph);
        if (bindings.size > 0) expect(expected, 'the bound value is in the build').not.to.deep.equal([]);
        for (const engine of [oneShot, preloaded]) {
          expect(canonical(await answer(query.text, { kind: 'local', engine }, bindings), isGraph)).to.deep.equal(expected);
        }
      });
    }
  }

  describe('and as Virtuoso holding graph.nt and evidence.nt', () => {
    const env = virtuosoEnv();
    const graphBase = `http://example.org/peacegraph-test/${randomBytes(4).toString('hex')}/default-graph-`;
    // graph.nt and evidence.nt in disjoint parts (one upload of it all is too large for the store): their merge is the full graph.
    const graphs: string[] = [];

    before(async function () {
      if (env === undefined) {
        if (process.env.CI) throw new Error('CI must start Virtuoso (.ci/virtuoso.sh) and set PEACEGRAPH_VIRTUOSO_ENV');
        console.log('      (skipped: no Virtuoso; PEACEGRAPH_VIRTUOSO_ENV is unset, .ci/run starts one)');
        this.skip();
      }
      const target: StoreTarget = { gsp: `${env.http}/sparql-graph-crud-auth`, update: `${env.http}/sparql-auth`, credentials: { user: env.user, password: env.password } };
      const lines = (await Promise.all(['graph.nt', 'evidence.nt', 'statistics.nt'].map((name) => readFile(join(out, name), 'utf8')))).join('').split('\n').filter(Boolean);
      const payloads: GraphPayload[] = [];
      for (let start = 0; start < lines.length; start += PART_LINES) {
        const graph = `${graphBase}${payloads.length}`;
        payloads.push(payloadOf(graph, `${lines.slice(start, start + PART_LINES).join('\n')}\n`));
        graphs.push(graph);
      }
      // push checks each graph's triple count and content hash after the upload.
      const outcomes = await pushAll(target, payloads);
      expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(payloads.map(() => 'replaced'));
    });

    for (const query of queries) {
      for (const [label, bindings] of variants(query, values)) {
        it(`${label}: the same answer as Virtuoso`, async () => {
          const scoped = query.text.replace(/\bWHERE\s*\{/, `${graphs.map((graph) => `FROM <${graph}>`).join(' ')} WHERE {`);
          const remote = await answer(scoped, { kind: 'endpoint', url: `${env!.http}/sparql` }, bindings);
          const mine = await answer(query.text, { kind: 'local', engine: oneShot }, bindings);
          expect(remote.length, 'rows').to.equal(mine.length);
          expect(normalise(remote)).to.deep.equal(normalise(mine));
        });
      }
    }
  });
});

describe('query/load-store: a part of the graph loads every line it may need', () => {
  // Lines the filter cannot tell without parsing: a blank node, tabs, an escaped IRI, a comment.
  const lines = [
    '<http://e/a> <http://schema.org/name> "A" .',
    '_:b <http://schema.org/name> "B" .',
    '<http://e/c>\t<http://schema.org/name>\t"C" .',
    '<http://e/d> <http://schema.org/n\\u0061me> "D" .',
    '# a comment',
    '<http://e/e> <http://schema.org/description> "not a name" .',
    '<http://e/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .',
    '<http://e/f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Place> .',
    '<http://e/g> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Pl\\u0061ce> .',
    '<http://e/h> <http://example.org/prénom> "H" .',
  ];
  const query = 'PREFIX s: <http://schema.org/> SELECT ?n WHERE { ?x s:name ?n } ORDER BY ?n';
  let engine: LocalEngine;
  before(async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'peacegraph-lines-')), 'graph.nt');
    await writeFile(file, `${lines.join('\n')}\n`);
    engine = new LocalEngine({ triples: { path: file, format: 'application/n-triples' } });
  });
  after(() => engine.close());

  it('every name, whatever the line looks like, and then the types and a non-ASCII predicate asked later', async () => {
    expect(rowLines((await runQuery(query, { kind: 'local', engine })).result)).to.deep.equal(['"A"', '"B"', '"C"', '"D"']);
    expect(rowLines((await runQuery('SELECT ?x WHERE { ?x a <http://schema.org/Place> } ORDER BY ?x', { kind: 'local', engine })).result)).to.deep.equal(['<http://e/f>', '<http://e/g>']);
    expect(rowLines((await runQuery('SELECT ?n WHERE { ?x <http://example.org/prénom> ?n }', { kind: 'local', engine })).result)).to.deep.equal(['"H"']);
    expect(rowLines((await runQuery('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { kind: 'local', engine })).result))
      .to.deep.equal(['"9"^^<http://www.w3.org/2001/XMLSchema#integer>']);
  });
});

describe('query/load-store: the evidence in a store of its own', () => {
  const FACTS = [
    '<http://e/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .',
    '<http://e/a> <http://schema.org/name> "A" .',
    '<http://e/m> <http://www.w3.org/ns/org#member> <http://e/a> .',
  ];
  const EVIDENCE = [
    '<http://e/m> <https://w3id.org/peacegraph/ontology#evidence> <http://e/ev> .',
    '<http://e/ev> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/peacegraph/ontology#Evidence> .',
    '<http://e/ev> <http://www.w3.org/ns/oa#hasTarget> <http://e/t> .',
  ];
  const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
  const EVIDENCE_QUERY = 'SELECT * WHERE { ?m <https://w3id.org/peacegraph/ontology#evidence> ?e }';
  const count = (store: oxigraph.Store): number => Number((store.query(COUNT) as Array<Map<string, { value: string }>>)[0]!.get('n')!.value);
  let dir: string;
  const lazyGraph = () => new LazyGraph(() => new oxigraph.Store(), {
    triples: { path: join(dir, 'graph.nt'), format: 'application/n-triples' }, evidence: { triples: { path: join(dir, 'evidence.nt'), format: 'application/n-triples' } },
  });
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-evidence-'));
    await writeFile(join(dir, 'graph.nt'), `${FACTS.join('\n')}\n`);
    await writeFile(join(dir, 'evidence.nt'), `${EVIDENCE.join('\n')}\n`);
  });

  // [query, runs beside the evidence]: by hand, from what evidence.nt holds.
  const cases: Array<[string, string, boolean]> = [
    ['a query of the facts', 'SELECT * WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n }', false],
    ['a query naming an evidence term', EVIDENCE_QUERY, true],
    ['a type pattern with a variable class (it can match an evidence type)', 'SELECT * WHERE { ?x a ?type }', true],
    ['a variable predicate', 'SELECT * WHERE { ?x ?p ?o }', true],
  ];
  for (const [name, query, beside] of cases) {
    it(`once the evidence is loaded, runs ${name} ${beside ? 'beside the evidence (6 triples)' : 'on the facts alone (3 triples)'}`, async () => {
      const graph = lazyGraph();
      await graph.preload();
      const store = await graph.ensure(graphScope(query));
      expect([count(store), store === await graph.ensure(graphScope(EVIDENCE_QUERY))]).to.deep.equal([beside ? 6 : 3, beside]);
    });
  }

  // [terms, lacks one]: by hand, from what graph.nt holds.
  const held: Array<[string, RequiredTerms, boolean]> = [
    ['a predicate and a class the facts hold', { predicates: ['http://schema.org/name'], classes: ['http://schema.org/Person'] }, false],
    ['a predicate only the evidence holds', { predicates: ['http://schema.org/name', 'https://w3id.org/peacegraph/ontology#evidence'], classes: [] }, true],
    ['a class no triple has', { predicates: [], classes: ['http://schema.org/Event'] }, true],
    ['an IRI that cannot be written in a query (counted as held)', { predicates: ['http://e/a b>'], classes: [] }, false],
  ];
  for (const [name, terms, lacks] of held) {
    it(`knows whether the facts' store lacks ${name}`, async () => {
      const graph = lazyGraph();
      await graph.preload();
      expect(graph.lacksAny(await graph.ensure(graphScope('SELECT * WHERE { ?p <http://schema.org/name> ?n }')), terms)).to.equal(lacks);
    });
  }

  it('asks again once a store has loaded more', async () => {
    const graph = lazyGraph();
    const names = await graph.ensure(graphScope('SELECT * WHERE { ?p <http://schema.org/name> ?n }'));
    const member = { predicates: ['http://www.w3.org/ns/org#member'], classes: [] };
    expect(graph.lacksAny(names, member)).to.equal(true);
    const store = await graph.ensure(graphScope('SELECT * WHERE { ?m <http://www.w3.org/ns/org#member> ?p }'));
    expect([store, graph.lacksAny(store, member)]).to.deep.equal([names, false]);
  });

  it('before the evidence is loaded, runs every query beside it (what it holds is not known yet)', async () => {
    const graph = lazyGraph();
    const store = await graph.ensure(graphScope('SELECT * WHERE { ?p <http://schema.org/name> ?n }'));
    expect(store).to.equal(await graph.ensure(graphScope(EVIDENCE_QUERY)));
  });
});

describe('query/load-store: a bad graph file', () => {
  // The query reads schema:name only: the lines before the bad one are not given to the engine, yet the position is the file's.
  const positions: Array<[string, string, RegExp]> = [
    ['a bad line after lines the query does not read', '<http://e/a> <http://e/other> "x" .\n<http://e/b> <http://e/other> "y" .\n<http://e/c> <http://schema.org/name> "bad .\n', /between line 3 column \d+ and line 4 column 1/],
    ['a bad line between lines it does not read, without a last newline', '<http://e/a> <http://e/other> "x" .\n<http://e/c> <http://schema.org/name> <http://e/not an iri> .\n<http://e/b> <http://e/other> "y" .', /\bline 2\b/],
  ];
  for (const [what, text, position] of positions) {
    it(`gives the file's line for ${what}`, async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'peacegraph-bad-')), 'graph.nt');
      await writeFile(file, text);
      const engine = new LocalEngine({ triples: { path: file, format: 'application/n-triples' } });
      try {
        let error: Error | undefined;
        await runQuery('SELECT ?n WHERE { ?x <http://schema.org/name> ?n }', { kind: 'local', engine }).catch((caught: Error) => { error = caught; });
        expect(error?.message).to.include(`cannot load ${file}`).and.match(position);
      } finally {
        await engine.close();
      }
    });
  }

  it('is named alone among the files loaded, the good ones not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peacegraph-bad-'));
    const [good, bad] = [join(dir, 'graph.nt'), join(dir, 'statistics.nt')];
    await writeFile(good, '<http://e/a> <http://schema.org/name> "A" .\n');
    await writeFile(bad, '<http://e/s> <http://schema.org/name> "unterminated .\n');
    const engine = new LocalEngine({ triples: { path: good, format: 'application/n-triples' }, statistics: { path: bad, format: 'application/n-triples' } });
    try {
      let error: Error | undefined;
      await runQuery('SELECT ?n WHERE { ?x <http://schema.org/name> ?n }', { kind: 'local', engine }).catch((caught: Error) => { error = caught; });
      expect(error?.message).to.match(new RegExp(`^cannot load ${bad}: `)).and.not.include(good);
    } finally {
      await engine.close();
    }
  });

  it('is an error naming the file and the line, for a query that reads only a part', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'peacegraph-bad-')), 'graph.nt');
    await writeFile(file, '<http://e/a> <http://schema.org/name> "A" .\n<http://e/b> <http://schema.org/name> <http://e/not an iri> .\n');
    const engine = new LocalEngine({ triples: { path: file, format: 'application/n-triples' } });
    try {
      let error: Error | undefined;
      await runQuery('SELECT ?n WHERE { ?x <http://schema.org/name> ?n }', { kind: 'local', engine }).catch((caught: Error) => { error = caught; });
      expect(error?.message).to.include(`cannot load ${file}`).and.match(/line 2/);
    } finally {
      await engine.close();
    }
  });
});

describe('query/load-store: a file as its build recorded it (size and SHA-256 in the manifest)', () => {
  const GOOD = '<http://e/a> <http://schema.org/name> "Ann" .\n<http://e/b> <http://schema.org/description> "Bob" .\n';
  // A line that only the check of each IRI refuses (a space in the IRI), where a part that does not read descriptions leaves it.
  const UNCHECKED = '<http://e/a> <http://schema.org/name> "Ann" .\n<http://e/b> <http://schema.org/description> <http://e/ b> .\n';
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const ALL = 'SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o';
  const WHOLE: GraphScope = { ...EVERYTHING, named: false };
  // How the file is read: whole on this thread (serve), whole on a scanning thread after a part
  // (a query with a variable predicate after one that read names), or a part alone (a query
  // naming its predicates), which is always checked.
  const reads: ReadonlyArray<readonly [string, readonly GraphScope[], number, boolean]> = [
    ['loaded whole here', [WHOLE], Number.MAX_SAFE_INTEGER, true],
    ['loaded whole on a scanning thread, after a part', [graphScope('SELECT ?n WHERE { ?x <http://schema.org/name> ?n }'), WHOLE], 0, true],
    ['a part alone', [graphScope('SELECT ?d WHERE { ?x <http://schema.org/description> ?d }')], 0, false],
  ];
  // What the file holds, what the build recorded; the objects then held, read whole and in part (descriptions), or the error.
  const BAD_IRI = /Invalid IRI code point ' '/;
  const cases: ReadonlyArray<readonly [string, string, string, readonly string[] | RegExp, readonly string[] | RegExp]> = [
    ['unchanged', UNCHECKED, sha256(UNCHECKED), ['"http://e/ b"', '"Ann"'], BAD_IRI],
    ['changed since the build, with a bad IRI', UNCHECKED, sha256(GOOD), BAD_IRI, BAD_IRI],
    ['changed since the build but good', GOOD, sha256(UNCHECKED), ['"Ann"', '"Bob"'], ['"Bob"']],
  ];
  for (const [read, scopes, offThreadBytes, whole] of reads) {
    for (const [what, text, recorded, heldWhole, heldInPart] of cases) {
      const expected = whole ? heldWhole : heldInPart;
      it(`${read}, ${what}: ${expected instanceof RegExp ? 'checked: an error naming the file' : whole && what === 'unchanged' ? 'parsed without the check of each IRI' : 'checked'}`, async () => {
        const file = join(await mkdtemp(join(tmpdir(), 'peacegraph-recorded-')), 'graph.nt');
        await writeFile(file, text);
        const graph = new LazyGraph(() => new oxigraph.Store(), {
          triples: { path: file, format: 'application/n-triples', written: { bytes: Buffer.byteLength(text), sha256: recorded } },
        }, undefined, offThreadBytes);
        const loading = scopes.reduce<Promise<oxigraph.Store | undefined>>((before, scope) => before.then(() => graph.ensure(scope)), Promise.resolve(undefined));
        if (expected instanceof RegExp) {
          const error = await loading.then(() => undefined, (caught: Error) => caught);
          expect(error).to.be.instanceOf(GraphFileError).and.have.property('path', file);
          expect(error?.message).to.match(expected);
          return;
        }
        const results = JSON.parse((await loading)!.query(ALL, { results_format: 'json' }) as string) as ResultsJson;
        expect(results.results?.bindings.map((row) => `"${row.o!.value}"`)).to.deep.equal(expected);
      });
    }
  }
});

describe('query/load-store: graph.nt\'s split by predicate (write/graph-split.ts)', () => {
  const DESCRIPTION = '<http://schema.org/description>';
  const GOOD = `<http://e/a> <http://schema.org/name> "Ann" .\n<http://e/b> ${DESCRIPTION} "Bob" .\n`;
  // A line that only the check of each IRI refuses (a space in the IRI).
  const UNCHECKED = `<http://e/a> <http://schema.org/name> "Ann" .\n<http://e/b> ${DESCRIPTION} <http://e/ b> .\n`;
  const descriptions = graphScope(`SELECT ?d WHERE { ?x ${DESCRIPTION} ?d }`);
  const descriptionFile = (dir: string): string => join(dir, SPLIT_FOLDER, 'graph.nt', partFileName(DESCRIPTION));
  // [case, graph.nt as built, what happens after the build, the objects a query of descriptions then gets]
  const cases: ReadonlyArray<readonly [string, string, (dir: string) => Promise<void>, readonly string[]]> = [
    ['as built: its file of descriptions, parsed without the check of each IRI', UNCHECKED, async () => undefined, ['"http://e/ b"']],
    ['a file of the split changed since, with a bad IRI: graph.nt, checked', GOOD,
      (dir) => writeFile(descriptionFile(dir), `<http://e/b> ${DESCRIPTION} <http://e/ b> .\n`), ['"Bob"']],
    ['a file of the split gone: graph.nt', GOOD, (dir) => rm(descriptionFile(dir)), ['"Bob"']],
    ['graph.nt edited since, to the same size: graph.nt', GOOD, async (dir) => {
      await writeFile(join(dir, 'graph.nt'), GOOD.replace('Bob', 'Rob'));
      const later = new Date(Date.now() + 60_000);
      await utimes(join(dir, 'graph.nt'), later, later);
    }, ['"Rob"']],
  ];
  for (const [what, text, after, expected] of cases) {
    it(`${what}`, async () => {
      const dir = await splitFolder(text);
      await after(dir);
      const progress: LoadProgress[] = [];
      const graph = new LazyGraph(() => new oxigraph.Store(), await resolveGraphFiles(dir), (step) => progress.push(step));
      const store = await graph.ensure(descriptions);
      const results = JSON.parse(store.query('SELECT ?o WHERE { ?s ?p ?o }', { results_format: 'json' }) as string) as ResultsJson;
      expect(results.results?.bindings.map((row) => `"${row.o!.value}"`)).to.deep.equal(expected);
      if (what.startsWith('as built')) expect(progress.at(-1)?.totalBytes, 'the bytes read: its file of descriptions alone').to.equal((await readFile(descriptionFile(dir))).length);
    });
  }

  it('is left for a query that reads everything: graph.nt whole', async () => {
    const dir = await splitFolder(GOOD);
    const progress: LoadProgress[] = [];
    await new LazyGraph(() => new oxigraph.Store(), await resolveGraphFiles(dir), (step) => progress.push(step)).ensure({ ...EVERYTHING, named: false });
    expect(progress.at(-1)?.totalBytes).to.equal(Buffer.byteLength(GOOD));
  });
});
