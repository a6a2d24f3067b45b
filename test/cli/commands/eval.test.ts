import { expect } from 'chai';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalCommand } from '../../../src/cli/commands/eval.js';
import { PROJECT_ROOT } from '../../../src/paths.js';
import type { EvalReport } from '../../../src/eval/run.js';
import { runCommand } from './run-command.js';

const DEVSET = join(PROJECT_ROOT, 'test', 'fixtures', 'devset');
const VISIT = '07-diplo-hertie-students-visit-2023';
const NO_TITLE = '27-chathamhouse-style-cybercrime-convention-stakeholders';

describe('cli/commands/eval', function () {
  this.timeout(300_000);
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-eval-command-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('--format json: one entry per page named, with the gold\'s counts, and totals', async () => {
    const run = await runCommand(evalCommand, ['eval', '--gold', DEVSET, join(DEVSET, `${VISIT}.txt`), join(DEVSET, `${NO_TITLE}.txt`), '--format', 'json']);
    expect(run.exitCode, run.stderr + String(run.error)).to.equal(0);
    const report = JSON.parse(run.stdout) as EvalReport;
    expect(report.pages.map((page) => [page.page, page.family])).to.deep.equal([[VISIT, 'event-page'], [NO_TITLE, 'event-page']]);
    for (const page of report.pages) {
      const gold = JSON.parse(await readFile(join(DEVSET, `${page.page}.json`), 'utf8')) as { people: Array<{ organisations: string[] }> };
      expect(page.score.people.gold, page.page).to.equal(gold.people.length);
      expect(page.score.pairs.gold, page.page).to.equal(gold.people.reduce((sum, person) => sum + person.organisations.length, 0));
    }
    expect(report.total.pages).to.equal(2);
    expect(report.families.map((family) => family.family)).to.deep.equal(['event-page']);
  });

  it('--verbose names who was missed', async () => {
    // A gold file that also lists someone the page never names: whatever extraction finds, she is missed.
    const dir = join(root, 'verbose');
    await mkdir(dir);
    await copyFile(join(DEVSET, `${VISIT}.txt`), join(dir, `${VISIT}.txt`));
    const gold = JSON.parse(await readFile(join(DEVSET, `${VISIT}.json`), 'utf8')) as { people: unknown[] };
    gold.people.push({ name: 'Zora Nowhere-Given', honorific: null, jobTitles: ['Archivist'], organisations: [], roles: ['speaker'] });
    await writeFile(join(dir, `${VISIT}.json`), JSON.stringify(gold));
    const run = await runCommand(evalCommand, ['eval', '--gold', dir, join(dir, `${VISIT}.txt`), '--verbose']);
    expect(run.exitCode, run.stderr + String(run.error)).to.equal(0);
    expect(run.stdout).to.match(/people .*\n\s+missed: (?:.*; )?Zora Nowhere-Given(?:;.*)?\n/);
    expect(run.stdout).to.match(/\n1 pages: built 1, person F1 \d\.\d{3}, person-organisation F1 \d\.\d{3}, moderator F1 \d\.\d{3}, start dates right 1\/1\n$/);
  });

  it('without inputs, scores the gold folder\'s *.txt pages', async () => {
    const dir = join(root, 'own');
    await mkdir(dir);
    await copyFile(join(DEVSET, `${VISIT}.txt`), join(dir, 'visit.txt'));
    await copyFile(join(DEVSET, `${VISIT}.json`), join(dir, 'visit.json'));
    await writeFile(join(dir, 'INDEX.md'), '# not a page\n');
    const run = await runCommand(evalCommand, ['eval', '--gold', dir, '--format', 'json']);
    expect(run.exitCode, run.stderr + String(run.error)).to.equal(0);
    expect((JSON.parse(run.stdout) as EvalReport).pages.map((page) => page.page)).to.deep.equal(['visit']);
  });

  it('a gold folder that does not exist is an error naming it', async () => {
    const run = await runCommand(evalCommand, ['eval', '--gold', join(root, 'absent')]);
    expect(run.exitCode).to.equal(1);
    expect(run.error?.message).to.equal(`${join(root, 'absent')}: gold folder: no such file or folder`);
  });

  it('a page without a gold file is an error naming the gold file it looked for', async () => {
    const page = join(root, 'lonely.txt');
    await copyFile(join(DEVSET, `${VISIT}.txt`), page);
    const run = await runCommand(evalCommand, ['eval', '--gold', DEVSET, page]);
    expect(run.exitCode).to.equal(1);
    expect(run.error?.message).to.equal(`${join(DEVSET, 'lonely.json')}: gold file: no such file or folder`);
  });
});
