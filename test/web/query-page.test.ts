/**
 * The query page in a real browser: Debian's Chromium driven by playwright-core, headless, against
 * `serve` on loopback. Pick a bundled query, run it, see the expected rows; keep a screenshot.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildGraph } from '../../src/pipeline.js';
import { writeGraph } from '../../src/write/outputs.js';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';

const CHROMIUM = '/usr/bin/chromium';

describe('web: the query page in Chromium', function () {
  this.timeout(120000);
  let app: FastifyInstance;
  let browser: Browser;
  let address: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
      this.skip();
    }
    const out = await mkdtemp(join(tmpdir(), 'peacegraph-web-'));
    const built = await buildGraph([BUNDLED.reports]);
    await writeGraph(out, built.quads, DEFAULT_BASE, built.models);
    ({ app } = await createServer({ graph: { quads: { path: join(out, 'graph.trig'), format: 'application/trig' } }, base: DEFAULT_BASE, timeoutMs: 10000, maxRows: 1000, maxQueryBytes: 65536 }));
    address = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs a picked bundled query and shows its rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const external: string[] = [];
    page.on('request', (request) => { if (!request.url().startsWith(address)) external.push(request.url()); });
    await page.goto(`${address}/`);
    await page.selectOption('#bundled', 'who-moderated-what');
    expect(await page.inputValue('#query')).to.include('pg:moderator');
    await page.click('#run');
    await page.waitForSelector('#results tbody tr');
    const moderators = await page.$$eval('#results tbody tr', (rows) => rows.map((row) => row.lastElementChild?.textContent));
    expect(moderators).to.deep.equal(['Barbara Rosen Jacobson', 'Roxana Radu', 'Hang Nguyen', 'Stefano Toscano']);
    expect(await page.textContent('#status')).to.match(/^4 rows in \d+ ms/);
    expect(external, 'requests outside the server').to.deep.equal([]);
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/query-page.png', fullPage: true });
  });

  it('draws an edge list as a network and shows errors', async () => {
    const page = await browser.newPage();
    await page.goto(`${address}/`);
    await page.selectOption('#bundled', 'organisations-co-appearing');
    await page.click('#run');
    await page.waitForSelector('#network circle');
    expect(await page.$$eval('#network line', (lines) => lines.length)).to.be.greaterThan(10);
    await page.screenshot({ path: 'test-artifacts/query-page-network.png', fullPage: true });
    await page.fill('#query', 'SELECT ?x WHERE {');
    await page.click('#run');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).to.match(/syntax error/);
  });
});
