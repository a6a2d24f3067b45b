/**
 * Queries the engine had to stop because they would fail again (timed out, or trapped the engine), kept
 * for a while so that sending one again is refused at once: stopping a query means replacing its
 * worker and loading the graph again, and a client repeating it must not make that happen in a loop.
 */
export interface StoppedQuery {
  readonly at: number;
  readonly error: Error;
}

export class StoppedQueries {
  private readonly entries = new Map<string, StoppedQuery>();

  constructor(private readonly forMs: number, private readonly capacity = 256, private readonly now: () => number = Date.now) {}

  /** The same query: same text up to white space, same parameters, same cap. */
  static key(text: string, parameters: string, maxRows: number | undefined): string {
    return `${text.replace(/\s+/g, ' ').trim()}\u0000${parameters}\u0000${maxRows ?? ''}`;
  }

  remember(key: string, error: Error): void {
    this.entries.delete(key);
    // Oldest first in a Map: dropping the first keeps the newest `capacity` entries.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: this.now(), error });
  }

  /** The earlier stop, with the milliseconds left before the query may run again; undefined if it may run. */
  find(key: string): { stopped: StoppedQuery; remainingMs: number } | undefined {
    const stopped = this.entries.get(key);
    if (stopped === undefined) return undefined;
    const remainingMs = stopped.at + this.forMs - this.now();
    if (remainingMs > 0) return { stopped, remainingMs };
    this.entries.delete(key);
    return undefined;
  }
}
