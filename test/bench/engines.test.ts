import { expect } from 'chai';
import { defaultGraphFiles, timeByTurns, type Run, type RunCounts } from '../../bench/engines.js';
import type { GraphFiles } from '../../src/query/rdf-files.js';

const nt = { path: 'out/graph.nt', format: 'application/n-triples' };
const ttl = { path: 'out/graph.ttl', format: 'text/turtle' };
const nq = { path: 'out/graph.nq', format: 'application/n-quads' };
const trig = { path: 'out/graph.trig', format: 'application/trig' };

describe('bench/engines', () => {
  // What the other engines load: the default graph's triples, never the reports' named graphs.
  const cases: Array<[string, GraphFiles, readonly object[]]> = [
    ['a build folder: its N-Triples, not its N-Quads', { triples: nt, quads: nq }, [nt]],
    ['Turtle standing for the default graph', { triples: ttl, quads: trig }, [ttl]],
    ['a TriG file alone: nothing to load as triples', { quads: trig }, []],
  ];
  for (const [what, files, expected] of cases) {
    it(`default-graph files of ${what}`, () => {
      expect(defaultGraphFiles(files)).to.deep.equal(expected);
    });
  }

  describe('timeByTurns', () => {
    const runs: RunCounts = { warm: 3, slowWarm: 1, slowSeconds: 1, fastWarm: 5, fastWarmUp: 4, fastSeconds: 0.05, timeoutMs: 1000 };
    /** An engine whose runs take the given seconds in turn (the last one after), counting its calls. */
    const engine = (seconds: readonly number[]): { run: Run; calls: () => number } => {
      let calls = 0;
      return { run: async () => ({ seconds: seconds[Math.min(calls++, seconds.length - 1)]!, rows: 1 }), calls: () => calls };
    };
    // Expected: the first run kept, warm-up runs dropped, the median of the warm runs after them.
    const cases: ReadonlyArray<readonly [string, readonly number[], number, number, number]> = [
      ['a millisecond query: four untimed turns, then five timed', [0.04, 0.03, 0.03, 0.02, 0.02, 0.001, 0.001, 0.002, 0.001, 0.003], 0.04, 0.001, 10],
      ['a query of 0.1 s: no warm-up', [0.1, 0.2, 0.3, 0.4], 0.1, 0.3, 4],
      ['a query over 1 s: one warm run, no warm-up', [2, 3], 2, 3, 2],
    ];
    for (const [what, seconds, first, warm, calls] of cases) {
      it(what, async () => {
        const [a, b] = [engine(seconds), engine(seconds)];
        const timings = await timeByTurns('ASK {}', new Map([['a', a.run], ['b', b.run]]), runs);
        expect(timings.get('a')).to.deep.equal({ first, warm, rows: 1 });
        expect(timings.get('b')).to.deep.equal({ first, warm, rows: 1 });
        expect([a.calls(), b.calls()]).to.deep.equal([calls, calls]);
      });
    }
  });
});
