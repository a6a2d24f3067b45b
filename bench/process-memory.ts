/** Memory of the bench's child processes (serve, raw Oxigraph), whose threads share their RSS. */
import { readFile } from 'node:fs/promises';

/** The peak resident memory (VmHWM) of process `pid` so far, in bytes. */
export async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}
