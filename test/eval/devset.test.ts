/**
 * The development set must not fall below the figures in devset-thresholds.json (one place, raised
 * as extraction improves). Runs `eval` in-process over test/fixtures/devset, as `npm run eval` does.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEval } from '../../src/eval/run.js';
import { scoreSetLine } from '../../src/eval/format.js';
import { PROJECT_ROOT } from '../../src/paths.js';

interface Thresholds {
  readonly pagesBuilt: number;
  readonly startDatesRightShare: number;
  readonly personF1: number;
  readonly pairF1: number;
  readonly moderatorF1: number;
}

const THRESHOLDS = fileURLToPath(new URL('devset-thresholds.json', import.meta.url));

describe('eval: the development set', function () {
  this.timeout(600_000);

  it('stays at or above the thresholds', async () => {
    const thresholds = JSON.parse(await readFile(THRESHOLDS, 'utf8')) as Thresholds;
    const { total } = await runEval({ goldDir: join(PROJECT_ROOT, 'test', 'fixtures', 'devset') });
    const line = scoreSetLine(total);
    expect(total.pages, line).to.equal(20);
    expect(total.built, `pages built: ${line}`).to.be.at.least(thresholds.pagesBuilt);
    expect(total.startDates.rightShare, `start dates right: ${line}`).to.be.at.least(thresholds.startDatesRightShare);
    expect(total.people.f1, `person F1: ${line}`).to.be.at.least(thresholds.personF1);
    expect(total.pairs.f1, `person-organisation F1: ${line}`).to.be.at.least(thresholds.pairF1);
    expect(total.moderators.f1, `moderator F1: ${line}`).to.be.at.least(thresholds.moderatorF1);
  });
});
