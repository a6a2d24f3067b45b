/**
 * Precision, recall and F1 from a page's counts, and totals over pages (per layout family and in
 * all). Pages follow score.py (nothing predicted: precision 0; nothing in the gold: recall 1;
 * duplicates lower person precision); totals follow score-set (counts summed over pages, an empty
 * denominator counted as 1, person precision over distinct names), so `eval`'s total line is the
 * one score-set prints.
 */
import type { PageScore } from './score.js';

export interface Rates {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function rates(precision: number, recall: number): Rates {
  return { precision, recall, f1: f1(precision, recall) };
}

/** score.py's per-page convention. */
function pageRates(rightPredicted: number, predicted: number, foundGold: number, gold: number): Rates {
  return rates(predicted > 0 ? rightPredicted / predicted : 0, gold > 0 ? foundGold / gold : 1);
}

/** score-set's convention for summed counts. */
function totalRates(rightPredicted: number, predicted: number, foundGold: number, gold: number): Rates {
  return rates(rightPredicted / (predicted || 1), foundGold / (gold || 1));
}

export interface PageRates {
  readonly people: Rates;
  readonly pairs: Rates;
  readonly moderators: Rates;
  readonly startDate: Rates;
}

function dateCounts(score: PageScore): { right: number; found: number; gold: number } {
  const gold = score.startDate.gold === undefined ? 0 : 1;
  const right = gold === 1 && score.startDate.found.includes(score.startDate.gold!) ? 1 : 0;
  return { right, found: score.startDate.found.length, gold };
}

export function pageRatesOf(score: PageScore): PageRates {
  const { people, pairs, moderators } = score;
  const date = dateCounts(score);
  return {
    people: pageRates(people.found, people.predicted + people.duplicates, people.found, people.gold),
    pairs: pageRates(pairs.predictedRight, pairs.predicted, pairs.goldFound, pairs.gold),
    moderators: pageRates(moderators.found, moderators.predicted, moderators.found, moderators.gold),
    startDate: pageRates(date.right, date.found, date.right, date.gold),
  };
}

export interface Totals {
  readonly pages: number;
  readonly built: number;
  readonly people: Rates & { readonly found: number; readonly predicted: number; readonly gold: number };
  readonly pairs: Rates & { readonly predictedRight: number; readonly predicted: number; readonly goldFound: number; readonly gold: number };
  readonly moderators: Rates & { readonly found: number; readonly predicted: number; readonly gold: number };
  /** Pages whose gold has a start date, and those of them whose date is right; P/R/F1 over all days found. */
  readonly startDates: Rates & { readonly right: number; readonly dated: number; readonly rightShare: number };
}

export function totalsOf(scores: readonly PageScore[]): Totals {
  const sum = (count: (score: PageScore) => number): number => scores.reduce((total, score) => total + count(score), 0);
  const people = { found: sum((s) => s.people.found), predicted: sum((s) => s.people.predicted), gold: sum((s) => s.people.gold) };
  const pairs = {
    predictedRight: sum((s) => s.pairs.predictedRight), predicted: sum((s) => s.pairs.predicted),
    goldFound: sum((s) => s.pairs.goldFound), gold: sum((s) => s.pairs.gold),
  };
  const moderators = { found: sum((s) => s.moderators.found), predicted: sum((s) => s.moderators.predicted), gold: sum((s) => s.moderators.gold) };
  const dated = scores.filter((score) => score.startDate.gold !== undefined);
  const right = dated.filter((score) => score.startDate.right).length;
  const days = { right: sum((s) => dateCounts(s).right), found: sum((s) => dateCounts(s).found) };
  return {
    pages: scores.length,
    built: scores.filter((score) => score.built).length,
    people: { ...people, ...totalRates(people.found, people.predicted, people.found, people.gold) },
    pairs: { ...pairs, ...totalRates(pairs.predictedRight, pairs.predicted, pairs.goldFound, pairs.gold) },
    moderators: { ...moderators, ...totalRates(moderators.found, moderators.predicted, moderators.found, moderators.gold) },
    startDates: { right, dated: dated.length, rightShare: right / (dated.length || 1), ...totalRates(days.right, days.found, days.right, dated.length) },
  };
}
