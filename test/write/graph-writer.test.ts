import { expect } from 'chai';
import { DataFactory as F, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { GraphWriter, packChunks, transferList, type GraphFileName } from '../../src/write/graph-writer.js';
import { graphRenderer, memorySink } from '../../src/write/outputs.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';

const person = F.namedNode(`${DEFAULT_BASE}person/ada-lovelace`);
const name = F.namedNode('http://schema.org/name');
const evidence = F.namedNode('https://w3id.org/peacegraph/ontology#evidence');

/** A report's graph: its event, a person it names, and the evidence of that mention. */
function reportQuads(report: string, event = report): Quad[] {
  const graph = F.namedNode(`${DEFAULT_BASE}graph/${report}`);
  const eventNode = F.namedNode(`${DEFAULT_BASE}event/${event}`);
  const span = F.namedNode(`${DEFAULT_BASE}evidence/${report}-0-12`);
  return [
    F.quad(eventNode, name, F.literal(`Event ${event}`), graph),
    F.quad(eventNode, F.namedNode('http://schema.org/performer'), person, graph),
    F.quad(person, name, F.literal('Ada Lovelace'), graph),
    F.quad(person, evidence, span, graph),
    F.quad(span, F.namedNode('http://www.w3.org/ns/oa#hasBody'), person, graph),
  ];
}

async function writeAll(chunks: Quad[][], evidenceFiles = true): Promise<{ files: Map<GraphFileName, string>; triples: number }> {
  const renderer = await graphRenderer(DEFAULT_BASE);
  const sink = memorySink();
  const writer = await GraphWriter.open(sink, renderer, { evidence: evidenceFiles });
  for (const quads of chunks) await writer.add(packChunks([renderer.render(quads)]));
  const triples = await writer.close();
  return { files: sink.files(), triples };
}

const linesOf = (text: string): string[] => text.trim().split('\n');

describe('write/graph-writer', () => {
  it("writes a resource shared by two reports once, after the reports' own resources", async () => {
    const { files, triples } = await writeAll([reportQuads('a'), reportQuads('b')]);
    const lines = linesOf(files.get('graph.nt')!);
    // Two events of two triples each, and the person once; the evidence is apart.
    expect(triples).to.equal(5);
    expect(lines).to.have.length(5);
    expect(lines.filter((line) => line.includes('Ada Lovelace'))).to.have.length(1);
    expect(lines.at(-1)).to.include('Ada Lovelace');
    expect(linesOf(files.get('graph.nq')!)).to.have.length(6);
  });

  it("writes each report's evidence, links from shared resources included, to the evidence files in report order", async () => {
    const { files } = await writeAll([reportQuads('a'), reportQuads('b')]);
    for (const [name, format] of [['graph.nt', 'N-Triples'], ['graph.nq', 'N-Quads'], ['graph.trig', 'TriG'], ['graph.ttl', 'Turtle']] as const) {
      const terms = new Parser({ format }).parse(files.get(name)!).flatMap((quad) => [quad.predicate.value, quad.object.value]);
      expect(terms.filter((term) => term.includes('ontology#evidence') || term.includes('/evidence/')), name).to.deep.equal([]);
    }
    const evidenceLines = linesOf(files.get('evidence.nt')!);
    const spanOf = (report: string) => [
      `<${DEFAULT_BASE}person/ada-lovelace> <https://w3id.org/peacegraph/ontology#evidence> <${DEFAULT_BASE}evidence/${report}-0-12> .`,
      `<${DEFAULT_BASE}evidence/${report}-0-12> <http://www.w3.org/ns/oa#hasBody> <${DEFAULT_BASE}person/ada-lovelace> .`,
    ];
    expect(evidenceLines.slice(0, 2)).to.have.members(spanOf('a'));
    expect(evidenceLines.slice(2)).to.have.members(spanOf('b'));
    expect(linesOf(files.get('evidence.nq')!).map((line) => line.split(' ').at(-2))).to.deep.equal(
      [`<${DEFAULT_BASE}graph/a>`, `<${DEFAULT_BASE}graph/a>`, `<${DEFAULT_BASE}graph/b>`, `<${DEFAULT_BASE}graph/b>`],
    );
    const trig = new Parser({ format: 'TriG' }).parse(files.get('evidence.trig')!);
    expect(trig.map((quad) => `${quad.graph.value} ${quad.object.value}`).sort()).to.deep.equal([
      `${DEFAULT_BASE}graph/a ${DEFAULT_BASE}evidence/a-0-12`, `${DEFAULT_BASE}graph/a ${DEFAULT_BASE}person/ada-lovelace`,
      `${DEFAULT_BASE}graph/b ${DEFAULT_BASE}evidence/b-0-12`, `${DEFAULT_BASE}graph/b ${DEFAULT_BASE}person/ada-lovelace`,
    ]);
  });

  it('writes no evidence file when asked for none, and empty ones when there is no evidence', async () => {
    expect([...(await writeAll([reportQuads('a')], false)).files.keys()]).to.deep.equal(['graph.ttl', 'graph.nt', 'graph.trig', 'graph.nq', 'graph.jsonld']);
    const { files } = await writeAll([]);
    expect((['evidence.nt', 'evidence.nq'] as const).map((name) => files.get(name))).to.deep.equal(['', '']);
    expect(new Parser({ format: 'TriG' }).parse(files.get('evidence.trig')!)).to.deep.equal([]);
  });

  it('states an event named by two reports once, adding only what the later report says anew', async () => {
    const later = [...reportQuads('b', 'a'), F.quad(F.namedNode(`${DEFAULT_BASE}event/a`), F.namedNode('http://schema.org/description'), F.literal('Second day'), F.namedNode(`${DEFAULT_BASE}graph/b`))];
    const { files, triples } = await writeAll([reportQuads('a'), later]);
    const lines = linesOf(files.get('graph.nt')!);
    expect(new Set(lines).size, 'no line twice').to.equal(lines.length);
    expect(triples).to.equal(lines.length);
    expect(lines.filter((line) => line.includes('"Event a"'))).to.have.length(1);
    expect(lines.filter((line) => line.includes('"Second day"'))).to.have.length(1);
    const document = JSON.parse(files.get('graph.jsonld')!) as { '@graph': Array<Record<string, unknown>> };
    expect(document['@graph'].filter((node) => node['id'] === `${DEFAULT_BASE}event/a`)).to.have.length(2);
    // Each report's named graph keeps all it states.
    expect(linesOf(files.get('graph.nq')!).filter((line) => line.includes('"Event a"'))).to.have.length(2);
  });

  it('closes the JSON-LD document whether or not it has nodes', async () => {
    for (const chunks of [[], [reportQuads('a')]]) {
      const { files } = await writeAll(chunks);
      const document = JSON.parse(files.get('graph.jsonld')!) as { '@graph': unknown[] };
      // The event and the person: the evidence span is in the evidence files.
      expect(document['@graph']).to.have.length(chunks.length === 0 ? 0 : 2);
    }
  });

  it('packs chunks into buffers that can be transferred, not copied', async () => {
    const renderer = await graphRenderer(DEFAULT_BASE);
    const packed = packChunks([renderer.render(reportQuads('a')), renderer.render(reportQuads('b'))]);
    expect(packed.reports.map((report) => report.eventIri)).to.deep.equal([`${DEFAULT_BASE}event/a`, `${DEFAULT_BASE}event/b`]);
    expect(packed.shared.match(/\n/g)).to.have.length(2);
    const transferable = transferList(packed);
    // TriG, N-Quads, the three evidence files, and three formats of two parts of two reports.
    expect(transferable).to.have.length(2 + 3 + 2 * 2 * 3);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferable);
    port1.close();
    port2.close();
    for (const buffer of transferable) expect(buffer.byteLength, 'transferred buffers are detached').to.equal(0);
  });
});
