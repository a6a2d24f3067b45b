/**
 * One-shot `peacegraph query` on a built folder, as users run it (the compiled CLI in a child
 * process, load included), beside the same query after loading the whole graph.nt, in turns.
 * Prints one JSON line per query: wall and CPU seconds of each. Run by bench/run.ts, or alone:
 *   npx tsx bench/one-shot.ts OUT_DIR [query ...]
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OneShot {
  readonly wall: number;
  /** User + system CPU seconds of the process (its worker threads included). */
  readonly cpu: number;
}

/** `peacegraph query QUERY --data DIR ARGS` in a child process. */
export async function oneShotQuery(dir: string, query: string, args: readonly string[] = []): Promise<OneShot> {
  const { stderr } = await run('/usr/bin/time', ['-f', '%e %U %S', process.execPath, 'dist/cli/main.js', 'query', query, '--data', dir, ...args], { maxBuffer: 1 << 30 });
  const [wall, user, system] = stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wall, cpu: user + system };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...queries] = process.argv.slice(2) as [string, ...string[]];
  for (const query of queries) console.log(JSON.stringify({ query, ...await oneShotQuery(dir, query) }));
}
