/**
 * The throw-away Virtuoso of CI: .ci/run starts it (Debian's virtuoso-opensource-7-bin) and names
 * its env file in PEACEGRAPH_VIRTUOSO_ENV. Shared by the tests that compare answers with it.
 */
import { readFileSync, existsSync } from 'node:fs';

export interface VirtuosoEnv {
  readonly http: string;
  readonly user: string;
  readonly password: string;
}

export function virtuosoEnv(): VirtuosoEnv | undefined {
  const file = process.env.PEACEGRAPH_VIRTUOSO_ENV;
  if (file === undefined || !existsSync(file)) return undefined;
  const values = Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { http: values.VIRTUOSO_HTTP!, user: values.VIRTUOSO_USER!, password: values.VIRTUOSO_PASSWORD! };
}

/**
 * What Virtuoso 7 legitimately changes in an answer: it stores language tags in lower case ("@EN"
 * comes back "@en"), and GROUP_CONCAT has no defined order in SPARQL. CONSTRUCT results are sets.
 */
export function normalise(lines: readonly string[]): string[] {
  return [...new Set(lines.map((line) => line
    .replace(/"@([A-Za-z-]+)/g, (_whole, tag: string) => `"@${tag.toLowerCase()}`)
    .replace(/"([^"\t]* \| [^"\t]*)"/g, (_whole, list: string) => `"${list.split(' | ').sort().join(' | ')}"`)))].sort();
}
