import { expect } from 'chai';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { buildCorpus, type CorpusBuildOptions } from '../../src/corpus/build.js';
import { workerCount } from '../../src/corpus/pool.js';
import { buildGraph } from '../../src/pipeline.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import type { Quad } from '@rdfjs/types';
import { ALL_GRAPH_FILES, EVIDENCE_FILES } from '../../src/write/graph-writer.js';
import { toNQuads, toNTriples } from '../../src/rdf-io/serialise.js';
import { generateCorpus } from '../../bench/corpus.js';

const OPTIONS: CorpusBuildOptions = { base: DEFAULT_BASE, validate: false, evidence: true, jobs: 1 };
/** Six batches of reports: enough for two worker threads to share (workerCount). */
const REPORTS = 48;

/** A quad as one string (its graph left out for a triple): quads compared as sets. */
const quadKey = (quad: Quad, graph = true): string => [quad.subject, quad.predicate, quad.object, ...(graph ? [quad.graph] : [])]
  .map((term) => (term.termType === 'Literal' ? `"${term.value}"@${term.language}^^${term.datatype.value}` : `${term.termType}:${term.value}`)).join(' ');
const parsedKeys = async (path: string, format: string): Promise<string[]> =>
  new Parser({ format }).parse(await readFile(path, 'utf8')).map((quad) => quadKey(quad, format !== 'N-Triples'));
const tripleKeys = (quads: readonly Quad[]): string[] => [...new Set(quads.map((quad) => quadKey(quad, false)))];

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

describe('corpus/build', function () {
  this.timeout(120_000);
  let root: string;
  let corpus: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-corpus-'));
    corpus = join(root, 'reports');
    await mkdir(corpus);
    for (const report of generateCorpus(REPORTS, 7)) await writeFile(join(corpus, report.fileName), report.text);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('writes byte-identical files with one thread and with worker threads', async () => {
    expect(workerCount(REPORTS, 2)).to.equal(2);
    const outputs: Array<Map<string, Buffer>> = [];
    for (const jobs of [1, 2]) {
      const out = join(root, `jobs-${jobs}`);
      const build = await buildCorpus([corpus], out, { ...OPTIONS, jobs });
      await build.commit();
      outputs.push(await filesOf(out));
    }
    const [single, threaded] = outputs as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...threaded.keys()]).to.deep.equal([...single.keys()]);
    expect([...single.keys()].filter((name) => name.startsWith('event-'))).to.have.length(2 * REPORTS);
    for (const [name, content] of single) expect(content.equals(threaded.get(name)!), name).to.equal(true);
  });

  it('streams the same graph as the in-memory build: every triple once, every quad in its report graph', async () => {
    const out = join(root, 'streamed');
    const build = await buildCorpus([corpus], out, { ...OPTIONS, jobs: 2 });
    await build.commit();
    const inMemory = await buildGraph([corpus]);
    const lines = (text: string) => text.split('\n').filter((line) => line !== '');
    const ntriples = lines(await readFile(join(out, 'graph.nt'), 'utf8'));
    const evidence = lines(await readFile(join(out, 'evidence.nt'), 'utf8'));
    expect(new Set([...ntriples, ...evidence]).size, 'duplicate lines in graph.nt and evidence.nt').to.equal(ntriples.length + evidence.length);
    expect([...ntriples, ...evidence].sort()).to.deep.equal(lines(toNTriples(inMemory.quads)).sort());
    expect(build.triples).to.equal(ntriples.length);
    const nquads = [...lines(await readFile(join(out, 'graph.nq'), 'utf8')), ...lines(await readFile(join(out, 'evidence.nq'), 'utf8'))];
    expect(nquads.sort()).to.deep.equal(lines(toNQuads(inMemory.quads)).sort());
    const turtle = new Parser({ format: 'text/turtle' }).parse(await readFile(join(out, 'graph.ttl'), 'utf8'));
    expect(turtle).to.have.length(ntriples.length);
  });

  it('writes facts and evidence apart, which read together (N3) are the full graph of the in-memory build', async () => {
    const out = join(root, 'apart');
    const build = await buildCorpus([corpus], out, { ...OPTIONS, jobs: 2 });
    await build.commit();
    const full = (await buildGraph([corpus])).quads;
    const facts = await parsedKeys(join(out, 'graph.nt'), 'N-Triples');
    const evidence = await parsedKeys(join(out, 'evidence.nt'), 'N-Triples');
    const evidenceTerm = /ns\/oa#|ontology#evidence|ontology#Evidence/;
    expect(facts.filter((key) => evidenceTerm.test(key)), 'evidence terms in graph.nt').to.deep.equal([]);
    expect(evidence.filter((key) => /ontology#Evidence/.test(key)).length).to.be.greaterThan(REPORTS);
    expect([...new Set([...facts, ...evidence])].sort()).to.deep.equal(tripleKeys(full).sort());
    const quads = [...await parsedKeys(join(out, 'graph.trig'), 'TriG'), ...await parsedKeys(join(out, 'evidence.trig'), 'TriG')];
    expect(new Set(quads).size).to.equal(quads.length);
    expect(quads.sort()).to.deep.equal([...new Set(full.map((quad) => quadKey(quad)))].sort());
  });

  it('merges an event that two reports name: no triple twice, the same graph as the in-memory build', async () => {
    const twice = join(root, 'twice');
    await cp(corpus, twice, { recursive: true });
    const [first] = generateCorpus(1, 7);
    // The same event page, revised: same event name, one sentence more.
    await writeFile(join(twice, 'report-revised.txt'), first!.text.replace('closed the session.', 'closed the session. A summary will follow.'));
    const out = join(root, 'twice-out');
    const build = await buildCorpus([twice], out, { ...OPTIONS, jobs: 2 });
    await build.commit();
    const lines = (text: string) => text.split('\n').filter((line) => line !== '');
    const ntriples = lines(await readFile(join(out, 'graph.nt'), 'utf8'));
    const evidence = lines(await readFile(join(out, 'evidence.nt'), 'utf8'));
    expect(new Set([...ntriples, ...evidence]).size, 'duplicate lines in graph.nt and evidence.nt').to.equal(ntriples.length + evidence.length);
    expect([...ntriples, ...evidence].sort()).to.deep.equal(lines(toNTriples((await buildGraph([twice])).quads)).sort());
    expect(build.triples).to.equal(ntriples.length);
  });

  it('reports each batch in order to the progress callback, ending at the total', async () => {
    const seen: number[] = [];
    const build = await buildCorpus([corpus], join(root, 'progress'), { ...OPTIONS, jobs: 2, onReport: (done, total) => {
      expect(total).to.equal(REPORTS);
      seen.push(done);
    } });
    await build.abort();
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).to.equal(REPORTS);
  });

  it('builds the good reports and names the refused one', async () => {
    const mixed = join(root, 'mixed');
    await cp(corpus, mixed, { recursive: true });
    await writeFile(join(mixed, 'shopping-list.txt'), 'Eggs\nMilk\nBread\n');
    const build = await buildCorpus([mixed], join(root, 'mixed-out'), { ...OPTIONS, jobs: 2 });
    await build.abort();
    expect(build.digests).to.have.length(REPORTS);
    expect(build.failures.map((failure) => failure.path)).to.deep.equal([join(mixed, 'shopping-list.txt')]);
    expect(build.failures[0]!.problem).to.match(/unknown layout/);
  });

  it('without evidence: the same facts files, no evidence file (an earlier build\'s removed), and still valid', async () => {
    const [full, facts] = [join(root, 'full'), join(root, 'facts')];
    const withEvidence = await buildCorpus([corpus], full, { ...OPTIONS, jobs: 2 });
    await withEvidence.commit();
    await cp(full, facts, { recursive: true });
    const without = await buildCorpus([corpus], facts, { ...OPTIONS, jobs: 2, evidence: false, validate: true });
    await without.commit();
    const [fullFiles, factsFiles] = [await filesOf(full), await filesOf(facts)];
    expect(EVIDENCE_FILES.filter((name) => factsFiles.has(name))).to.deep.equal([]);
    for (const name of EVIDENCE_FILES) expect(fullFiles.has(name), name).to.equal(true);
    const lines = (name: string) => fullFiles.get(name)!.toString('utf8').split('\n').filter((line) => line !== '').length;
    // The evidence is most of the graph: several triples per fact.
    expect(lines('evidence.nt')).to.be.above(3 * lines('graph.nt'));
    expect(without.triples).to.equal(withEvidence.triples);
    for (const name of ['graph.nt', 'graph.nq', 'graph.trig', 'graph.ttl', 'graph.jsonld']) expect(factsFiles.get(name)!.equals(fullFiles.get(name)!), name).to.equal(true);
    expect(without.digests).to.have.length(REPORTS);
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

  it('leaves the previous output untouched until commit, and replaces it all at once', async () => {
    const out = join(root, 'replace');
    await mkdir(out);
    for (const name of ALL_GRAPH_FILES) await writeFile(join(out, name), 'previous\n');
    const build = await buildCorpus([corpus], out, { ...OPTIONS, jobs: 2 });
    for (const name of ALL_GRAPH_FILES) expect(await readFile(join(out, name), 'utf8'), name).to.equal('previous\n');
    await build.commit();
    for (const name of ALL_GRAPH_FILES) expect(await readFile(join(out, name), 'utf8'), name).not.to.equal('previous\n');
    expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
  });
});
