/**
 * Starts a worker thread from a module beside the caller. Under tsx (tests, bench) the module is a
 * .ts file and Node 20 workers do not inherit tsx's loader, so a tiny bootstrap registers it first.
 */
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * `callerUrl` is the caller's import.meta.url; `name` the worker module's file name without
 * extension; `transferList` what `workerData` holds that moves to the worker (a MessagePort).
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown, resourceLimits: ResourceLimits = {},
  transferList: Transferable[] = []): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData, resourceLimits, transferList });
  const script = new URL(`./${name}.ts`, callerUrl).href;
  // The ESM build of tsx's API (require.resolve would find the CommonJS one).
  const tsxPackage = createRequire(callerUrl).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, transferList });
}
