/** Builds for the bench: one `peacegraph build` per child process (bench/build-once.ts), so that its peak memory is its own. */
import { execFile } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface BuildMeasure {
  readonly reports: number;
  /** Facts triples (graph.nt). */
  readonly triples: number;
  /** Evidence triples (evidence.nt), 0 for a facts-only build. */
  readonly evidenceTriples: number;
  /** Thread-seconds per stage, and `wall`: the build from start to renamed files. */
  readonly seconds: Readonly<Record<string, number>>;
  readonly maxRssMiB: number;
  readonly pairs: readonly string[];
}

export type GraphKind = 'evidence' | 'facts';
export const GRAPH_LABEL: Readonly<Record<GraphKind, string>> = { evidence: 'with evidence (default)', facts: 'facts only (--no-evidence)' };

export /** A build of `corpus` into `out`: JOBS 0 leaves the threads to peacegraph; validated unless `validate` is false (--no-validate). */
async function buildOnce(corpus: string, out: string, jobs: number, kind: GraphKind, validate = true): Promise<BuildMeasure> {
  await rm(out, { recursive: true, force: true });
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'bench/build-once.ts', corpus, out, String(jobs), kind === 'evidence' ? '1' : '0', validate ? '1' : '0'], { maxBuffer: 1 << 30 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as BuildMeasure;
}

export /** Bytes of each file the build wrote into `dir` (graph files and pages, whatever their names). */
async function outputFileSizes(dir: string): Promise<Map<string, number>> {
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(join(dir, name))).size] as const)));
}
