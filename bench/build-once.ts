/**
 * One corpus build (the `peacegraph build` pipeline, with SHACL validation as by default, or
 * without as --no-validate) in its own process,
 * so its peak memory is its own; prints one JSON line. It runs the compiled code in dist/ (what
 * `npx peacegraph build` runs: worker threads start without compiling TypeScript), so bench/run.ts
 * compiles first. Run by bench/run.ts: npx tsx bench/build-once.ts CORPUS OUT JOBS EVIDENCE(1|0) VALIDATE(1|0)
 */
import type * as CorpusBuildModule from '../src/corpus/build.js';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';

const { buildCorpus } = (await import(new URL('../dist/corpus/build.js', import.meta.url).href)) as typeof CorpusBuildModule;
const [corpus, out, jobs, evidence, validate] = process.argv.slice(2) as [string, string, string, string, string];
const build = await buildCorpus([corpus], out, {
  base: DEFAULT_BASE, validate: validate !== '0', evidence: evidence === '1', jobs: Number(jobs), maxBytes: 64 * 1024 * 1024,
});
const committing = performance.now();
await build.commit();
const seconds = { ...build.seconds, wall: build.seconds.wall! + (performance.now() - committing) / 1000 };
console.log(JSON.stringify({
  reports: build.digests.length, failures: build.failures.length, triples: build.triples, seconds,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  pairs: build.digests.flatMap((digest) => digest.people.flatMap((person) => person.organisations.map((organisation) => `${person.name}->${organisation}`))),
}));
