/** Content negotiation for the SPARQL protocol: Accept header -> one of our output formats. */
import { MEDIA_TYPES, type OutputFormat } from '../query/format.js';

const ACCEPTED: ReadonlyArray<[string, OutputFormat]> = [
  ['application/sparql-results+json', 'json'],
  ['application/json', 'json'],
  ['application/sparql-results+xml', 'xml'],
  ['application/xml', 'xml'],
  ['text/csv', 'csv'],
  ['text/tab-separated-values', 'tsv'],
  ['text/plain', 'table'],
  ['text/turtle', 'turtle'],
  ['application/n-triples', 'ntriples'],
  ['application/ld+json', 'jsonld'],
];

const GRAPH_FORMATS = new Set<OutputFormat>(['turtle', 'ntriples', 'jsonld']);

/** The client's most preferred format that fits the result (table or graph), else the default. */
export function negotiate(accept: string | undefined, isGraph: boolean): OutputFormat {
  const preferences = (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = Number(parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='))?.slice(2) ?? 1);
      return { type: type.trim(), q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((preference) => preference.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of preferences) {
    const match = ACCEPTED.find(([mediaType, format]) => mediaType === type && GRAPH_FORMATS.has(format) === isGraph);
    if (match) return match[1];
  }
  return isGraph ? 'turtle' : 'json';
}

export function mediaType(format: OutputFormat): string {
  return MEDIA_TYPES[format];
}
