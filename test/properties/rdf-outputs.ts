/**
 * Checks shared by the property tests: the graph files a build writes are parsed back by N3, by
 * the jsonld library and by an independent parser (raptor's rapper), and must all hold the same graph.
 */
import { spawnSync } from 'node:child_process';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { offlineDocumentLoader } from '../../src/rdf-io/jsonld.js';

const offline = { documentLoader: async (url: string) => offlineDocumentLoader(url) };

export function parseWithN3(text: string, format: 'Turtle' | 'N-Triples' | 'TriG'): Quad[] {
  return new Parser({ format }).parse(text);
}

export async function parseJsonLd(text: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text) as JsonLdDocument, { format: 'application/n-quads', ...offline })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

const RAPPER_AVAILABLE = spawnSync('rapper', ['--version']).status === 0;
const RAPPER_MISSING = 'rapper is not installed (apt-get install raptor2-utils)';

/**
 * For a test that checks text with rapper: without rapper it is skipped, with the reason in its
 * title, so the run shows it as pending rather than passed; under CI, which installs rapper, it fails.
 */
export function requireRapper(context: Mocha.Context): void {
  if (RAPPER_AVAILABLE) return;
  if (process.env.CI) throw new Error(RAPPER_MISSING);
  if (context.test !== undefined) context.test.title += ` (skipped: ${RAPPER_MISSING})`;
  context.skip();
}

/** rapper's verdict: undefined when it accepts the text, else its complaint. Call requireRapper first. */
export function rapperRejects(text: string, syntax: 'turtle' | 'ntriples' | 'trig'): string | undefined {
  const run = spawnSync('rapper', ['-q', '-i', syntax, '-c', '-', 'https://example.org/base'], { input: text, encoding: 'utf8' });
  return run.status === 0 ? undefined : `rapper -i ${syntax} exited ${String(run.status)}: ${run.stderr.trim().slice(0, 500)}`;
}
