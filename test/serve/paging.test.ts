/** Paged answers against a hand-made graph whose listings are known without any engine (members-graph.ts). */
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { BY_ORGANISATION as EXPECTED, PEOPLE, writeMembersGraph } from '../fixtures/members-graph.js';

const PAGE_SIZE = 5;
const NAMES = 'SELECT ?name WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?name } ORDER BY DESC(?name)';

const csvRows = (response: LightMyRequestResponse) => response.body.split('\r\n').slice(1, -1);
const csv = (url: string): InjectOptions => ({ method: 'GET', url, headers: { accept: 'text/csv' } });

/**
 * Each page computed with OFFSET and LIMIT; ordered answers kept whole and sliced (the default, the
 * bundled listings kept before the first request); and kept answers smaller than the listings (22
 * rows), whose pages past the rows kept are computed.
 */
const MODES: Array<[string, number | undefined]> = [['each page computed', 0], ['pages sliced from kept answers', undefined], ['answers larger than the rows kept', 12]];

for (const [mode, pageCacheRows] of MODES) describe(`serve: paged answers, ${mode}`, () => {
  let app: FastifyInstance;
  let listingsAnswered: number;
  before(async () => {
    const path = await writeMembersGraph();
    let listingsKept: Promise<number>;
    ({ app, listingsKept } = await createServer({
      graph: { triples: { path, format: 'text/turtle' } }, base: DEFAULT_BASE, timeoutMs: 60000, maxRows: 1000, maxQueryBytes: 65536, workers: 1, pageCacheRows,
    }));
    listingsAnswered = await listingsKept;
  });
  after(() => app.close());

  it('computes every bundled listing (each SELECT with an ORDER BY in queries/) in the background, unless nothing is kept', async () => {
    const files = (await readdir(BUNDLED.queries)).filter((name) => name.endsWith('.rq'));
    const texts = await Promise.all(files.map((name) => readFile(join(BUNDLED.queries, name), 'utf8')));
    const listings = texts.filter((text) => /^\s*SELECT\b/m.test(text) && /^\s*ORDER BY\b/m.test(text));
    expect(listings).to.not.be.empty;
    expect(listingsAnswered).to.equal(pageCacheRows === 0 ? 0 : listings.length);
  });

  it('pages a bundled listing: following rel="next" from the first page gives every row once, in the query\'s order, and stops at the end', async () => {
    const rows: string[] = [];
    const pages: Array<{ page: string; more: string; links: string }> = [];
    let url: string | undefined = `/queries/people-by-organisation/results?pageSize=${PAGE_SIZE}`;
    while (url !== undefined) {
      const response: LightMyRequestResponse = await app.inject(csv(url));
      expect(response.statusCode, response.body).to.equal(200);
      rows.push(...csvRows(response));
      const links: string = String(response.headers.link ?? '');
      pages.push({ page: String(response.headers['x-peacegraph-page']), more: String(response.headers['x-peacegraph-more']), links });
      url = /<([^>]*)>; rel="next"/.exec(links)?.[1];
    }
    expect(rows).to.deep.equal(EXPECTED);
    expect(pages.map((page) => [page.page, page.more])).to.deep.equal([['1', 'true'], ['2', 'true'], ['3', 'true'], ['4', 'true'], ['5', 'false']]);
    expect(pages[0]!.links).to.not.include('rel="prev"');
    expect(pages[4]!.links).to.include(`</queries/people-by-organisation/results?pageSize=${PAGE_SIZE}&page=4>; rel="prev"`);
  });

  it('gives the same page twice alike, and an empty last page past the end', async () => {
    const third = `/queries/people-by-organisation/results?page=3&pageSize=${PAGE_SIZE}`;
    const [once, again] = [await app.inject(csv(third)), await app.inject(csv(third))];
    expect(csvRows(once)).to.deep.equal(EXPECTED.slice(10, 15)).and.to.deep.equal(csvRows(again));
    const past = await app.inject(csv(`/queries/people-by-organisation/results?page=9&pageSize=${PAGE_SIZE}`));
    expect([past.statusCode, csvRows(past), past.headers['x-peacegraph-more']]).to.deep.equal([200, [], 'false']);
  });

  it('binds the bundled query\'s parameters and pages its answer', async () => {
    const response = await app.inject(csv('/queries/people-by-organisation/results?org=Mu%20Network&pageSize=3&page=2'));
    expect(csvRows(response)).to.deep.equal(EXPECTED.filter((row) => row.startsWith('Mu Network,')).slice(3, 6));
  });

  it('pages any SELECT posted as a form (/paged), within its own LIMIT and OFFSET', async () => {
    const names = PEOPLE.map((person) => person.name).sort().reverse();
    const page = async (query: string, number: number) => csvRows(await app.inject({
      method: 'POST', url: '/paged', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/csv' },
      payload: new URLSearchParams({ query, page: String(number), pageSize: '4' }).toString(),
    }));
    expect(await page(NAMES, 2)).to.deep.equal(names.slice(4, 8));
    // The query's own window: rows 3 to 12 of the names; its second page of 4 is rows 7 to 10, its third only 11 and 12.
    expect(await page(`${NAMES} LIMIT 10 OFFSET 2`, 2)).to.deep.equal(names.slice(6, 10));
    expect(await page(`${NAMES} LIMIT 10 OFFSET 2`, 3)).to.deep.equal(names.slice(10, 12));
  });

  it('says when a query has no ORDER BY, and its pages still hold every row once', async () => {
    const unordered = NAMES.replace(/ ORDER BY.*$/, '');
    const rows: string[] = [];
    for (let number = 1; number <= 5; number += 1) {
      const response = await app.inject(csv(`/paged?query=${encodeURIComponent(unordered)}&page=${number}&pageSize=${PAGE_SIZE}`));
      expect(response.headers['x-peacegraph-order']).to.equal('none');
      rows.push(...csvRows(response));
    }
    expect(rows.sort()).to.deep.equal(PEOPLE.map((person) => person.name).sort());
  });

  it('answers other forms whole on /paged, and keeps /sparql standard: a page field there changes nothing', async () => {
    const ask = await app.inject({ method: 'GET', url: `/paged?query=${encodeURIComponent('ASK { ?p a <http://schema.org/Person> }')}&page=2`, headers: { accept: 'application/sparql-results+json' } });
    expect([ask.json(), ask.headers['x-peacegraph-page']]).to.deep.equal([{ head: {}, boolean: true }, undefined]);
    const full = await app.inject(csv(`/sparql?query=${encodeURIComponent(NAMES)}&page=2&pageSize=4`));
    expect([csvRows(full).length, full.headers['x-peacegraph-page'], full.headers.link]).to.deep.equal([23, undefined, undefined]);
  });

  it('gives the page computed afresh on Cache-Control: no-cache, alike', async () => {
    for (const page of [1, 3, 5]) {
      const url = `/queries/people-by-organisation/results?page=${page}&pageSize=${PAGE_SIZE}`;
      const fresh = await app.inject({ ...csv(url), headers: { accept: 'text/csv', 'cache-control': 'no-cache' } });
      expect(csvRows(fresh)).to.deep.equal(EXPECTED.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
      expect(fresh.headers['x-peacegraph-more']).to.equal(String(page < 5));
    }
  });

  it('lets scripts of other origins read where a page lies (CORS)', async () => {
    const response = await app.inject({ ...csv('/queries/people-by-organisation/results?pageSize=5'), headers: { accept: 'text/csv', origin: 'https://example.org' } });
    expect(String(response.headers['access-control-expose-headers']).split(', ')).to.include.members(['Link', 'X-Peacegraph-Page', 'X-Peacegraph-More']);
  });

  const refusals: Array<[string, InjectOptions, number, RegExp]> = [
    ['page 0', csv('/queries/people-by-organisation/results?page=0'), 400, /^Bad request: query parameter page must be at least 1\.$/m],
    ['a page that is no number', csv('/queries/people-by-organisation/results?page=two'), 400, /query parameter page must be a whole number/],
    ['a page larger than the result cap', csv('/queries/people-by-organisation/results?pageSize=1001'), 400, /query parameter pageSize must be at most 1000/],
    ['a page past what the engine reads', csv('/queries/people-by-organisation/results?page=3000000&pageSize=1000'), 400, /starts past row 2147483647/],
    ['a parameter given twice', csv('/queries/people-by-organisation/results?org=a&org=b'), 400, /query parameter org must be given once/],
    ['an unknown parameter', csv('/queries/people-by-organisation/results?person=x'), 400, /has no parameter person/],
    ['an unknown query', csv('/queries/no-such-query/results'), 404, /No bundled query no-such-query/],
    ['a query given twice', csv('/sparql?query=ASK%7B%7D&query=ASK%7B%7D'), 400, /query parameter query must be given once/],
    ['a form with the query twice', { method: 'POST', url: '/sparql', payload: 'query=ASK%7B%7D&query=ASK%7B%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400, /form field query must be given once/],
    ['a form page that is no number', { method: 'POST', url: '/paged', payload: 'query=ASK%7B%7D&page=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400, /form field page must be a whole number/],
    ['a POST with no body', { method: 'POST', url: '/sparql' }, 400, /^Bad request: no body: POST an application\/sparql-query body or a form\.$/m],
    ['a JSON body (not a SPARQL Protocol request)', { method: 'POST', url: '/sparql', payload: '{"query":"ASK {}"}', headers: { 'content-type': 'application/json' } }, 415, /Unsupported Media Type/],
    ['a text/plain body', { method: 'POST', url: '/sparql', payload: 'ASK {}', headers: { 'content-type': 'text/plain' } }, 415, /Unsupported Media Type/],
  ];
  for (const [name, request, status, message] of refusals) {
    it(`refuses ${name} with ${status} and a plain-text reason`, async () => {
      const response = await app.inject(request);
      expect(response.statusCode, response.body).to.equal(status);
      expect(response.headers['content-type']).to.match(/^text\/plain/);
      expect(response.body).to.match(message);
    });
  }
});
