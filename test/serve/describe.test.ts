import { expect } from 'chai';
import Fastify, { type FastifyInstance } from 'fastify';
import { DataFactory, Parser } from 'n3';
import type { QueryResult } from '../../src/query/result.js';
import { describeService } from '../../src/serve/describe.js';

const VOID_TRIPLES = 'http://rdfs.org/ns/void#triples';
const count = (n: number): QueryResult => ({ kind: 'bindings', variables: ['n'], rows: [{ n: DataFactory.literal(String(n), DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer')) }] });

/** An app whose service description takes its counts from `run`. */
async function appWith(run: (query: string) => Promise<QueryResult>, waitMs: number): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/sparql', describeService(run, {}, waitMs));
  await app.ready();
  return app;
}

async function triplesCount(app: FastifyInstance): Promise<string | undefined> {
  const response = await app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'text/turtle' } });
  expect(response.statusCode).to.equal(200);
  return new Parser().parse(response.body).find((quad) => quad.predicate.value === VOID_TRIPLES)?.object.value;
}

describe('serve/describe', () => {
  it('gives the counts once taken, and takes them once', async () => {
    let calls = 0;
    const app = await appWith(async () => { calls += 1; return count(42); }, 60000);
    expect(await triplesCount(app)).to.equal('42');
    expect(await triplesCount(app)).to.equal('42');
    expect(calls).to.equal(5);
    await app.close();
  });

  it('answers without counts while they are still being taken', async () => {
    const app = await appWith(() => new Promise<QueryResult>(() => undefined), 0);
    expect(await triplesCount(app)).to.equal(undefined);
    await app.close();
  });

  it('answers without counts when they fail, and does not take them again', async () => {
    let calls = 0;
    const app = await appWith(async () => { calls += 1; throw new Error('query timed out'); }, 60000);
    expect(await triplesCount(app)).to.equal(undefined);
    expect(await triplesCount(app)).to.equal(undefined);
    expect(calls).to.equal(1);
    await app.close();
  });
});
