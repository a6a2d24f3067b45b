/** An answer in the negotiated format: the query formats, plus N-Quads and RDF/XML for graphs. */
import { formatResult, type FormatOptions } from '../query/format.js';
import type { QueryResult } from '../query/result.js';
import { lineText, TermEncoder } from '../rdf-io/syntax.js';
import { toRdfXml } from '../rdf-io/rdfxml.js';
import type { ServedFormat } from './negotiate.js';

export async function serialize(result: QueryResult, format: ServedFormat, options: FormatOptions): Promise<string> {
  if (format === 'nquads' || format === 'rdfxml') {
    if (result.kind !== 'quads') throw new Error(`${format} is a graph format; this answer is a table`);
    return format === 'nquads' ? lineText(result.quads, new TermEncoder(), true) : toRdfXml(result.quads, options.prefixes);
  }
  return formatResult(result, format, options);
}
