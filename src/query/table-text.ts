/**
 * A table answer (SELECT) as text: an aligned table for people, CSV, TSV and SPARQL results XML
 * for tools. The writers read terms as TermLike, so an answer that is only printed need not be
 * made into RDF/JS terms: rows of results JSON are read into plain objects (plainRows), about a
 * third of the cost. This module imports no RDF library, so a query worker can write the text
 * where the rows are.
 */
import { termText, type TermLike } from './result.js';
import type { JsonBinding, JsonTerm } from './results-json.js';

export type PlainRow = Readonly<Record<string, TermLike>>;

export interface TableAnswer {
  readonly variables: readonly string[];
  readonly rows: readonly PlainRow[];
}

export const TABLE_FORMATS = ['table', 'csv', 'tsv', 'xml'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export function isTableFormat(format: string): format is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(format);
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function plainTerm(term: JsonTerm): TermLike {
  switch (term.type) {
    case 'uri': return { termType: 'NamedNode', value: term.value };
    case 'bnode': return { termType: 'BlankNode', value: term.value };
    case 'triple': {
      const { subject, predicate, object } = term.value;
      return { termType: 'Quad', value: '', subject: plainTerm(subject), predicate: plainTerm(predicate), object: plainTerm(object) };
    }
    default: {
      const language = term['xml:lang'] ?? '';
      return { termType: 'Literal', value: term.value, language, datatype: { value: language ? RDF_LANG_STRING : term.datatype ?? XSD_STRING } };
    }
  }
}

/** Rows of results JSON as rows of plain terms. */
export function plainRows(rows: readonly JsonBinding[]): PlainRow[] {
  return rows.map((row) => {
    const plain: Record<string, TermLike> = {};
    for (const name in row) plain[name] = plainTerm(row[name]!);
    return plain;
  });
}

/** Plain, human form of a term for tables and CSV: IRIs and literal values without syntax. */
function plain(term: TermLike | undefined): string {
  return term === undefined ? '' : term.value;
}

/** An aligned text table with a row count, for people reading a terminal (and `npm start`'s summary). */
export function formatTable(answer: TableAnswer): string {
  const header = [...answer.variables];
  const cells = answer.rows.map((row) => header.map((variable) => plain(row[variable]).replace(/\s+/g, ' ')));
  const widths = header.map((name, column) => Math.max(name.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) => values.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const count = `(${answer.rows.length} row${answer.rows.length === 1 ? '' : 's'})`;
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
function tsvTerm(term: TermLike): string {
  const text = termText(term);
  // A leading tab or carriage return is already written as \t or \r, which runs nothing.
  if (term.termType !== 'Literal' || !/^[=+\-@]/.test(term.value) || !isFormulaLike(term.value)) return text;
  const code = term.value.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  // termText writes the literal as a JSON string: its first character follows the opening quote.
  return `"\\u${code}${text.slice(2)}`;
}

function csv(answer: TableAnswer): string {
  const lines = [answer.variables.join(','), ...answer.rows.map((row) =>
    answer.variables.map((variable) => csvField(plain(row[variable]))).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** SPARQL 1.1 TSV: terms in Turtle syntax. */
function tsv(answer: TableAnswer): string {
  const lines = [answer.variables.map((variable) => `?${variable}`).join('\t'), ...answer.rows.map((row) =>
    answer.variables.map((variable) => (row[variable] ? tsvTerm(row[variable]!) : '')).join('\t'))];
  return lines.join('\n') + '\n';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlTerm(term: TermLike): string {
  switch (term.termType) {
    case 'NamedNode': return `<uri>${escapeXml(term.value)}</uri>`;
    case 'BlankNode': return `<bnode>${escapeXml(term.value)}</bnode>`;
    case 'Literal': {
      const attributes = term.language
        ? ` xml:lang="${escapeXml(term.language)}"`
        : term.datatype.value === XSD_STRING ? '' : ` datatype="${escapeXml(term.datatype.value)}"`;
      return `<literal${attributes}>${escapeXml(term.value)}</literal>`;
    }
    default: return '';
  }
}

const XML_OPEN = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';

/** An ASK answer as SPARQL results XML. */
export function booleanXml(value: boolean): string {
  return `${XML_OPEN}  <head/>\n  <boolean>${value}</boolean>\n</sparql>\n`;
}

function xml(answer: TableAnswer): string {
  const head = answer.variables.map((variable) => `    <variable name="${escapeXml(variable)}"/>`).join('\n');
  const rows = answer.rows.map((row) => {
    const bindings = Object.entries(row).map(([name, term]) => `      <binding name="${escapeXml(name)}">${xmlTerm(term)}</binding>`);
    return `    <result>\n${bindings.join('\n')}\n    </result>`;
  });
  return `${XML_OPEN}  <head>\n${head}\n  </head>\n  <results>\n${rows.join('\n')}${rows.length ? '\n' : ''}  </results>\n</sparql>\n`;
}

export function tableText(answer: TableAnswer, format: TableFormat): string {
  switch (format) {
    case 'table': return formatTable(answer);
    case 'csv': return csv(answer);
    case 'tsv': return tsv(answer);
    case 'xml': return xml(answer);
  }
}
