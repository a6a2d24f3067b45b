import { expect } from 'chai';
import { availableParallelism } from 'node:os';
import { workerCount } from '../../src/corpus/pool.js';

describe('corpus/pool', () => {
  const cases: Array<[string, number, number, number]> = [
    ['one report runs in this thread', 1, 4, 1],
    ['too few reports to pay for a second thread', 47, 2, 1],
    ['two threads once each has enough reports', 48, 2, 2],
    ['never more threads than asked', 10_000, 2, 2],
    ['--jobs 1 forces one thread', 10_000, 1, 1],
    ['enough reports for many threads', 1_000, 8, 8],
  ];
  for (const [name, reports, jobs, expected] of cases) {
    it(`${name}: ${reports} reports, --jobs ${jobs} -> ${expected}`, () => {
      expect(workerCount(reports, jobs)).to.equal(expected);
    });
  }

  it('--jobs 0 means one thread per core', () => {
    expect(workerCount(100_000, 0)).to.equal(availableParallelism());
  });
});
