import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { renderGraphFiles, writeGraph } from '../../src/write/outputs.js';
import { readGraphFile } from '../../src/rdf-io/read-graph.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { FIXTURE_BASE, fixtureModel, fixtureQuads, sampleBuild } from './fixture.js';
import { canonical, union } from './isomorphic.js';

const parse = (text: string, format: string): Quad[] => new Parser({ format }).parse(text);

/** Parses each written graph file with its own parser; JSON-LD through jsonld's expansion (offline). */
async function parsedFormats(files: Map<string, string>, dir: string): Promise<Record<string, Quad[]>> {
  await writeFile(join(dir, 'graph.jsonld'), files.get('graph.jsonld')!);
  return {
    'graph.ttl': parse(files.get('graph.ttl')!, 'text/turtle'),
    'graph.nt': parse(files.get('graph.nt')!, 'application/n-triples'),
    'graph.trig': union(parse(files.get('graph.trig')!, 'application/trig')),
    'graph.nq': union(parse(files.get('graph.nq')!, 'application/n-quads')),
    'graph.jsonld': await readGraphFile(join(dir, 'graph.jsonld')),
  };
}

function byGraph(quads: readonly Quad[]): Map<string, Quad[]> {
  const graphs = new Map<string, Quad[]>();
  for (const quad of quads) graphs.set(quad.graph.value, [...(graphs.get(quad.graph.value) ?? []), quad]);
  return graphs;
}

/** Subjects in the order Turtle states them: each once (grouped) and sorted. */
function subjectBlocks(turtle: string): string[] {
  const order = parse(turtle, 'text/turtle').map((quad) => quad.subject.value);
  return order.filter((subject, index) => index === 0 || order[index - 1] !== subject);
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

describe('write/outputs', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-outputs-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes Turtle, N-Triples, TriG and JSON-LD that are isomorphic graphs (fixture)', async () => {
    const parsed = await parsedFormats(await renderGraphFiles(fixtureQuads(), FIXTURE_BASE), dir);
    const expected = canonical(union(fixtureQuads()));
    for (const [name, quads] of Object.entries(parsed)) expect(canonical(quads), name).to.equal(expected);
  });

  it('puts one named graph per source report plus graph/ontology in TriG, each with exactly its quads', async () => {
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    const written = byGraph(parse(files.get('graph.trig')!, 'application/trig'));
    const expected = byGraph(fixtureQuads());
    expect([...written.keys()].sort()).to.deep.equal([`${FIXTURE_BASE}graph/fixture`, `${FIXTURE_BASE}graph/ontology`]);
    for (const [graph, quads] of expected) expect(canonical(written.get(graph)!), graph).to.equal(canonical(quads));
  });

  it("lays graph.ttl out as the report's event, its source and evidence, then the shared resources, each in order", async () => {
    const blocks = subjectBlocks((await renderGraphFiles(fixtureQuads(), FIXTURE_BASE)).get('graph.ttl')!);
    const kind = (subject: string) => (/\/(event|session|participation)\//.test(subject) ? 'event' : /\/(report|section|evidence|graph)\//.test(subject) ? 'source' : 'shared');
    const triples = union(fixtureQuads());
    // What only this report states (its source and evidence, and every link to that evidence), its event, the rest.
    const part = (quad: Quad) => (kind(quad.subject.value) === 'source' || (quad.object.termType === 'NamedNode' && kind(quad.object.value) === 'source')
      ? 'source' : kind(quad.subject.value) === 'event' ? 'event' : 'shared');
    const subjects = (name: string) => [...new Set(triples.filter((quad) => part(quad) === name).map((quad) => quad.subject.value))].sort();
    const [event, source, shared] = [subjects('event'), subjects('source'), subjects('shared')];
    expect(source.some((subject) => kind(subject) === 'shared'), 'a shared resource linking to evidence').to.equal(true);
    for (const part of [event, source, shared]) expect(part.length).to.be.greaterThan(0);
    expect(blocks).to.deep.equal([...event, ...source, ...shared]);
  });

  it('puts the same quads in graph.nq as in graph.trig', async () => {
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    expect(canonical(parse(files.get('graph.nq')!, 'application/n-quads'))).to.equal(canonical(parse(files.get('graph.trig')!, 'application/trig')));
  });

  it('writes byte-identical files whatever the input order, event pages included', async () => {
    const [first, second] = [join(dir, 'first'), join(dir, 'second')];
    await writeGraph(first, fixtureQuads(), FIXTURE_BASE, [fixtureModel]);
    await writeGraph(second, [...fixtureQuads()].reverse(), FIXTURE_BASE, [fixtureModel]);
    const [a, b] = [await filesOf(first), await filesOf(second)];
    expect([...a.keys()]).to.deep.equal([
      'event-geneva-peace-week-2017.html', 'event-geneva-peace-week-2017.jsonld', 'graph.jsonld', 'graph.nq', 'graph.nt', 'graph.trig', 'graph.ttl', 'statistics.nt',
    ]);
    for (const [name, content] of a) expect(content.equals(b.get(name)!), name).to.equal(true);
  });

  describe('on the sample report', () => {
    it('writes isomorphic Turtle, N-Triples, TriG and JSON-LD', async () => {
      const { quads } = await sampleBuild();
      const parsed = await parsedFormats(await renderGraphFiles(quads, DEFAULT_BASE), dir);
      const expected = canonical(union(quads));
      for (const [name, graph] of Object.entries(parsed)) expect(canonical(graph), name).to.equal(expected);
    });

    it('gives byte-identical files on two builds into two folders', async () => {
      const { buildGraph } = await import('../../src/pipeline.js');
      const [first, second] = [join(dir, 'build-1'), join(dir, 'build-2')];
      for (const out of [first, second]) {
        const build = await buildGraph([BUNDLED.reports]);
        await writeGraph(out, build.quads, DEFAULT_BASE, build.models);
      }
      const [a, b] = [await filesOf(first), await filesOf(second)];
      expect([...a.keys()]).to.include.members(['graph.ttl', 'graph.nt', 'graph.trig', 'graph.jsonld']);
      expect([...a.keys()].some((name) => /^event-.+\.html$/.test(name))).to.equal(true);
      expect([...b.keys()]).to.deep.equal([...a.keys()]);
      for (const [name, content] of a) expect(content.equals(b.get(name)!), name).to.equal(true);
    });
  });
});
