import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Parser } from 'n3';
import { buildCorpus, type CorpusBuild, type CorpusBuildOptions } from '../../src/corpus/build.js';
import { workerCount } from '../../src/corpus/pool.js';
import { buildGraph } from '../../src/pipeline.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import type { Quad } from '@rdfjs/types';
import { ALL_GRAPH_FILES, EVIDENCE_FILES } from '../../src/write/graph-writer.js';
import { toNQuads, toNTriples } from '../../src/rdf-io/serialise.js';
import { generateCorpus } from '../../bench/corpus.js';

const OPTIONS: CorpusBuildOptions = { base: DEFAULT_BASE, validate: false, evidence: true, jobs: 1 };
/** Three batches of reports: enough for two worker threads to share (workerCount), and few, as each report costs time. */
const REPORTS = 24;

/** Every file under `dir`, by path relative to it (the split of graph.nt lies in a folder). */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** A quad as one string (its graph left out for a triple): quads compared as sets. */
const quadKey = (quad: Quad, graph = true): string => [quad.subject, quad.predicate, quad.object, ...(graph ? [quad.graph] : [])]
  .map((term) => (term.termType === 'Literal' ? `"${term.value}"@${term.language}^^${term.datatype.value}` : `${term.termType}:${term.value}`)).join(' ');
const parsedKeys = (file: Buffer, format: string): string[] =>
  new Parser({ format }).parse(file.toString('utf8')).map((quad) => quadKey(quad, format !== 'N-Triples'));

/**
 * Starting worker threads costs seconds under tsx, so the builds are made once, here, and each
 * case checks one property of them: a threaded build of the corpus into a folder holding a
 * previous output (seen before and after its commit), the same corpus in this thread, a threaded
 * build of the corpus plus a revised copy of one report and a file that is no report, and a build
 * without evidence.
 */
describe('corpus/build', function () {
  this.timeout(120_000);
  let root: string;
  let corpus: string;
  let mixed: string;
  let threaded: CorpusBuild;
  let progress: Array<[number, number]>;
  let beforeCommit: Map<string, Buffer>;
  let afterCommit: Map<string, Buffer>;
  let single: Map<string, Buffer>;
  let mixedBuild: CorpusBuild;
  let facts: CorpusBuild;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-corpus-'));
    corpus = join(root, 'reports');
    await mkdir(corpus);
    for (const report of generateCorpus(REPORTS, 7)) await writeFile(join(corpus, report.fileName), report.text);

    const out = join(root, 'threaded');
    await mkdir(out);
    for (const name of ALL_GRAPH_FILES) await writeFile(join(out, name), 'previous\n');
    progress = [];
    threaded = await buildCorpus([corpus], out, { ...OPTIONS, jobs: 2, onReport: (done, total) => progress.push([done, total]) });
    beforeCommit = await filesOf(out);
    await threaded.commit();
    afterCommit = await filesOf(out);

    const singleOut = join(root, 'single');
    await (await buildCorpus([corpus], singleOut, { ...OPTIONS, jobs: 1 })).commit();
    single = await filesOf(singleOut);

    mixed = join(root, 'mixed');
    await cp(corpus, mixed, { recursive: true });
    const [first] = generateCorpus(1, 7);
    // The same event page, revised: same event name, one sentence more.
    await writeFile(join(mixed, 'report-revised.txt'), first!.text.replace('closed the session.', 'closed the session. A summary will follow.'));
    await writeFile(join(mixed, 'shopping-list.txt'), 'Eggs\nMilk\nBread\n');
    mixedBuild = await buildCorpus([mixed], join(root, 'mixed-out'), { ...OPTIONS, jobs: 2 });
    await mixedBuild.commit();

    // Over a copy of the build with evidence: its evidence files must go.
    await cp(out, join(root, 'facts'), { recursive: true });
    facts = await buildCorpus([corpus], join(root, 'facts'), { ...OPTIONS, evidence: false, validate: true });
    await facts.commit();
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('writes byte-identical files with one thread and with worker threads', () => {
    expect(workerCount(REPORTS, 2)).to.equal(2);
    expect([...afterCommit.keys()]).to.deep.equal([...single.keys()]);
    expect([...single.keys()].filter((name) => name.startsWith('event-'))).to.have.length(2 * REPORTS);
    for (const [name, content] of single) expect(content.equals(afterCommit.get(name)!), name).to.equal(true);
  });

  it('streams the same graph as the in-memory build: every triple once, every quad in its report graph', async () => {
    const inMemory = await buildGraph([corpus]);
    const ntriples = lines(afterCommit.get('graph.nt')!.toString('utf8'));
    const evidence = lines(afterCommit.get('evidence.nt')!.toString('utf8'));
    expect(new Set([...ntriples, ...evidence]).size, 'duplicate lines in graph.nt and evidence.nt').to.equal(ntriples.length + evidence.length);
    expect([...ntriples, ...evidence].sort()).to.deep.equal(lines(toNTriples(inMemory.quads)).sort());
    expect(threaded.triples, 'facts triples').to.equal(ntriples.length);
    const nquads = [...lines(afterCommit.get('graph.nq')!.toString('utf8')), ...lines(afterCommit.get('evidence.nq')!.toString('utf8'))];
    expect(nquads.sort()).to.deep.equal(lines(toNQuads(inMemory.quads)).sort());
    const turtle = new Parser({ format: 'text/turtle' }).parse(afterCommit.get('graph.ttl')!.toString('utf8'));
    expect(turtle).to.have.length(ntriples.length);
  });

  it('writes facts and evidence apart, which read together (N3) are the full graph of the in-memory build', async () => {
    const full = (await buildGraph([corpus])).quads;
    const facts = parsedKeys(afterCommit.get('graph.nt')!, 'N-Triples');
    const evidence = parsedKeys(afterCommit.get('evidence.nt')!, 'N-Triples');
    const evidenceTerm = /ns\/oa#|ontology#evidence|ontology#Evidence/;
    expect(facts.filter((key) => evidenceTerm.test(key)), 'evidence terms in graph.nt').to.deep.equal([]);
    expect(evidence.filter((key) => /ontology#Evidence/.test(key)).length).to.be.greaterThan(REPORTS);
    expect([...new Set([...facts, ...evidence])].sort()).to.deep.equal([...new Set(full.map((quad) => quadKey(quad, false)))].sort());
    const quads = [...parsedKeys(afterCommit.get('graph.trig')!, 'TriG'), ...parsedKeys(afterCommit.get('evidence.trig')!, 'TriG')];
    expect(new Set(quads).size).to.equal(quads.length);
    expect(quads.sort()).to.deep.equal([...new Set(full.map((quad) => quadKey(quad)))].sort());
  });

  it('merges an event that two reports name: no triple twice, the same graph as the in-memory build', async () => {
    const ntriples = lines(await readFile(join(root, 'mixed-out', 'graph.nt'), 'utf8'));
    const evidence = lines(await readFile(join(root, 'mixed-out', 'evidence.nt'), 'utf8'));
    expect(new Set([...ntriples, ...evidence]).size, 'duplicate lines in graph.nt and evidence.nt').to.equal(ntriples.length + evidence.length);
    expect([...ntriples, ...evidence].sort()).to.deep.equal(lines(toNTriples((await buildGraph([mixed])).quads)).sort());
    expect(mixedBuild.triples, 'facts triples').to.equal(ntriples.length);
  });

  it('splits graph.nt by predicate, and rdf:type lines by class: each file holds graph.nt\'s lines of its key, in order, as its index records', () => {
    const index = JSON.parse(afterCommit.get('.peacegraph-split/graph.nt/index.json')!.toString('utf8')) as { of: unknown; parts: Array<{ key: string; file: string; bytes: number; sha256: string }> };
    const graphBytes = afterCommit.get('graph.nt')!;
    expect(index.of, 'the graph.nt it splits').to.deep.equal({ bytes: graphBytes.length, sha256: createHash('sha256').update(graphBytes).digest('hex') });
    const manifest = JSON.parse(afterCommit.get('.peacegraph-manifest.json')!.toString('utf8')) as { written: Record<string, { sha256: string }> };
    expect(manifest.written['.peacegraph-split/graph.nt/index.json']!.sha256).to.equal(createHash('sha256').update(afterCommit.get('.peacegraph-split/graph.nt/index.json')!).digest('hex'));
    const graph = lines(afterCommit.get('graph.nt')!.toString('utf8'));
    const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    for (const { key, file, bytes, sha256 } of index.parts) {
      const content = afterCommit.get(`.peacegraph-split/graph.nt/${file}`)!;
      expect({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') }, file).to.deep.equal({ bytes, sha256 });
      // Read by N3, not by the splitter's byte matching: every triple has the key's predicate (and class).
      const keyOf = (quad: Quad): string => `<${quad.predicate.value}>${quad.predicate.value === rdfType ? ` <${quad.object.value}>` : ''}`;
      expect([...new Set(new Parser({ format: 'N-Triples' }).parse(content.toString('utf8')).map(keyOf))], file).to.deep.equal([key]);
      const held = lines(content.toString('utf8'));
      const heldSet = new Set(held);
      expect(held, file).to.deep.equal(graph.filter((line) => heldSet.has(line)));
    }
    expect(index.parts.reduce((sum, part) => sum + part.bytes, 0)).to.equal(afterCommit.get('graph.nt')!.length);
  });

  it('reports each batch in order to the progress callback, ending at the total', () => {
    const done = progress.map(([count]) => count);
    expect(done).to.have.length.above(1);
    expect(done).to.deep.equal([...done].sort((a, b) => a - b));
    expect(done.at(-1)).to.equal(REPORTS);
    for (const [, total] of progress) expect(total).to.equal(REPORTS);
  });

  it('builds the good reports and names the refused one', () => {
    expect(mixedBuild.digests).to.have.length(REPORTS + 1);
    expect(mixedBuild.failures.map((failure) => failure.path)).to.deep.equal([join(mixed, 'shopping-list.txt')]);
    expect(mixedBuild.failures[0]!.problem).to.match(/unknown layout/);
  });

  it('without evidence: the same facts files, no evidence file (an earlier build\'s removed), and still valid', async () => {
    const factsFiles = await filesOf(join(root, 'facts'));
    expect(EVIDENCE_FILES.filter((name) => factsFiles.has(name))).to.deep.equal([]);
    for (const name of EVIDENCE_FILES) expect(afterCommit.has(name), name).to.equal(true);
    // The evidence is most of the graph: several triples per fact.
    expect(lines(afterCommit.get('evidence.nt')!.toString('utf8')).length).to.be.above(3 * lines(afterCommit.get('graph.nt')!.toString('utf8')).length);
    for (const name of ['graph.nt', 'graph.nq', 'graph.trig', 'graph.ttl', 'graph.jsonld']) expect(factsFiles.get(name)!.equals(afterCommit.get(name)!), name).to.equal(true);
    expect(facts.triples).to.equal(threaded.triples);
    expect(facts.digests).to.have.length(REPORTS);
    expect(facts.failures).to.deep.equal([]);
  });

  it('refuses only the reports whose graph violates the shapes, says which and why, and builds the others', async () => {
    // The generated events are named "Digital Peace Forum YEAR edition N": a shape that editions 1 and 3 break.
    const inputs = ['report-00000.txt', 'report-00001.txt', 'report-00002.txt', 'report-00003.txt'].map((name) => join(corpus, name));
    const shapes = join(root, 'odd-editions.ttl');
    await writeFile(shapes, `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pg: <https://w3id.org/peacegraph/ontology#> . @prefix schema: <http://schema.org/> .
      <urn:shape> a sh:NodeShape ; sh:targetClass pg:Event ; sh:property [ sh:path schema:name ; sh:pattern "edition [02]$" ; sh:message "an odd edition" ] .`);
    const build = await buildCorpus(inputs, join(root, 'partly-refused'), { ...OPTIONS, validate: true, shapesPath: shapes });
    await build.abort();
    expect(build.failures.map(({ path, problem }) => [path, problem])).to.deep.equal([
      [inputs[1], 'its graph violates the SHACL shapes (1 violation(s)): refused'],
      [inputs[3], 'its graph violates the SHACL shapes (1 violation(s)): refused'],
    ]);
    expect(build.digests).to.have.length(2);
    expect(build.violations.map(({ path }) => path)).to.deep.equal([inputs[1], inputs[3]]);
    for (const { report } of build.violations) expect(report).to.match(/an odd edition/);
  });

  it('leaves the previous output untouched until commit, and replaces it all at once', () => {
    for (const name of ALL_GRAPH_FILES) expect(beforeCommit.get(name)?.toString('utf8'), name).to.equal('previous\n');
    for (const name of ALL_GRAPH_FILES) expect(afterCommit.get(name)?.toString('utf8'), name).not.to.equal('previous\n');
    expect([...afterCommit.keys()].filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
  });
});
