/**
 * Whole answers of ordered SELECTs, kept so that their pages are slices. An engine sorts the whole
 * answer of an ORDER BY before its first row, so a page written as OFFSET and LIMIT costs the whole
 * answer every time (3 to 5 s for a 200,000-row listing at 10,000 reports); the graph a server
 * answers from does not change while it runs, so the answer computed for one page is the answer
 * for every page. Answers are kept by query text and bindings, the least recently used dropped
 * first, within a budget of rows; two requests for the same answer share one computation.
 */
import type { QueryShape } from './oxigraph-protocol.js';
import type { QueryResult, Row } from './result.js';
import type { PageWindow } from './sparql.js';

/** A whole answer: its variables and its rows in the query's order. */
export interface KeptAnswer {
  readonly shape: QueryShape;
  readonly variables: readonly string[];
  readonly rows: readonly Row[];
}

export class KeptAnswers {
  private readonly answers = new Map<string, KeptAnswer>();
  private readonly pending = new Map<string, Promise<KeptAnswer | undefined>>();
  private keptRows = 0;

  /** `maxRows`: rows kept at most, over all answers; an answer larger than this is never kept. */
  constructor(readonly maxRows: number) {}

  static key(text: string, bindings: unknown): string {
    return JSON.stringify([text, bindings]);
  }

  /** The kept answer, made most recently used; undefined when none is kept. */
  get(key: string): KeptAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer === undefined) return undefined;
    this.answers.delete(key);
    this.answers.set(key, answer);
    return answer;
  }

  /**
   * The kept answer, or the one `compute` gives (undefined: too large to keep, or not an ordered
   * SELECT), computed once for concurrent callers.
   */
  async getOrCompute(key: string, compute: () => Promise<KeptAnswer | undefined>): Promise<KeptAnswer | undefined> {
    const kept = this.get(key);
    if (kept !== undefined) return kept;
    const running = this.pending.get(key);
    if (running !== undefined) return running;
    const computing = compute().then((answer) => {
      if (answer !== undefined) this.keep(key, answer);
      return answer;
    }).finally(() => this.pending.delete(key));
    this.pending.set(key, computing);
    return computing;
  }

  private keep(key: string, answer: KeptAnswer): void {
    if (answer.rows.length > this.maxRows) return;
    this.keptRows -= this.answers.get(key)?.rows.length ?? 0;
    this.answers.set(key, answer);
    this.keptRows += answer.rows.length;
    for (const [oldest, dropped] of this.answers) {
      if (this.keptRows <= this.maxRows) break;
      this.answers.delete(oldest);
      this.keptRows -= dropped.rows.length;
    }
  }

  get size(): number {
    return this.answers.size;
  }
}

/** One page of a kept answer; `truncated`: rows follow it. */
export function pageOf(answer: KeptAnswer, { offset, size }: PageWindow): { query: QueryShape; result: QueryResult; truncated: boolean } {
  return {
    query: answer.shape,
    result: { kind: 'bindings', variables: answer.variables, rows: answer.rows.slice(offset, offset + size) },
    truncated: answer.rows.length > offset + size,
  };
}
