/**
 * One corpus build (the `peacegraph build` pipeline, with SHACL validation as by default, or
 * without as --no-validate) in its own process,
 * so its peak memory is its own; prints one JSON line. It runs the compiled code in dist/ (what
 * `npx peacegraph build` runs: worker threads start without compiling TypeScript), so bench/run.ts
 * compiles first. Run by bench/run.ts: npx tsx bench/build-once.ts CORPUS OUT JOBS EVIDENCE(1|0) VALIDATE(1|0)
 */
import type * as CorpusBuildModule from '../src/corpus/build.js';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';

/** Lines of a file (of evidence.nt: its triples), counted as it streams by. */
async function lineCount(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines += 1;
  }
  return lines;
}

const { buildCorpus } = (await import(new URL('../dist/corpus/build.js', import.meta.url).href)) as typeof CorpusBuildModule;
const [corpus, out, jobs, evidence, validate] = process.argv.slice(2) as [string, string, string, string, string];
const build = await buildCorpus([corpus], out, {
  base: DEFAULT_BASE, validate: validate !== '0', evidence: evidence === '1', jobs: Number(jobs), maxBytes: 64 * 1024 * 1024,
});
const committing = performance.now();
await build.commit();
const seconds = { ...build.seconds, wall: build.seconds.wall! + (performance.now() - committing) / 1000 };
// The build writes the evidence apart from the facts (evidence.nt): counted after the clock stops.
const evidenceTriples = evidence === '1' ? await lineCount(join(out, 'evidence.nt')) : 0;
console.log(JSON.stringify({
  reports: build.digests.length, failures: build.failures.length, triples: build.triples, evidenceTriples, seconds,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  pairs: build.digests.flatMap((digest) => digest.people.flatMap((person) => person.organisations.map((organisation) => `${person.name}->${organisation}`))),
}));
