/**
 * `peacegraph query` and the evidence files: the facts alone unless asked (--with-evidence) or the
 * query names evidence terms, which one query then loads by itself. `--page`: one page of a
 * listing, against a hand-made graph whose rows are known (members-graph.ts).
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { queryCommand } from '../../../src/cli/commands/query.js';
import { mapReport } from '../../../src/rdf/map.js';
import { writeGraph } from '../../../src/write/outputs.js';
import { FIXTURE_BASE, fixtureModel, fixtureQuads } from '../../write/fixture.js';
import { runCommand } from './run-command.js';
import { BY_ORGANISATION, writeMembersGraph } from '../../fixtures/members-graph.js';

const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
/** The fixture quotes "Mission Zhobia" once in its text (fixture.ts). */
const QUOTE = 'PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?quote WHERE { ?selector a oa:TextQuoteSelector ; oa:exact ?quote FILTER(?quote = "Mission Zhobia") }';

describe('cli/commands/query: evidence', function () {
  this.timeout(60_000);
  let root: string;
  let full: string;
  let facts: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-query-evidence-'));
    [full, facts] = [join(root, 'full'), join(root, 'facts')];
    await writeGraph(full, fixtureQuads(), FIXTURE_BASE);
    await writeGraph(facts, mapReport(fixtureModel, { factory: DataFactory, base: FIXTURE_BASE, evidence: false }), FIXTURE_BASE, [], { evidence: false });
  });
  after(() => rm(root, { recursive: true, force: true }));

  const lines = async (path: string): Promise<number> => (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;
  const csv = async (data: string, query: string, ...flags: string[]): Promise<string> => {
    const run = await runCommand(queryCommand, ['query', query, '--data', data, '--format', 'csv', ...flags]);
    if (run.error !== undefined) throw run.error;
    return run.stdout.trim().replaceAll('\r\n', '\n');
  };

  it('queries the facts alone by default, and the evidence too with --with-evidence', async () => {
    // The default graph: the facts and the statistics counted from them (statistics.nt).
    const [factLines, evidenceLines] = [await lines(join(full, 'graph.nt')) + await lines(join(full, 'statistics.nt')), await lines(join(full, 'evidence.nt'))];
    expect(await csv(full, COUNT)).to.equal(`n\n${factLines}`);
    expect(await csv(full, COUNT, '--with-evidence')).to.equal(`n\n${factLines + evidenceLines}`);
  });

  // Chosen before the query runs (the worker writes a table): a graph as Turtle, a table as CSV off a terminal.
  const defaults: Array<[string, string, RegExp]> = [
    ['CONSTRUCT', 'CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }', /^@prefix /m],
    ['DESCRIBE', 'DESCRIBE ?s WHERE { ?s a ?t } LIMIT 1', /^@prefix /m],
    ['SELECT', COUNT, /^n\r\n\d+\r\n$/],
    ['ASK', 'ASK { ?s ?p ?o }', /^true\n$/],
  ];
  for (const [form, query, expected] of defaults) {
    it(`prints a ${form} answer in its default format`, async () => {
      const run = await runCommand(queryCommand, ['query', query, '--data', full]);
      expect(run.exitCode, run.error?.message).to.equal(0);
      expect(run.stdout).to.match(expected);
    });
  }

  it('loads the evidence by itself for a query that names evidence terms', async () => {
    expect(await csv(full, QUOTE)).to.equal('quote\nMission Zhobia');
  });

  it('on a build without evidence: no rows for such a query, and --with-evidence is an error saying why', async () => {
    expect(await csv(facts, QUOTE)).to.equal('quote');
    const run = await runCommand(queryCommand, ['query', COUNT, '--data', facts, '--with-evidence']);
    expect(run.exitCode).to.equal(1);
    expect(run.error?.message).to.match(/no evidence files \(evidence\.nt, evidence\.nq\): it was built with --no-evidence/);
  });
});

describe('cli: query --page', function () {
  this.timeout(60000);
  let graph: string;
  before(async () => {
    graph = await writeMembersGraph();
  });
  const page = (...flags: string[]) => runCommand(queryCommand, ['query', 'people-by-organisation', '--data', graph, '--format', 'csv', ...flags]);
  const rows = (stdout: string) => stdout.split('\r\n').slice(1, -1);

  const cases: Array<[string, string[], string[], RegExp]> = [
    ['a middle page, saying that more follow', ['--page', '2', '--page-size', '5'], BY_ORGANISATION.slice(5, 10), /page 2 \(rows 6 to 10\); more follow: --page 3/],
    ['the last page, saying so', ['--page', '5', '--page-size', '5'], BY_ORGANISATION.slice(20), /page 5 \(rows 21 to 23\); the last page/],
    ['a page past the end: no rows', ['--page', '6', '--page-size', '5'], [], /page 6 \(no rows\); the last page/],
  ];
  for (const [name, flags, expected, note] of cases) {
    it(`prints ${name}`, async () => {
      const run = await page(...flags);
      expect(run.exitCode, run.error?.message).to.equal(0);
      expect(rows(run.stdout)).to.deep.equal(expected);
      expect(run.stderr).to.match(note);
    });
  }

  it('pages the same with Comunica (--source): the page written into the query, the extra row cut', async () => {
    // The graph twice over: people-by-organisation is SELECT DISTINCT, so its rows are the same.
    const run = await page('--source', graph, '--page', '2', '--page-size', '5');
    expect(run.exitCode, run.error?.message).to.equal(0);
    expect(rows(run.stdout)).to.deep.equal(BY_ORGANISATION.slice(5, 10));
    expect(run.stderr).to.match(/page 2 \(rows 6 to 10\); more follow: --page 3/);
  });

  it('refuses a page of no rows, naming the flag', async () => {
    const run = await page('--page', '1', '--page-size', '0');
    expect(run.exitCode).to.not.equal(0);
    expect(run.error?.message).to.match(/--page-size must be a whole number of at least 1, not 0/);
  });
});
