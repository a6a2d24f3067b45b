/**
 * push against a small in-memory Graph Store (fake-store.ts) that can fail on demand: the previous
 * version of a graph survives a store going down in the middle of an upload.
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { fakeStore } from './fake-store.js';
import { countGraph, pushAll, pushGraph, type GraphPayload, type StoreTarget } from '../../src/store/push.js';

const triples = (count: number, tag: string) =>
  Array.from({ length: count }, (_unused, index) => `<http://example.org/s${index}> <http://example.org/p> "${tag}" .\n`).join('');

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
