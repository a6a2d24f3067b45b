/**
 * push against a small in-memory Graph Store (node:http) that can fail on demand: the previous
 * version of a graph survives a store going down in the middle of an upload.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countGraph, pushAll, pushGraph, type GraphPayload, type StoreTarget } from '../../src/store/push.js';

const triples = (count: number, tag: string) =>
  Array.from({ length: count }, (_unused, index) => `<http://example.org/s${index}> <http://example.org/p> "${tag}" .\n`).join('');

/** Graphs as N-Triples text; PUT, GET, DELETE by ?graph=, and MOVE on /update; fails uploads while `failing`. */
function fakeStore() {
  const graphs = new Map<string, string>();
  const state = { failing: false };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const url = new URL(request.url!, 'http://localhost');
      const graph = url.searchParams.get('graph') ?? '';
      if (url.pathname === '/update') {
        const move = /MOVE GRAPH <([^>]+)> TO GRAPH <([^>]+)>/.exec(body);
        if (move) { graphs.set(move[2]!, graphs.get(move[1]!) ?? ''); graphs.delete(move[1]!); }
        response.writeHead(move ? 204 : 400).end();
      } else if (request.method === 'PUT') {
        // A store dying mid-upload: half the data lands, then the connection drops.
        if (state.failing) { graphs.set(graph, body.slice(0, body.length / 2)); request.socket.destroy(); return; }
        graphs.set(graph, body);
        response.writeHead(201).end();
      } else if (request.method === 'DELETE') {
        response.writeHead(graphs.delete(graph) ? 200 : 404).end();
      } else if (graphs.has(graph)) {
        response.writeHead(200, { 'content-type': 'application/n-triples' }).end(graphs.get(graph));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  return { server, graphs, state };
}

describe('store/push', () => {
  const { server, graphs, state } = fakeStore();
  let target: StoreTarget;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    target = { gsp: `http://127.0.0.1:${port}/store`, update: `http://127.0.0.1:${port}/update` };
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const payload = (tag: string, count: number): GraphPayload => ({ graph: 'http://example.org/graph/report', ntriples: triples(count, tag), triples: count });

  it('replaces a graph through a staging graph, leaving no staging graph behind', async () => {
    await pushAll(target, [payload('first', 3)]);
    await pushAll(target, [payload('second', 4)]);
    expect(await countGraph(target, 'http://example.org/graph/report')).to.equal(4);
    expect([...graphs.keys()]).to.deep.equal(['http://example.org/graph/report']);
  });

  it('keeps the previous graph when the store goes down in the middle of an upload', async () => {
    state.failing = true;
    try {
      let error: Error | undefined;
      try {
        await pushGraph(target, payload('third', 6));
      } catch (caught) {
        error = caught as Error;
      }
      expect(error?.message).to.match(/uploading <http:\/\/example\.org\/graph\/report-staging-[0-9a-f]+>: cannot reach http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      state.failing = false;
    }
    expect(graphs.get('http://example.org/graph/report')).to.equal(triples(4, 'second'));
  });

  it('says clearly when the store is not there', async () => {
    let error: Error | undefined;
    try {
      await pushGraph({ gsp: 'http://127.0.0.1:9/store', update: 'http://127.0.0.1:9/update' }, payload('x', 1));
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).to.match(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
