/**
 * One page built alone, as a user's plain `peacegraph build PAGE --out DIR` builds it: the
 * project's corpus build with the CLI's default options (SHACL validation included), written to a
 * folder; what `eval` scores is the graph.ttl written there.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { factory } from '../rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import { buildCorpus } from '../corpus/build.js';
import { BUILD_DEFAULTS, type BuildSettings } from '../corpus/defaults.js';

export type PageBuild = { readonly built: true } | PageRefused;
export interface PageRefused {
  readonly built: false;
  /** Why nothing was written. */
  readonly problem: string;
}

/** Builds `path` into `outDir` (written only when the page is built, as `build` does). */
export async function buildPageInto(path: string, outDir: string, settings: BuildSettings = BUILD_DEFAULTS): Promise<PageBuild> {
  const { maxSizeMiB, ...options } = settings;
  const result = await buildCorpus([path], outDir, { ...options, maxBytes: maxSizeMiB * 1024 * 1024 });
  if (result.digests.length === 0) {
    await result.abort();
    return { built: false, problem: result.failures.map((failure) => failure.problem).join('; ') || 'nothing built' };
  }
  await result.commit();
  return { built: true };
}

/** The graph.ttl a build wrote into `outDir`. */
export async function readBuiltGraph(outDir: string): Promise<Quad[]> {
  const path = join(outDir, 'graph.ttl');
  return new Parser({ format: 'Turtle', baseIRI: `file://${path}`, factory }).parse(await readFile(path, 'utf8'));
}

/** Builds `path` alone in a temporary folder and returns the quads of its graph.ttl. */
export async function buildPage(path: string): Promise<{ readonly built: true; readonly quads: Quad[] } | PageRefused> {
  const outDir = await mkdtemp(join(tmpdir(), 'peacegraph-eval-'));
  try {
    const build = await buildPageInto(path, outDir);
    return build.built ? { built: true, quads: await readBuiltGraph(outDir) } : build;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
