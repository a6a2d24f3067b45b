import { expect } from 'chai';
import { median, ms } from '../../bench/format.js';

describe('bench/format', () => {
  const medians: Array<[readonly number[], number]> = [
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 2], 3],
    [[9, 1, 7, 3], 5],
  ];
  for (const [values, expected] of medians) {
    it(`median of ${values.join(', ')} is ${expected}`, () => {
      expect(median(values)).to.equal(expected);
    });
  }

  const durations: Array<[number, string]> = [
    [0.00025, '0.25 ms'],
    [0.0421, '42 ms'],
    [9.5, '9500 ms'],
    [12.34, '12.3 s'],
  ];
  for (const [seconds, expected] of durations) {
    it(`${seconds} s prints as ${expected}`, () => {
      expect(ms(seconds)).to.equal(expected);
    });
  }
});
