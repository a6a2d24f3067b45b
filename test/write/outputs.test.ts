import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { renderGraphFiles, writeGraph } from '../../src/write/outputs.js';
import { readGraphFile } from '../../src/rdf-io/read-graph.js';
import { DEFAULT_BASE, NS } from '../../src/rdf/namespaces.js';
import { mapReport } from '../../src/rdf/map.js';
import { BUNDLED } from '../../src/paths.js';
import { FIXTURE_BASE, fixtureModel, fixtureQuads, sampleBuild } from './fixture.js';
import { canonical, union } from './isomorphic.js';

const parse = (text: string, format: string): Quad[] => new Parser({ format }).parse(text);

/**
 * Parses each written facts file with its own parser (JSON-LD through jsonld's expansion, offline),
 * with the evidence in the matching form: what a user loading both gets.
 */
async function parsedFormats(files: Map<string, string>, dir: string): Promise<Record<string, Quad[]>> {
  await writeFile(join(dir, 'graph.jsonld'), files.get('graph.jsonld')!);
  const evidence = parse(files.get('evidence.nt')!, 'application/n-triples');
  return {
    'graph.ttl': [...parse(files.get('graph.ttl')!, 'text/turtle'), ...evidence],
    'graph.nt': [...parse(files.get('graph.nt')!, 'application/n-triples'), ...evidence],
    'graph.trig': union([...parse(files.get('graph.trig')!, 'application/trig'), ...parse(files.get('evidence.trig')!, 'application/trig')]),
    'graph.nq': union([...parse(files.get('graph.nq')!, 'application/n-quads'), ...parse(files.get('evidence.nq')!, 'application/n-quads')]),
    'graph.jsonld': [...await readGraphFile(join(dir, 'graph.jsonld')), ...evidence],
  };
}

const FACTS_FILES = [['graph.ttl', 'text/turtle'], ['graph.nt', 'application/n-triples'], ['graph.trig', 'application/trig'], ['graph.nq', 'application/n-quads']] as const;
const OA_NS = 'http://www.w3.org/ns/oa#';
const PG_EVIDENCE = 'https://w3id.org/peacegraph/ontology#evidence';
const PG_EVIDENCE_CLASS = 'https://w3id.org/peacegraph/ontology#Evidence';

/** Every text span of a typed model, walked without knowing its shape: the objects with a source and offsets. */
function spansOf(value: unknown, spans = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) spansOf(item, spans);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['source'] === 'string' && typeof record['start'] === 'number' && typeof record['end'] === 'number') {
      spans.add(`${record['source']} ${record['start']} ${record['end']}`);
    }
    for (const child of Object.values(record)) spansOf(child, spans);
  }
  return spans;
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

  it('keeps the evidence out of the facts files: no pg:evidence, pg:Evidence or Web Annotation term', async () => {
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    await writeFile(join(dir, 'graph.jsonld'), files.get('graph.jsonld')!);
    const facts = [...FACTS_FILES.flatMap(([name, format]) => parse(files.get(name)!, format)), ...await readGraphFile(join(dir, 'graph.jsonld'))];
    expect(facts.length).to.be.greaterThan(50);
    const terms = facts.flatMap((quad) => [quad.predicate.value, quad.object.value]);
    expect(terms.filter((term) => term.startsWith(OA_NS) || term === PG_EVIDENCE || term === PG_EVIDENCE_CLASS)).to.deep.equal([]);
  });

  it('writes no evidence file for a graph built without evidence', async () => {
    const files = await renderGraphFiles(mapReport(fixtureModel, { factory: DataFactory, base: FIXTURE_BASE, evidence: false }), FIXTURE_BASE, { evidence: false });
    expect([...files.keys()]).to.deep.equal(['graph.ttl', 'graph.nt', 'graph.trig', 'graph.nq', 'graph.jsonld']);
  });

  it('writes Turtle, N-Triples, TriG and JSON-LD that are isomorphic graphs with the evidence (fixture)', async () => {
    const parsed = await parsedFormats(await renderGraphFiles(fixtureQuads(), FIXTURE_BASE), dir);
    const expected = canonical(union(fixtureQuads()));
    for (const [name, quads] of Object.entries(parsed)) expect(canonical(quads), name).to.equal(expected);
  });

  it('puts one named graph per source report plus graph/ontology in TriG, each with exactly its quads with the evidence', async () => {
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    const written = byGraph([...parse(files.get('graph.trig')!, 'application/trig'), ...parse(files.get('evidence.trig')!, 'application/trig')]);
    const expected = byGraph(fixtureQuads());
    expect([...written.keys()].sort()).to.deep.equal([`${FIXTURE_BASE}graph/fixture`, `${FIXTURE_BASE}graph/ontology`]);
    for (const [graph, quads] of expected) expect(canonical(written.get(graph)!), graph).to.equal(canonical(quads));
  });

  it("lays graph.ttl out as the report's event, its source, then the shared resources, each in order", async () => {
    const blocks = subjectBlocks((await renderGraphFiles(fixtureQuads(), FIXTURE_BASE)).get('graph.ttl')!);
    const kind = (subject: string) => (/\/(event|session|participation)\//.test(subject) ? 'event' : /\/evidence\//.test(subject) ? 'evidence' : /\/(report|section|graph)\//.test(subject) ? 'source' : 'shared');
    const triples = union(fixtureQuads()).filter((quad) => kind(quad.subject.value) !== 'evidence' && quad.predicate.value !== PG_EVIDENCE);
    // What only this report states (its source, and every link to it), its event, the rest.
    const part = (quad: Quad) => (kind(quad.subject.value) === 'source' || (quad.object.termType === 'NamedNode' && kind(quad.object.value) === 'source')
      ? 'source' : kind(quad.subject.value) === 'event' ? 'event' : 'shared');
    const subjects = (name: string) => [...new Set(triples.filter((quad) => part(quad) === name).map((quad) => quad.subject.value))].sort();
    const [event, source, shared] = [subjects('event'), subjects('source'), subjects('shared')];
    for (const part of [event, source, shared]) expect(part.length).to.be.greaterThan(0);
    expect(blocks).to.deep.equal([...event, ...source, ...shared]);
  });

  it('puts the same quads in graph.nq as in graph.trig, and in evidence.nq as in evidence.trig', async () => {
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    expect(canonical(parse(files.get('graph.nq')!, 'application/n-quads'))).to.equal(canonical(parse(files.get('graph.trig')!, 'application/trig')));
    expect(canonical(parse(files.get('evidence.nq')!, 'application/n-quads'))).to.equal(canonical(parse(files.get('evidence.trig')!, 'application/trig')));
  });

  it('writes byte-identical files whatever the input order, event pages included', async () => {
    const [first, second] = [join(dir, 'first'), join(dir, 'second')];
    await writeGraph(first, fixtureQuads(), FIXTURE_BASE, [fixtureModel]);
    await writeGraph(second, [...fixtureQuads()].reverse(), FIXTURE_BASE, [fixtureModel]);
    const [a, b] = [await filesOf(first), await filesOf(second)];
    expect([...a.keys()]).to.deep.equal([
      'event-geneva-peace-week-2017.html', 'event-geneva-peace-week-2017.jsonld', 'evidence.nq', 'evidence.nt', 'evidence.trig',
      'graph.jsonld', 'graph.nq', 'graph.nt', 'graph.trig', 'graph.ttl', 'statistics.nt',
    ]);
    for (const [name, content] of a) expect(content.equals(b.get(name)!), name).to.equal(true);
  });

  describe('on the sample report', () => {
    it('writes one pg:Evidence per text span of the typed model, in evidence.nt and in evidence.nq', async () => {
      const { quads, models } = await sampleBuild();
      const files = await renderGraphFiles(quads, DEFAULT_BASE);
      for (const [name, format] of [['evidence.nt', 'application/n-triples'], ['evidence.nq', 'application/n-quads']] as const) {
        const typed = parse(files.get(name)!, format).filter((quad) => quad.predicate.value === `${NS.rdf}type` && quad.object.value === PG_EVIDENCE_CLASS);
        expect(typed.length, name).to.be.greaterThan(100);
        expect(typed, name).to.have.length(spansOf(models).size);
      }
    });

    it('writes isomorphic Turtle, N-Triples, TriG and JSON-LD, with the evidence', async () => {
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
