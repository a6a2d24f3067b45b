/** Test helper: a local engine over a Turtle graph written, as given, to a file of its own. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEngine } from '../../src/query/local.js';

export async function turtleEngine(turtle: string): Promise<LocalEngine> {
  const file = join(await mkdtemp(join(tmpdir(), 'peacegraph-turtle-')), 'graph.ttl');
  await writeFile(file, turtle);
  const engine = new LocalEngine({ triples: { path: file, format: 'text/turtle' } });
  await engine.ready();
  return engine;
}
