/** Printing what a build found and what it refused, shared by `build` and `stats`. */
import type { CliIo } from './context.js';
import type { BuildResult } from '../pipeline.js';
import { countFindings, formatCounts, formatPeople, listPeople } from '../summary/counts.js';
import { unionGraph } from '../write/serialise.js';
import { listBundledQueries } from '../query/bundled.js';
import { LocalEngine } from '../query/local.js';
import { runQuery } from '../query/run.js';
import { formatResult } from '../query/format.js';
import { rdfFormat } from '../query/rdf-files.js';
import { BUNDLED } from '../paths.js';

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

/** The bundled query `npm start` shows, answered over the files just written. */
export const SUMMARY_QUERY = 'who-moderated-what';

export async function printSummaryQuery(io: CliIo, graphFile: string): Promise<void> {
  const query = (await listBundledQueries(BUNDLED.queries)).find((candidate) => candidate.name === SUMMARY_QUERY);
  if (query === undefined) return;
  const engine = new LocalEngine([{ path: graphFile, format: rdfFormat(graphFile) }]);
  try {
    const { result } = await runQuery(query.text, { kind: 'local', engine });
    io.stdout(`\n${query.title} (peacegraph query ${query.name}):\n`);
    io.stdout(await formatResult(result, 'table', { prefixes: {}, context: {} }));
  } finally {
    await engine.close();
  }
}
