import { expect } from 'chai';
import { defaultGraphFiles } from '../../bench/engines.js';
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
});
