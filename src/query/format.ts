/** Query results as text: an aligned table for people, CSV/TSV/JSON/XML for tools, RDF for graphs. */
import type { Term } from '@rdfjs/types';
import type { QueryResult, Row } from './result.js';
import { termText } from './result.js';
import { resultsJsonText } from './results-json.js';
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

/** Plain, human form of a term for tables and CSV: IRIs and literal values without syntax. */
function plain(term: Term | undefined): string {
  return term === undefined ? '' : term.value;
}

/** An aligned text table with a row count, for people reading a terminal (and `npm start`'s summary). */
export function formatTable(result: Extract<QueryResult, { kind: 'bindings' }>): string {
  const header = [...result.variables];
  const cells = result.rows.map((row) => header.map((variable) => plain(row[variable]).replace(/\s+/g, ' ')));
  const widths = header.map((name, column) => Math.max(name.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) => values.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const count = `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`;
  return [line(header), rule, ...cells.map(line), count].join('\n') + '\n';
}

/**
 * A cell a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage
 * return (OWASP, CSV injection). A plain number such as -3 or +1.5 is left alone: it runs nothing.
 */
export function isFormulaLike(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value);
}

/** A CSV field; a formula-like value gets a leading ' (OWASP), so a spreadsheet shows it as text. */
function csvField(value: string): string {
  const safe = isFormulaLike(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A TSV term in Turtle syntax. A spreadsheet strips the quotes of "=..." and runs the rest, so a
 * formula-like literal has its first character written as a \u escape: SPARQL TSV readers decode
 * it to the same value, a spreadsheet shows the escape as text.
 */
function tsvTerm(term: Term): string {
  const text = termText(term);
  // A leading tab or carriage return is already written as \t or \r, which runs nothing.
  if (term.termType !== 'Literal' || !/^[=+\-@]/.test(term.value) || !isFormulaLike(term.value)) return text;
  const code = term.value.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  // termText writes the literal as a JSON string: its first character follows the opening quote.
  return `"\\u${code}${text.slice(2)}`;
}

function csv(result: Extract<QueryResult, { kind: 'bindings' }>): string {
  const lines = [result.variables.join(','), ...result.rows.map((row: Row) =>
    result.variables.map((variable) => csvField(plain(row[variable]))).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** SPARQL 1.1 TSV: terms in Turtle syntax. */
function tsv(result: Extract<QueryResult, { kind: 'bindings' }>): string {
  const lines = [result.variables.map((variable) => `?${variable}`).join('\t'), ...result.rows.map((row: Row) =>
    result.variables.map((variable) => (row[variable] ? tsvTerm(row[variable]!) : '')).join('\t'))];
  return lines.join('\n') + '\n';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlTerm(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return `<uri>${escapeXml(term.value)}</uri>`;
    case 'BlankNode': return `<bnode>${escapeXml(term.value)}</bnode>`;
    case 'Literal': {
      const attributes = term.language
        ? ` xml:lang="${escapeXml(term.language)}"`
        : term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string' ? '' : ` datatype="${escapeXml(term.datatype.value)}"`;
      return `<literal${attributes}>${escapeXml(term.value)}</literal>`;
    }
    default: return '';
  }
}

function xml(result: QueryResult): string {
  const open = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';
  if (result.kind === 'boolean') return `${open}  <head/>\n  <boolean>${result.value}</boolean>\n</sparql>\n`;
  if (result.kind === 'quads') throw new Error('CONSTRUCT/DESCRIBE results are graphs: use turtle, ntriples or jsonld');
  const head = result.variables.map((variable) => `    <variable name="${escapeXml(variable)}"/>`).join('\n');
  const rows = result.rows.map((row) => {
    const bindings = Object.entries(row).map(([name, term]) => `      <binding name="${escapeXml(name)}">${xmlTerm(term)}</binding>`);
    return `    <result>\n${bindings.join('\n')}\n    </result>`;
  });
  return `${open}  <head>\n${head}\n  </head>\n  <results>\n${rows.join('\n')}${rows.length ? '\n' : ''}  </results>\n</sparql>\n`;
}

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
  if (format === 'xml') return xml(result);
  if (result.kind === 'boolean') return format === 'table' ? `${result.value ? 'yes' : 'no'}\n` : `${result.value}\n`;
  switch (format) {
    case 'csv': return csv(result);
    case 'tsv': return tsv(result);
    case 'table': return formatTable(result);
    default: throw new Error(`a SELECT result is a table: --format table, csv, tsv, json or xml, not ${format}`);
  }
}
