import { expect } from 'chai';
import { DataFactory as F } from 'n3';
import type { Quad } from '@rdfjs/types';
import { GraphWriter, GRAPH_FILES, packChunks, transferList, type GraphFileName } from '../../src/write/graph-writer.js';
import { graphRenderer } from '../../src/write/outputs.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';

const person = F.namedNode(`${DEFAULT_BASE}person/ada-lovelace`);
const name = F.namedNode('http://schema.org/name');

function reportQuads(report: string): Quad[] {
  const graph = F.namedNode(`${DEFAULT_BASE}graph/${report}`);
  const event = F.namedNode(`${DEFAULT_BASE}event/${report}`);
  return [
    F.quad(event, name, F.literal(`Event ${report}`), graph),
    F.quad(event, F.namedNode('http://schema.org/performer'), person, graph),
    F.quad(person, name, F.literal('Ada Lovelace'), graph),
  ];
}

async function writeAll(chunks: Quad[][]): Promise<{ files: Map<GraphFileName, string>; triples: number }> {
  const renderer = await graphRenderer(DEFAULT_BASE);
  const parts = new Map<GraphFileName, string[]>(GRAPH_FILES.map((file) => [file, []]));
  const decoder = new TextDecoder();
  const writer = await GraphWriter.open(async (file, text) => {
    parts.get(file)!.push(typeof text === 'string' ? text : decoder.decode(text));
  }, renderer);
  for (const quads of chunks) await writer.add(packChunks([renderer.render(quads)]));
  const triples = await writer.close();
  return { files: new Map([...parts].map(([file, texts]) => [file, texts.join('')])), triples };
}

describe('write/graph-writer', () => {
  it('writes a resource shared by two reports once, after the reports\' own resources', async () => {
    const { files, triples } = await writeAll([reportQuads('a'), reportQuads('b')]);
    const lines = files.get('graph.nt')!.trim().split('\n');
    expect(triples).to.equal(5);
    expect(lines).to.have.length(5);
    expect(lines.filter((line) => line.includes('Ada Lovelace'))).to.have.length(1);
    expect(lines.at(-1)).to.include('person/ada-lovelace');
    expect(files.get('graph.nq')!.trim().split('\n')).to.have.length(6);
  });

  it('closes the JSON-LD document whether or not it has nodes', async () => {
    for (const chunks of [[], [reportQuads('a')]]) {
      const { files } = await writeAll(chunks);
      const document = JSON.parse(files.get('graph.jsonld')!) as { '@graph': unknown[] };
      expect(document['@graph']).to.have.length(chunks.length === 0 ? 0 : 2);
    }
  });

  it('packs chunks into buffers that can be transferred, not copied', async () => {
    const renderer = await graphRenderer(DEFAULT_BASE);
    // Large enough that Node does not carve the buffers out of its shared pool (which cannot move).
    const long = F.quad(F.namedNode(`${DEFAULT_BASE}event/a`), F.namedNode('http://schema.org/description'), F.literal('x'.repeat(10_000)), F.namedNode(`${DEFAULT_BASE}graph/a`));
    const packed = packChunks([renderer.render([...reportQuads('a'), long]), renderer.render(reportQuads('b'))]);
    expect(packed.jsonLdNodes).to.equal(2);
    expect(packed.shared.split('\n')).to.have.length(2);
    const transferable = transferList(packed);
    expect(transferable).to.have.length(GRAPH_FILES.length);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferable);
    port1.close();
    port2.close();
    for (const buffer of transferable) expect(buffer.byteLength, 'transferred buffers are detached').to.equal(0);
  });
});
