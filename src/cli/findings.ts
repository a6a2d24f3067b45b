/** Printing what a build found and what it refused, shared by `build` and `stats`. */
import type { CliIo } from './context.js';
import type { BuildResult } from '../pipeline.js';
import { countFindings, formatCounts, formatPeople, listPeople, type ReportDigest } from '../summary/counts.js';
import { listBundledQueries } from '../query/bundled.js';
import { LocalEngine } from '../query/local.js';
import { runQuery } from '../query/run.js';
import { formatResult } from '../query/format.js';
import { rdfFormat } from '../query/rdf-files.js';
import { BUNDLED } from '../paths.js';

/** One line per refused input (always) and per warning (unless quiet), on stderr. */
export function printProblems(io: CliIo, result: Pick<BuildResult, 'warnings' | 'failures'>, quiet: boolean): void {
  const lines = [
    ...(quiet ? [] : result.warnings.map(({ path, problem }) => `peacegraph: warning: ${path}: ${problem}\n`)),
    ...result.failures.map(({ path, problem }) => `peacegraph: error: ${path}: ${problem}\n`),
  ];
  io.stderr(lines.join(''));
}

export function printFindings(io: CliIo, digests: readonly ReportDigest[], triples: number, withPeople: boolean): void {
  io.stdout(`${formatCounts(countFindings(digests, triples))}\n`);
  if (withPeople) io.stdout(`\nPeople:\n${formatPeople(listPeople(digests))}\n`);
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
