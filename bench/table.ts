/**
 * The cells of the bench's query tables, and the marks against the issue's targets: pure, so that
 * tests check them against hand-made rows. An engine absent from a row's timings was not run (its
 * column is skipped); present but undefined, its run was stopped.
 */
import type { Timing } from './engines.js';
import { ms } from './format.js';

export const TARGETS = {
  /** A query bound to one value (one event, person, organisation or theme), warm. */
  boundSeconds: 0.1,
  /** Every bundled query, or its first page, warm. */
  warmSeconds: 1,
  /** Against the best of raw Oxigraph and Virtuoso, warm. */
  ratio: 1.5,
  /** A one-shot `peacegraph query`, load included. */
  oneShotSeconds: 10,
} as const;

export type Timings = ReadonlyMap<string, Timing | undefined>;

/** The first or warm run of `engine`, 'stopped', or 'skipped' when it did not run. */
export function timeCell(timings: Timings, engine: string, run: 'first' | 'warm'): string {
  if (!timings.has(engine)) return 'skipped';
  const timing = timings.get(engine);
  return timing === undefined ? 'stopped' : ms(timing[run]);
}

/** The lowest warm time among `references` that answered, or undefined when none did. */
export function bestWarm(timings: Timings, references: readonly string[]): number | undefined {
  const warm = references.flatMap((engine) => {
    const timing = timings.get(engine);
    return timing === undefined ? [] : [timing.warm];
  });
  return warm.length === 0 ? undefined : Math.min(...warm);
}

/** `ours` warm over the best of `references`, or undefined when either did not answer. */
export function ratioToBest(timings: Timings, ours: string, references: readonly string[]): number | undefined {
  const [mine, best] = [timings.get(ours), bestWarm(timings, references)];
  return mine === undefined || best === undefined ? undefined : mine.warm / best;
}

/**
 * The rows of `ours`' answer; where one of `others` answered with another number of rows, those
 * follow, e.g. '1,733 (Virtuoso 1,700)': the engines answer the same query on the same graph.
 */
export function rowsCell(timings: Timings, ours: string, others: readonly string[]): string {
  const mine = timings.get(ours);
  if (mine === undefined) return '';
  const differing = others.flatMap((engine) => {
    const timing = timings.get(engine);
    return timing === undefined || timing.rows === mine.rows ? [] : [`${engine} ${timing.rows.toLocaleString('en')}`];
  });
  return `${mine.rows.toLocaleString('en')}${differing.length === 0 ? '' : ` (${differing.join(', ')})`}`;
}

export interface Measured {
  /** Warm seconds of `peacegraph serve`, or undefined when stopped. */
  readonly warm: number | undefined;
  /** Warm seconds of its first page, where serve pages the query's answer. */
  readonly firstPage?: number;
  /** Whether the query is bound to one value. */
  readonly bound: boolean;
  /** Warm over the best of raw Oxigraph and Virtuoso, when one answered. */
  readonly ratio: number | undefined;
  /** A one-shot `peacegraph query`'s wall seconds, when run. */
  readonly oneShot?: number;
}

/** The targets a measured query misses, each saying by how much; empty when it meets them all. */
export function misses({ warm, firstPage, bound, ratio, oneShot }: Measured): string[] {
  // The time targets hold for the whole answer or its first page, whichever a user gets first.
  const answered = Math.min(warm ?? Infinity, firstPage ?? Infinity);
  if (answered === Infinity) return ['stopped'];
  const limit = bound ? TARGETS.boundSeconds : TARGETS.warmSeconds;
  return [
    ...(answered > limit ? [`${ms(answered)} > ${ms(limit)}`] : []),
    ...(ratio !== undefined && ratio > TARGETS.ratio ? [`${ratio.toFixed(2)}x > ${TARGETS.ratio}x`] : []),
    ...(oneShot !== undefined && oneShot > TARGETS.oneShotSeconds ? [`one-shot ${ms(oneShot)} > ${ms(TARGETS.oneShotSeconds)}`] : []),
  ];
}

/** 'ok', or the targets missed. */
export function marks(missed: readonly string[]): string {
  return missed.length === 0 ? 'ok' : `**${missed.join('; ')}**`;
}

/** A markdown table row. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A markdown table's header and rule. */
export function header(cells: readonly string[]): [string, string] {
  return [row(cells), row(cells.map(() => '---'))];
}
