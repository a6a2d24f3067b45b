/**
 * `peacegraph query` and the evidence files: the facts alone unless asked (--with-evidence) or the
 * query names evidence terms, which one query then loads by itself.
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
    const [factLines, evidenceLines] = [await lines(join(full, 'graph.nt')), await lines(join(full, 'evidence.nt'))];
    expect(await csv(full, COUNT)).to.equal(`n\n${factLines}`);
    expect(await csv(full, COUNT, '--with-evidence')).to.equal(`n\n${factLines + evidenceLines}`);
  });

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
