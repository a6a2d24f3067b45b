import { expect } from 'chai';
import type { Timing } from '../../bench/engines.js';
import { bestWarm, header, marks, misses, ratioToBest, rowsCell, timeCell, type Measured, type Timings } from '../../bench/table.js';

const timing = (warm: number, rows = 10, first = warm * 2): Timing => ({ first, warm, rows });
const REFERENCES = ['raw', 'virtuoso'];

describe('bench/table', () => {
  // Absent: the engine did not run (its column is skipped); undefined: its run was stopped.
  const all: Timings = new Map([['serve', timing(0.3)], ['raw', timing(0.2)], ['virtuoso', timing(0.25)]]);
  const noVirtuoso: Timings = new Map([['serve', timing(0.3)], ['raw', timing(0.2)]]);
  const rawStopped: Timings = new Map([['serve', timing(0.3)], ['raw', undefined], ['virtuoso', timing(0.6)]]);
  const serveStopped: Timings = new Map([['serve', undefined], ['raw', timing(0.2)]]);
  const noneAnswered: Timings = new Map([['serve', timing(0.3)], ['raw', undefined]]);

  const cells: Array<[string, Timings, string, 'first' | 'warm', string]> = [
    ['a warm run', all, 'virtuoso', 'warm', '250 ms'],
    ['a first run', all, 'virtuoso', 'first', '500 ms'],
    ['an engine not run', noVirtuoso, 'virtuoso', 'warm', 'skipped'],
    ['a stopped run', rawStopped, 'raw', 'warm', 'stopped'],
  ];
  for (const [what, timings, engine, run, expected] of cells) {
    it(`prints ${what} as ${expected}`, () => {
      expect(timeCell(timings, engine, run)).to.equal(expected);
    });
  }

  const ratios: Array<[string, Timings, number | undefined, number | undefined]> = [
    ['the faster of two references', all, 0.2, 1.5],
    ['the one reference run', noVirtuoso, 0.2, 1.5],
    ['the reference that answered', rawStopped, 0.6, 0.5],
    ['no reference', noneAnswered, undefined, undefined],
    ['serve stopped', serveStopped, 0.2, undefined],
  ];
  for (const [what, timings, best, ratio] of ratios) {
    it(`compares serve with ${what}`, () => {
      expect(bestWarm(timings, REFERENCES)).to.equal(best);
      const measured = ratioToBest(timings, 'serve', REFERENCES);
      if (ratio === undefined) expect(measured).to.equal(undefined);
      else expect(measured).to.be.closeTo(ratio, 1e-9);
    });
  }

  const rows: Array<[string, Timings, string]> = [
    ['agreeing engines', all, '10'],
    ['a stopped engine', rawStopped, '10'],
    ['engines that disagree', new Map([['serve', timing(1, 1733)], ['raw', timing(1, 1733)], ['virtuoso', timing(1, 1700)]]), '1,733 (virtuoso 1,700)'],
    // A first page is shorter by design: it is not compared.
    ['a first page beside the whole answer', new Map([['serve', timing(1, 1733)], ['page', timing(0.1, 100)], ['raw', timing(1, 1733)]]), '1,733'],
    ['serve stopped', serveStopped, ''],
  ];
  for (const [what, timings, expected] of rows) {
    it(`gives the rows of ${what} as ${JSON.stringify(expected)}`, () => {
      expect(rowsCell(timings, 'serve', REFERENCES)).to.equal(expected);
    });
  }

  const targets: Array<[string, Measured, string[]]> = [
    ['a whole-corpus query within 1 s and 1.5x', { warm: 0.9, bound: false, ratio: 1.5 }, []],
    ['a whole-corpus query over 1 s', { warm: 1.2, bound: false, ratio: 1.1 }, ['1200 ms > 1000 ms']],
    ['a bound query over 100 ms', { warm: 0.15, bound: true, ratio: 1 }, ['150 ms > 100 ms']],
    ['a bound query within 100 ms', { warm: 0.05, bound: true, ratio: undefined }, []],
    ['a query slower than 1.5x the best', { warm: 0.01, bound: false, ratio: 2.345 }, ['2.35x > 1.5x']],
    ['a one-shot query over 10 s', { warm: 0.5, bound: false, ratio: 1, oneShot: 12.5 }, ['one-shot 12.5 s > 10.0 s']],
    ['every target missed', { warm: 0.2, bound: true, ratio: 3, oneShot: 11 }, ['200 ms > 100 ms', '3.00x > 1.5x', 'one-shot 11.0 s > 10.0 s']],
    ['a stopped query', { warm: undefined, bound: false, ratio: undefined }, ['stopped']],
    ['a listing whose first page is within 1 s', { warm: 4, firstPage: 0.3, bound: false, ratio: 1.2 }, []],
    ['a listing whose first page is over 1 s', { warm: 4, firstPage: 1.5, bound: false, ratio: 1.2 }, ['1500 ms > 1000 ms']],
    ['a stopped listing whose first page answered', { warm: undefined, firstPage: 0.2, bound: false, ratio: undefined }, []],
  ];
  for (const [what, measured, expected] of targets) {
    it(`marks ${what}`, () => {
      expect(misses(measured)).to.deep.equal(expected);
    });
  }

  it('marks a row that meets its targets ok, else names what it missed', () => {
    expect(marks([])).to.equal('ok');
    expect(marks(['150 ms > 100 ms', '2.35x > 1.5x'])).to.equal('**150 ms > 100 ms; 2.35x > 1.5x**');
  });

  it('writes a markdown header with one rule per column', () => {
    expect(header(['query', 'rows', 'serve warm'])).to.deep.equal(['| query | rows | serve warm |', '| --- | --- | --- |']);
  });
});
