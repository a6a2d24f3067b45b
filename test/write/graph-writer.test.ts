import { expect } from 'chai';
import { DataFactory as F } from 'n3';
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

async function writeAll(chunks: Quad[][]): Promise<{ files: Map<GraphFileName, string>; triples: number }> {
  const renderer = await graphRenderer(DEFAULT_BASE);
  const sink = memorySink();
  const writer = await GraphWriter.open(sink, renderer);
  for (const quads of chunks) await writer.add(packChunks([renderer.render(quads)]));
  const triples = await writer.close();
  return { files: sink.files(), triples };
}

const linesOf = (text: string): string[] => text.trim().split('\n');

describe('write/graph-writer', () => {
  it("writes a resource shared by two reports once, after the reports' own resources", async () => {
    const { files, triples } = await writeAll([reportQuads('a'), reportQuads('b')]);
    const lines = linesOf(files.get('graph.nt')!);
    expect(triples).to.equal(9);
    expect(lines).to.have.length(9);
    expect(lines.filter((line) => line.includes('Ada Lovelace'))).to.have.length(1);
    expect(lines.at(-1)).to.include('Ada Lovelace');
    expect(linesOf(files.get('graph.nq')!)).to.have.length(10);
  });

  it("streams the links to a report's evidence with the report, even from a shared resource", async () => {
    const { files } = await writeAll([reportQuads('a'), reportQuads('b')]);
    const lines = linesOf(files.get('graph.nt')!);
    const link = (report: string) => lines.findIndex((line) => line.includes(`evidence/${report}-0-12> .`) && line.includes('ontology#evidence'));
    const firstOfB = lines.findIndex((line) => line.includes('event/b>'));
    expect(link('a')).to.be.within(0, firstOfB - 1);
    expect(link('b')).to.be.above(firstOfB);
    expect(link('b')).to.be.below(lines.length - 1);
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
      expect(document['@graph']).to.have.length(chunks.length === 0 ? 0 : 4);
    }
  });

  it('packs chunks into buffers that can be transferred, not copied', async () => {
    const renderer = await graphRenderer(DEFAULT_BASE);
    const packed = packChunks([renderer.render(reportQuads('a')), renderer.render(reportQuads('b'))]);
    expect(packed.reports.map((report) => report.eventIri)).to.deep.equal([`${DEFAULT_BASE}event/a`, `${DEFAULT_BASE}event/b`]);
    expect(packed.shared.match(/\n/g)).to.have.length(2);
    const transferable = transferList(packed);
    expect(transferable).to.have.length(2 + 2 * 2 * 3);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferable);
    port1.close();
    port2.close();
    for (const buffer of transferable) expect(buffer.byteLength, 'transferred buffers are detached').to.equal(0);
  });
});
