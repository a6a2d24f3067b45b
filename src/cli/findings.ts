/** Printing what a build found and what it refused, shared by `build` and `stats`. */
import type { CliIo } from './context.js';
import type { BuildResult } from '../pipeline.js';
import { countFindings, formatCounts, formatPeople, listPeople } from '../summary/counts.js';
import { unionGraph } from '../write/serialise.js';

/** One line per refused input (always) and per warning (unless quiet), on stderr. */
export function printProblems(io: CliIo, result: BuildResult, quiet: boolean): void {
  const lines = [
    ...(quiet ? [] : result.warnings.map(({ path, problem }) => `peacegraph: warning: ${path}: ${problem}\n`)),
    ...result.failures.map(({ path, problem }) => `peacegraph: error: ${path}: ${problem}\n`),
  ];
  io.stderr(lines.join(''));
}

export function printFindings(io: CliIo, result: BuildResult, withPeople: boolean): void {
  io.stdout(`${formatCounts(countFindings(result.models, unionGraph(result.quads).length))}\n`);
  if (withPeople) io.stdout(`\nPeople:\n${formatPeople(listPeople(result.models))}\n`);
}
