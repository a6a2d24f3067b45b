/** Files are never half written: write a temporary sibling, flush it, then rename over the target. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function writeTemporarySibling(path: string, data: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  return temporary;
}

/**
 * Writes several files so that either all new versions land or none does: every file goes to a
 * temporary sibling first; only when all are complete are they renamed into place.
 */
export async function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  // A target that cannot be replaced by a file would fail half-way through the renames: refuse first.
  for (const path of files.keys()) {
    if (await stat(path).then((info) => info.isDirectory(), () => false)) {
      throw new Error(`${path} is a folder: cannot write a file there (nothing was written)`);
    }
  }
  const staged: Array<[string, string]> = [];
  try {
    for (const [path, data] of files) staged.push([await writeTemporarySibling(path, data), path]);
    for (const [index, [temporary, path]] of staged.entries()) {
      await rename(temporary, path);
      staged[index] = ['', path];
    }
  } catch (error) {
    await Promise.all(staged.filter(([temporary]) => temporary !== '').map(([temporary]) => rm(temporary, { force: true })));
    throw error;
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic(new Map([[path, data]]));
}
