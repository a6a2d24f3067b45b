/** `peacegraph query --page`: one page of a listing, against a hand-made graph whose rows are known (members-graph.ts). */
import { expect } from 'chai';
import { queryCommand } from '../../../src/cli/commands/query.js';
import { runCommand } from './run-command.js';
import { BY_ORGANISATION, writeMembersGraph } from '../../fixtures/members-graph.js';

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
