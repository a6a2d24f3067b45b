/**
 * One build of a corpus folder, timed stage by stage, in its own process so its peak memory is
 * its own: prints one JSON line. Run by bench/run.ts: npx tsx bench/build-stages.ts DIR OUT
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { ReportModel } from '../src/model/types.js';
import { loadInputs } from '../src/read/index.js';
import { loadKnowledge } from '../src/extract/knowledge.js';
import { extractReport } from '../src/extract/report.js';
import { mapReport } from '../src/rdf/map.js';
import { DEFAULT_BASE } from '../src/rdf/namespaces.js';
import { graphPrefixes } from '../src/write/prefixes.js';
import { toNTriples, toTurtle, unionGraph } from '../src/write/serialise.js';
import { loadContext, toJsonLd } from '../src/write/jsonld.js';
import { BUNDLED, PROJECT_ROOT } from '../src/paths.js';

const [corpus, out] = process.argv.slice(2) as [string, string];
const seconds: Record<string, number> = {};
async function stage<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  seconds[name] = (performance.now() - started) / 1000;
  return result;
}

const loaded = await stage('read', () => loadInputs([corpus], { maxBytes: 64 * 1024 * 1024 }));
const knowledge = await loadKnowledge(PROJECT_ROOT);
const models: ReportModel[] = await stage('extract', () => loaded.documents.map((document) => extractReport(document, knowledge)));
const quads: Quad[] = await stage('map', () => models.flatMap((model) => mapReport(model, { factory: DataFactory, base: DEFAULT_BASE })));
const triples = unionGraph(quads).length;
const prefixes = graphPrefixes(DEFAULT_BASE);
await stage('write Turtle', async () => writeFile(join(out, 'graph.ttl'), await toTurtle(quads, prefixes)));
await stage('write N-Triples', async () => writeFile(join(out, 'graph.nt'), await toNTriples(quads)));
const context = await loadContext(BUNDLED.context);
await stage('write JSON-LD', async () => writeFile(join(out, 'graph.jsonld'), await toJsonLd(quads, context)));

const found = new Set(models.flatMap((model) => model.people.flatMap((person) => {
  const names = new Map(model.organisations.map((organisation) => [organisation.key, organisation.name]));
  return person.affiliations.map((affiliation) => `${person.name}->${names.get(affiliation.organisationKey)}`);
})));
console.log(JSON.stringify({
  reports: loaded.documents.length, failures: loaded.failures.length, triples, seconds,
  maxRssMiB: process.resourceUsage().maxRSS / 1024, pairs: [...found],
}));
