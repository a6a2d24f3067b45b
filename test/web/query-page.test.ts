/**
 * The query page in a real browser: Debian's Chromium driven by playwright-core, headless, against
 * `serve` on loopback, under the page's own Content-Security-Policy. Every request the page makes
 * is recorded: none may leave the server. Screenshots go to test-artifacts/.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildGraph } from '../../src/pipeline.js';
import { writeGraph } from '../../src/write/outputs.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { createServer } from '../../src/serve/server.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';

/** The few browser globals the functions run in the page use (tests compile without the DOM library). */
interface PageElement { readonly textContent: string | null; getAttribute(name: string): string | null }
interface PolicyViolation { readonly violatedDirective: string; readonly sourceFile: string; readonly lineNumber: number }
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { readonly length: number };
  addEventListener(type: 'securitypolicyviolation', listener: (event: PolicyViolation) => void): void;
};
declare const window: { peacegraph: { yasqe: { setValue(value: string): void; getValue(): string; query(): Promise<unknown> } } };

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const MAX_ROWS = 1000;
const REPORT = join(BUNDLED.reports, 'geneva-peace-week-2017.txt');

/** A query typed or pasted by a user: no PREFIX lines, the page declares what it uses. */
const ALL_TRIPLES = 'SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o';
const PEOPLE = 'SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name } ORDER BY ?name';

/** RFC 4180 CSV, enough for the endpoint's output (quoted fields may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index += 1; } else if (char === '"') quoted = false; else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(field); field = ''; } else if (char === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; } else field += char;
  }
  return rows;
}

describe('web: the query page in Chromium', function () {
  this.timeout(180000);
  let app: FastifyInstance;
  let browser: Browser;
  let address: string;
  const requests: string[] = [];
  const violations: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
      this.skip();
    }
    const out = await mkdtemp(join(tmpdir(), 'peacegraph-web-'));
    const built = await buildGraph([BUNDLED.reports]);
    await writeGraph(out, built.quads, DEFAULT_BASE, built.models);
    // With the evidence (serve --with-evidence): the resource view lists the quotes behind a resource.
    ({ app } = await createServer({ graph: await resolveGraphFiles(out, 'load'), base: DEFAULT_BASE, timeoutMs: 30000, maxRows: MAX_ROWS, maxQueryBytes: 65536 }));
    address = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`)));
    await page.goto(`${address}/`);
    await page.waitForSelector('#bundled option[value="people-by-organisation"]', { state: 'attached' });
    return page;
  }

  /** Replaces the editor's text, as pasting a query would. */
  const setQuery = (page: Page, query: string) => page.evaluate((text) => {
    window.peacegraph.yasqe.setValue(text);
  }, query);
  const run = async (page: Page) => {
    await page.click('.yasqe_queryButton');
    await page.waitForFunction(() => !/^Running/.test(document.getElementById('status')?.textContent ?? 'Running'));
  };
  const column = (page: Page, index: number) =>
    page.$$eval(`#results table.dataTable tbody tr td:nth-child(${index + 2})`, (cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));

  it('runs a bundled query with a parameter bound by the server, and downloads the result as CSV', async () => {
    const page = await openPage();
    await page.selectOption('#bundled', 'people-by-organisation');
    expect(await page.textContent('#description')).to.match(/affiliated with an organisation/);
    expect(await page.isVisible('#parameter-org')).to.equal(true);
    await page.fill('#parameter-org', 'UNITAR');
    await page.click('#run-bundled');
    await page.waitForFunction(() => /rows? in/.test(document.getElementById('status')?.textContent ?? ''));
    // The report (data/reports) names one person at UNITAR: "Mr Einar Bjorgo, UNITAR, Manager".
    expect(await column(page, 0)).to.deep.equal(['United Nations Institute for Training and Research']);
    expect(await column(page, 1)).to.deep.equal(['Einar Bjorgo']);
    expect(await page.evaluate(() => window.peacegraph.yasqe.getValue()))
      .to.match(/VALUES \?org \{\s*"UNITAR"\s*\}/);
    await page.screenshot({ path: `${ARTIFACTS}/query-page-parameter.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads button[data-type="text/csv"]')]);
    expect(download.suggestedFilename()).to.equal('people-by-organisation.csv');
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(rows).to.deep.equal([['organisation', 'person', 'jobTitle'], ['United Nations Institute for Training and Research', 'Einar Bjorgo', '']]);

    // Without a value the parameter stays unset: every organisation's people.
    await page.fill('#parameter-org', '');
    await page.click('#run-bundled');
    await page.waitForFunction(() => /rows? in/.test(document.getElementById('status')?.textContent ?? '') && document.querySelectorAll('#results tbody tr').length > 1);
    expect(new Set(await column(page, 0)).size).to.be.greaterThan(5);
    await page.close();
  });

  /** The rows of each /paged answer the page receives, in the order received. */
  function pagedAnswers(page: Page): Array<Promise<string[]>> {
    const answers: Array<Promise<string[]>> = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/paged')) return;
      answers.push(response.json().then((json: { results: { bindings: Array<Record<string, { value: string }>> } }) =>
        json.results.bindings.map((row) => ['s', 'p', 'o'].map((name) => row[name]!.value).join(' '))));
    });
    return answers;
  }

  it('declares the graph\'s prefixes a pasted query uses, and pages through a large result from the server', async () => {
    const page = await openPage();
    const answers = pagedAnswers(page);
    await setQuery(page, ALL_TRIPLES);
    await run(page);
    expect(await page.textContent('#status')).to.match(/^rows 1–50 \(page 1, more follow\) in \d+ ms/);
    expect(await page.isVisible('#paging')).to.equal(true);
    expect(await page.isDisabled('#previous-page')).to.equal(true);
    expect(await page.textContent('#paging-note')).to.match(/paged listing: 50 rows at a time, more follow/);
    const firstPage = await column(page, 0);
    expect(firstPage).to.have.length(50);
    const numbers = () => page.$$eval('#results table.dataTable tbody tr td:first-child', (cells) => cells.map((cell) => Number(cell.textContent)));
    const upTo = (first: number) => Array.from({ length: 50 }, (_, index) => first + index);
    expect(await numbers(), 'rows numbered in the whole answer').to.deep.equal(upTo(1));
    await page.click('#next-page');
    await page.waitForFunction(() => /^rows 51–100 \(page 2, more follow\)/.test(document.getElementById('status')?.textContent ?? ''));
    const secondPage = await column(page, 0);
    expect(secondPage).to.have.length(50);
    expect(secondPage[0]! >= firstPage[49]!, 'ordered by subject across pages').to.equal(true);
    expect(await numbers(), 'rows numbered in the whole answer').to.deep.equal(upTo(51));
    await page.screenshot({ path: `${ARTIFACTS}/query-page-paging.png`, fullPage: true });
    await page.click('#previous-page');
    await page.waitForFunction(() => /^rows 1–50 /.test(document.getElementById('status')?.textContent ?? ''));
    expect(await column(page, 0)).to.deep.equal(firstPage);
    // The pages the browser received are, one after the other, the start of the whole answer a SPARQL client gets.
    const whole = await app.inject({ method: 'POST', url: '/sparql', payload: ALL_TRIPLES, headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' } });
    const wholeRows = (whole.json() as { results: { bindings: Array<Record<string, { value: string }>> } }).results.bindings
      .map((row) => ['s', 'p', 'o'].map((name) => row[name]!.value).join(' '));
    const [one, two] = await Promise.all(answers.slice(0, 2));
    expect([...one!, ...two!]).to.deep.equal(wholeRows.slice(0, 100));

    await setQuery(page, PEOPLE);
    await run(page);
    const editor = await page.evaluate(() => window.peacegraph.yasqe.getValue());
    expect(editor).to.match(/^PREFIX schema: <http:\/\/schema\.org\/>/m);
    expect(await page.textContent('#status')).to.match(/^27 rows in/);
    expect(await page.isHidden('#paging')).to.equal(true);
    await page.close();
  });

  it('follows an IRI in the table to its resource view: its triples and evidence quotes', async () => {
    const page = await openPage();
    await setQuery(page, PEOPLE);
    await run(page);
    const [name] = await column(page, 1);
    await page.click('#results table.dataTable tbody tr:first-child a.iri');
    await page.waitForSelector('#resource .quotes li');
    expect(await page.textContent('#resource h2')).to.include(name!);
    const predicates = await page.$$eval('#resource table:first-of-type tbody tr td:first-child', (cells) => cells.map((cell) => cell.textContent));
    expect(predicates).to.include.members(['schema:name', 'rdf:type']);
    const quotes = await page.$$eval('#resource .quotes blockquote', (items) => items.map((item) => item.textContent ?? ''));
    const report = await readFile(REPORT, 'utf8');
    expect(quotes.length).to.be.greaterThan(0);
    for (const quote of quotes) expect(report, 'each quote is text of the report').to.include(quote);
    expect(quotes.some((quote) => quote.includes(name!.split(' ').pop()!))).to.equal(true);
    await page.screenshot({ path: `${ARTIFACTS}/query-page-resource.png`, fullPage: true });
    // A link in the resource view opens that resource in turn.
    await page.click('#resource a.iri[title^="https://w3id.org/peacegraph/id/org/"]');
    await page.waitForFunction(() => /organisation:|org\//.test(document.querySelector('#resource h2')?.getAttribute('title') ?? '') && document.querySelector('#resource h2')?.textContent !== 'Loading…');
    expect(await page.getAttribute('#resource h2', 'title')).to.match(/^https:\/\/w3id\.org\/peacegraph\/id\/org\//);
    await page.close();
  });

  it('draws only edge lists as a network, shows graphs, and clears the drawing', async () => {
    const page = await openPage();
    await page.selectOption('#bundled', 'organisations-co-appearing');
    await run(page);
    await page.waitForSelector('#network circle');
    expect(await page.$$eval('#network line', (lines) => lines.length)).to.be.greaterThan(10);
    await page.screenshot({ path: `${ARTIFACTS}/query-page-network.png`, fullPage: true });

    await page.selectOption('#bundled', 'event-subgraph');
    await run(page);
    expect(await page.isHidden('#network')).to.equal(true);
    expect(await page.$$eval('#network *', (nodes) => nodes.length)).to.equal(0);
    expect(await page.textContent('#status')).to.match(/^a graph in/);
    expect(await page.$$eval('#downloads button', (buttons) => buttons.map((button) => button.textContent)))
      .to.deep.equal(['Turtle', 'N-Triples', 'JSON-LD', 'RDF/XML']);
    await page.waitForSelector('#results table.dataTable tbody tr');
    await page.screenshot({ path: `${ARTIFACTS}/query-page-graph.png`, fullPage: true });

    await setQuery(page, 'SELECT ?x WHERE {');
    await page.evaluate(() => window.peacegraph.yasqe.query().catch(() => undefined));
    await page.waitForFunction(() => /syntax error/.test(document.getElementById('results')?.textContent ?? ''));
    expect(await page.isHidden('#downloads')).to.equal(true);
    await page.close();
  });

  it('made no request outside the server and broke no rule of its Content-Security-Policy', () => {
    expect(requests.length).to.be.greaterThan(20);
    expect(requests.filter((url) => !url.startsWith(`${address}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
  });
});
