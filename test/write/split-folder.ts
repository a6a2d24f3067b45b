/** A folder holding graph.nt, its split and a manifest recording both, as a build writes them, for a text written by hand. */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GraphSplitter, SPLIT_FOLDER, splitIndexName } from '../../src/write/graph-split.js';
import { writeManifest } from '../../src/write/manifest.js';

const record = (bytes: Buffer) => ({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

/** `chunks`: how graph.nt's text reaches the splitter (a build appends it report by report). */
export async function splitFolder(text: string, chunks: ReadonlyArray<string | Uint8Array> = [text]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'peacegraph-split-'));
  const write = async (name: string, data: string | Uint8Array, add: boolean): Promise<void> => {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await (add ? appendFile : writeFile)(join(dir, name), data);
  };
  const splitter = new GraphSplitter('graph.nt', (name, data) => write(name, data, true), (name, data) => write(name, data, false));
  for (const chunk of chunks) await splitter.add(chunk);
  await splitter.close(record(Buffer.from(text)));
  await writeFile(join(dir, 'graph.nt'), text);
  const index = splitIndexName('graph.nt');
  const parts = (await readdir(join(dir, SPLIT_FOLDER, 'graph.nt'))).map((name) => `${SPLIT_FOLDER}/graph.nt/${name}`);
  await writeManifest(dir, ['graph.nt', ...parts], new Map([['graph.nt', record(Buffer.from(text))], [index, record(await readFile(join(dir, index)))]]));
  return dir;
}
