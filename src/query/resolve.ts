/** What the user named as a query: a .rq file, a bundled query's name, or the query text itself. */
import { readFile, stat } from 'node:fs/promises';
import { listBundledQueries, type BundledQuery } from './bundled.js';

export interface ResolvedQuery {
  readonly text: string;
  /** Set for bundled queries: their parameter declarations type --param values. */
  readonly bundled?: BundledQuery;
}

export async function resolveQuery(query: string, bundledFolder: string): Promise<ResolvedQuery> {
  if (/\.(rq|sparql)$/i.test(query) && !/\s/.test(query)) {
    const isFile = await stat(query).then((info) => info.isFile(), () => false);
    if (!isFile) throw new Error(`${query}: no such query file`);
    return { text: await readFile(query, 'utf8') };
  }
  if (/^[a-z0-9-]+$/i.test(query)) {
    const bundled = (await listBundledQueries(bundledFolder)).find((candidate) => candidate.name === query);
    if (bundled === undefined) throw new Error(`no bundled query named ${query} (see: peacegraph queries)`);
    return { text: bundled.text, bundled };
  }
  return { text: query };
}
