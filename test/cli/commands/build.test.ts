import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand } from '../../../src/cli/commands/build.js';
import { printSummaryQuery, SUMMARY_MAX_ROWS, SUMMARY_MAX_TRIPLES } from '../../../src/cli/findings.js';
import { BUNDLED } from '../../../src/paths.js';
import { generateCorpus } from '../../../bench/corpus.js';
import { runCommand } from './run-command.js';

describe('cli/commands/build --summary', function () {
  this.timeout(60_000);
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-build-command-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('shows the counts and who moderated what for the bundled report', async () => {
    const run = await runCommand(buildCommand, ['build', BUNDLED.reports, '--out', join(root, 'sample'), '--summary', '--quiet']);
    expect(run.exitCode, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/people\s+27\n/);
    expect(run.stdout).to.include('Who moderated what');
    expect(run.stdout).to.include('Barbara Rosen Jacobson');
    expect(run.stdout).to.include('(4 rows)');
  });

  it(`shows the first ${SUMMARY_MAX_ROWS} rows of a long answer, and how to ask for all`, async () => {
    const reports = join(root, 'reports');
    await mkdir(reports);
    for (const report of generateCorpus(12, 3)) await writeFile(join(reports, report.fileName), report.text);
    const run = await runCommand(buildCommand, ['build', reports, '--out', join(root, 'corpus'), '--summary', '--quiet']);
    expect(run.exitCode, run.stderr).to.equal(0);
    const table = run.stdout.slice(run.stdout.indexOf('Who moderated what'));
    expect(table.trim().split('\n')).to.have.length(1 + 2 + SUMMARY_MAX_ROWS + 1 + 1);
    expect(table).to.match(new RegExp(`the first ${SUMMARY_MAX_ROWS} of \\d+ rows: \`npx peacegraph query who-moderated-what --data .*corpus\` for all`));
  });

  it('does not load a large graph for the summary, and says how to ask', async () => {
    let stdout = '';
    await printSummaryQuery({ stdout: (text) => (stdout += text), stderr: () => undefined, isTTY: false }, join(root, 'absent.trig'), SUMMARY_MAX_TRIPLES + 1, 'out');
    expect(stdout).to.include(`not shown for a graph of ${(SUMMARY_MAX_TRIPLES + 1).toLocaleString('en')} triples: ask \`npx peacegraph query who-moderated-what --data out\``);
  });
});
