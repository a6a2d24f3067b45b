import { expect } from 'chai';
import { availableParallelism } from 'node:os';
import { workerCount } from '../../src/corpus/pool.js';

describe('corpus/pool', () => {
  const cores = availableParallelism();
  const cases: Array<[string, number, number, number]> = [
    ['one report runs in this thread', 1, 4, 1],
    ['as many threads as asked', 48, 2, 2],
    ['never more threads than batches of reports', 16, 8, 2],
    ['--jobs 1 forces one thread', 10_000, 1, 1],
    ['left to peacegraph: one thread while workers would not pay', 199, 0, 1],
    ['left to peacegraph: a worker per 100 reports, up to one per core', 200, 0, Math.min(2, cores)],
    ['left to peacegraph: one per core', 100_000, 0, cores],
  ];
  for (const [name, reports, jobs, expected] of cases) {
    it(`${name}: ${reports} reports, --jobs ${jobs} -> ${expected}`, () => {
      expect(workerCount(reports, jobs)).to.equal(expected);
    });
  }
});
