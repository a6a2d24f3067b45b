/** The validation report as readable text: one block per finding, IRIs shortened with the graph's prefixes. */
import type { Term } from '@rdfjs/types';
import type { ValidationFinding, ValidationReport } from './validate.js';

export const SHAPES_NAMESPACE = 'https://w3id.org/peacegraph/shapes#';

/** Longest matching namespace wins, so "session:x" beats a shorter base-level prefix. */
export function shortener(prefixes: Readonly<Record<string, string>>): (iri: string) => string {
  const entries = Object.entries({ pgsh: SHAPES_NAMESPACE, ...prefixes }).sort(([, a], [, b]) => b.length - a.length);
  return (iri) => {
    for (const [prefix, namespace] of entries) {
      const local = iri.slice(namespace.length);
      if (iri.startsWith(namespace) && /^[\w.-]*$/u.test(local)) return `${prefix}:${local}`;
    }
    return `<${iri}>`;
  };
}

function formatTerm(term: Term, short: (iri: string) => string): string {
  if (term.termType === 'NamedNode') return short(term.value);
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const datatype = term.datatype.value.endsWith('#string') || term.language !== '' ? '' : `^^${short(term.datatype.value)}`;
    return `${JSON.stringify(term.value)}${term.language === '' ? '' : `@${term.language}`}${datatype}`;
  }
  return term.value;
}

function formatFinding(finding: ValidationFinding, short: (iri: string) => string): string {
  const path = finding.path === undefined ? '' : ` ${finding.path.inverse ? '^' : ''}${short(finding.path.predicate)}`;
  const value = finding.value === undefined ? '' : `\n    value: ${formatTerm(finding.value, short)}`;
  return (
    `${finding.severity.toUpperCase()} ${short(finding.shape)}: ${formatTerm(finding.focusNode, short)}${path}\n` +
    `    ${finding.message} (${short(finding.constraint)})${value}\n`
  );
}

export function formatReport(report: ValidationReport, prefixes: Readonly<Record<string, string>> = {}): string {
  const short = shortener(prefixes);
  const others = report.findings.length - report.violations;
  const head = report.conforms
    ? `conforms to the peacegraph shapes (0 violations, ${others} warning(s)/info(s))\n`
    : `${report.violations} violation(s) of the peacegraph shapes, ${others} warning(s)/info(s):\n`;
  return head + report.findings.map((finding) => formatFinding(finding, short)).join('');
}
