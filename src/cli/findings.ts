/** Printing what a build found and what it refused, shared by `build` and `stats`. */
import type { CliIo } from './context.js';
import type { BuildResult } from '../pipeline.js';
import { countFindings, formatCounts, formatPeople, listPeople, type ReportDigest } from '../summary/counts.js';
import { listBundledQueries } from '../query/bundled.js';
import { LocalEngine } from '../query/local.js';
import { runQuery } from '../query/run.js';
import { formatResult } from '../query/format.js';
import { formatTable } from '../query/table-text.js';
import { resolveGraphFiles } from '../query/rdf-files.js';
import { BUNDLED } from '../paths.js';

/** One line per refused input (always) and per warning (unless quiet), on stderr. */
export function printProblems(io: CliIo, result: Pick<BuildResult, 'warnings' | 'failures'>, quiet: boolean): void {
  const lines = [
    ...(quiet ? [] : result.warnings.map(({ path, problem }) => `peacegraph: warning: ${path}: ${problem}\n`)),
    ...result.failures.map(({ path, problem }) => `peacegraph: error: ${path}: ${problem}\n`),
  ];
  io.stderr(lines.join(''));
}

/** How a build ended, in one line: "3 reports built, 1 built with warnings, 1 refused". */
export function closingLine(result: { readonly digests: readonly unknown[]; readonly builtWithWarnings: number; readonly failures: readonly unknown[] }): string {
  const reports = result.digests.length === 1 ? 'report' : 'reports';
  return `${result.digests.length} ${reports} built, ${result.builtWithWarnings} built with warnings, ${result.failures.length} refused`;
}

export function printFindings(io: CliIo, digests: readonly ReportDigest[], triples: number, withPeople: boolean): void {
  io.stdout(`${formatCounts(countFindings(digests, triples))}\n`);
  if (withPeople) io.stdout(`\nPeople:\n${formatPeople(listPeople(digests))}\n`);
}

/** The bundled query `npm start` shows, answered over the files just written. */
export const SUMMARY_QUERY = 'who-moderated-what';
/** Larger graphs take more than a few seconds to load for a summary: the user is told how to ask. */
export const SUMMARY_MAX_TRIPLES = 500_000;
export const SUMMARY_MAX_ROWS = 20;

export async function printSummaryQuery(io: CliIo, graph: string, triples: number, dataDir: string): Promise<void> {
  const query = (await listBundledQueries(BUNDLED.queries)).find((candidate) => candidate.name === SUMMARY_QUERY);
  if (query === undefined) return;
  const ask = `npx peacegraph query ${query.name} --data ${dataDir}`;
  io.stdout(`\n${query.title} (peacegraph query ${query.name}):\n`);
  if (triples > SUMMARY_MAX_TRIPLES) {
    io.stdout(`(not shown for a graph of ${triples.toLocaleString('en')} triples: ask \`${ask}\`)\n`);
    return;
  }
  const engine = new LocalEngine(await resolveGraphFiles(graph));
  try {
    const { result } = await runQuery(query.text, { kind: 'local', engine });
    if (result.kind !== 'bindings' || result.rows.length <= SUMMARY_MAX_ROWS) {
      io.stdout(await formatResult(result, 'table', { prefixes: {}, context: {} }));
      return;
    }
    io.stdout(formatTable({ ...result, rows: result.rows.slice(0, SUMMARY_MAX_ROWS) }));
    io.stdout(`(the first ${SUMMARY_MAX_ROWS} of ${result.rows.length} rows: \`${ask}\` for all)\n`);
  } finally {
    await engine.close();
  }
}
