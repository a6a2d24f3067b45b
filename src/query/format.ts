/** Query results as text: an aligned table for people, CSV/TSV/JSON/XML for tools, RDF for graphs. */
import type { QueryResult } from './result.js';
import { resultsJsonText, tableAnswer } from './results-json.js';
import { booleanXml, isTableFormat, tableText } from './table-text.js';
import { toJsonLd, type JsonLdContext } from '../rdf-io/jsonld.js';
import { turtleDocument } from '../rdf-io/syntax.js';
import { nTriplesText } from './engine-graph.js';

export const RESULT_FORMATS = ['table', 'csv', 'tsv', 'json', 'xml'] as const;
export const GRAPH_FORMATS = ['turtle', 'ntriples', 'jsonld'] as const;
export type OutputFormat = (typeof RESULT_FORMATS)[number] | (typeof GRAPH_FORMATS)[number];

export const MEDIA_TYPES: Readonly<Record<OutputFormat, string>> = {
  table: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  jsonld: 'application/ld+json',
};

export interface FormatOptions {
  readonly prefixes: Record<string, string>;
  readonly context: JsonLdContext;
}

export async function formatResult(result: QueryResult, format: OutputFormat, options: FormatOptions): Promise<string> {
  if (result.kind === 'quads') {
    switch (format) {
      case 'ntriples': return nTriplesText(result);
      case 'jsonld': return toJsonLd(result.quads, options.context);
      // In the order the engine gave the triples.
      case 'turtle': case 'table': return turtleDocument(result.quads, options.prefixes, false);
      default: throw new Error(`a CONSTRUCT/DESCRIBE result is a graph: --format turtle, ntriples or jsonld, not ${format}`);
    }
  }
  if (format === 'json') return `${resultsJsonText(result)}\n`;
  if (result.kind === 'boolean') {
    if (format === 'xml') return booleanXml(result.value);
    return format === 'table' ? `${result.value ? 'yes' : 'no'}\n` : `${result.value}\n`;
  }
  if (!isTableFormat(format)) throw new Error(`a SELECT result is a table: --format table, csv, tsv, json or xml, not ${format}`);
  return tableText(tableAnswer(result), format);
}
