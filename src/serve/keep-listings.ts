/**
 * The bundled listings computed once the graph is loaded, in the background, one at a time: their
 * answers are kept for paging (src/query/kept-answers.ts), so that even the first request for one
 * of their pages is a slice. Ordered SELECTs only (the others page with LIMIT, which stops early);
 * a listing that fails or is stopped is left to be computed when asked for.
 */
import { listBundledQueries } from '../query/bundled.js';
import type { LocalEngine } from '../query/local.js';
import { parseQuery } from '../query/sparql.js';
import { BUNDLED } from '../paths.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';

/** Resolves with how many listings were answered (and so are kept, unless larger than the rows kept). */
export async function keepBundledListings(engine: LocalEngine, timeoutMs: number): Promise<number> {
  const listings = (await listBundledQueries(BUNDLED.queries)).filter((query) => {
    const parsed = parseQuery(query.text);
    return parsed.form === 'SELECT' && parsed.ordered;
  });
  let answered = 0;
  for (const query of listings) {
    answered += await engine.query({ text: query.text, page: { offset: 0, size: DEFAULT_PAGE_SIZE }, timeoutMs }).then(() => 1, () => 0);
  }
  return answered;
}
