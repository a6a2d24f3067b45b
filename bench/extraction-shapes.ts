/**
 * Extraction on hostile shapes of text (issue: every pattern runs in linear time): one report with
 * a valid header and a body of one piece repeated to SIZE bytes (default 1 MB), per shape, timed in
 * this process. Prints seconds per shape and the ratio to the 2 s target.
 *   npm run bench:shapes [-- SIZE]
 */
import { extractReport } from '../src/extract/report.js';
import { loadKnowledge } from '../src/extract/knowledge.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { HOSTILE_SHAPES as SHAPES } from '../test/properties/hostile.js';

const HEADER = 'Forum on Long Pages 2019\n\n12 Mar 2019\nGeneva, Switzerland\n\nEvent report/s:\nLena Fischer\n\n';
const TARGET_SECONDS = 2;

const size = Number(process.argv[2] ?? 1_000_000);
const knowledge = await loadKnowledge(PROJECT_ROOT);
console.log(`| shape | ${(size / 1e6).toFixed(1)} MB, seconds | vs ${TARGET_SECONDS} s target |\n|---|---|---|`);
for (const [name, piece] of Object.entries(SHAPES)) {
  const text = HEADER + piece.repeat(Math.ceil(size / piece.length)) + '.';
  const started = performance.now();
  extractReport({ id: 'shape', path: 'shape.txt', text, sha256: '' }, knowledge);
  const seconds = (performance.now() - started) / 1000;
  console.log(`| ${name} | ${seconds.toFixed(2)} | ${seconds <= TARGET_SECONDS ? 'PASS' : 'FAIL'} (${(seconds / TARGET_SECONDS).toFixed(2)}x) |`);
}
