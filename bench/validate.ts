/**
 * SHACL validation time (what `build` adds before writing) on a synthetic graph of about TRIPLES
 * triples (default 100k). Run: npx tsx bench/validate.ts [TRIPLES]
 */
import { validateQuads } from '../src/validate/validate.js';
import { unionGraph } from '../src/rdf-io/serialise.js';
import { syntheticQuads, time } from './synthetic.js';

const quads = syntheticQuads(Number(process.argv[2] ?? 100_000));
console.log(`${unionGraph(quads).length} triples`);
const report = await time('validateQuads', () => validateQuads(quads));
console.log(`${report.violations} violation(s), ${report.findings.length} finding(s)`);
