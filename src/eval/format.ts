/**
 * `eval` results for people (text: per page, per layout family, in total, ending with the line
 * score-set prints) and for programs (JSON: everything, rates unrounded).
 */
import type { Rates, Totals } from './metrics.js';
import type { EvalReport, PageEvaluation } from './run.js';

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function rateText(rates: Rates, digits: number): string {
  return `P ${fixed(rates.precision, digits)} R ${fixed(rates.recall, digits)} F1 ${fixed(rates.f1, digits)}`;
}

/** A page's rates, unless there was nothing to find and nothing was found. */
function pageRateText(rates: Rates, predicted: number, gold: number): string {
  return predicted === 0 && gold === 0 ? 'nothing to find' : rateText(rates, 2);
}

function listed(label: string, names: readonly string[]): string[] {
  return names.length === 0 ? [] : [`      ${label}: ${names.join('; ')}`];
}

function pageText(evaluation: PageEvaluation, verbose: boolean): string[] {
  const { score, rates } = evaluation;
  const date = score.startDate;
  const found = date.found.length > 0 ? date.found.join(', ') : 'none';
  const dateLine = date.gold === undefined
    ? `no gold date (found ${found})`
    : `${date.right ? 'right' : 'WRONG'}: gold ${date.gold}, found ${found}`;
  const lines = [
    `${evaluation.page}  [${evaluation.family}]  ${score.built ? 'built' : `NOT BUILT: ${evaluation.problem ?? ''}`}`,
    `  people      ${score.people.found}/${score.people.gold} found, ${score.people.predicted - score.people.found} extra${score.people.duplicates > 0 ? `, ${score.people.duplicates} duplicate(s)` : ''}  ${pageRateText(rates.people, score.people.predicted, score.people.gold)}`,
  ];
  if (verbose) lines.push(...listed('missed', score.people.missed), ...listed('extra', score.people.extra));
  lines.push(`  pairs       ${score.pairs.goldFound}/${score.pairs.gold} found, ${score.pairs.predicted - score.pairs.predictedRight} extra  ${pageRateText(rates.pairs, score.pairs.predicted, score.pairs.gold)}`);
  if (verbose) lines.push(...listed('missed', score.pairs.missed), ...listed('extra', score.pairs.extra));
  lines.push(`  moderators  ${score.moderators.found}/${score.moderators.gold} found, ${score.moderators.predicted - score.moderators.found} extra  ${pageRateText(rates.moderators, score.moderators.predicted, score.moderators.gold)}`);
  if (verbose) lines.push(...listed('missed', score.moderators.missed), ...listed('extra', score.moderators.extra));
  lines.push(`  start date  ${dateLine}`);
  return lines;
}

function totalsRow(label: string, totals: Totals): string {
  return [
    label.padEnd(18), `${totals.built}/${totals.pages}`.padStart(6),
    `${fixed(totals.people.precision, 3)} ${fixed(totals.people.recall, 3)} ${fixed(totals.people.f1, 3)}`,
    `${fixed(totals.pairs.precision, 3)} ${fixed(totals.pairs.recall, 3)} ${fixed(totals.pairs.f1, 3)}`,
    `${fixed(totals.moderators.precision, 3)} ${fixed(totals.moderators.recall, 3)} ${fixed(totals.moderators.f1, 3)}`,
    `${totals.startDates.right}/${totals.startDates.dated}`.padStart(6),
  ].join('  ');
}

/** The total line, worded and rounded as score-set prints it. */
export function scoreSetLine(total: Totals): string {
  return `${total.pages} pages: built ${total.built}, person F1 ${fixed(total.people.f1, 3)}, `
    + `person-organisation F1 ${fixed(total.pairs.f1, 3)}, moderator F1 ${fixed(total.moderators.f1, 3)}, `
    + `start dates right ${total.startDates.right}/${total.startDates.dated}`;
}

export function formatText(report: EvalReport, verbose: boolean): string {
  const lines = report.pages.flatMap((evaluation) => pageText(evaluation, verbose));
  lines.push(
    '',
    `${'layout family'.padEnd(18)}  ${'built'.padStart(6)}  ${'people P R F1'.padEnd(17)}  ${'pairs P R F1'.padEnd(17)}  ${'moderators P R F1'.padEnd(17)}  ${'dates'.padStart(6)}`,
    ...report.families.map((family) => totalsRow(family.family, family)),
    totalsRow('all pages', report.total),
    '',
    scoreSetLine(report.total),
  );
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: EvalReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
