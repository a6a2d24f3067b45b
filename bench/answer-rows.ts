/** A query's answer as the bench records it: its seconds, and its size to compare engines by. */
export interface Answer {
  readonly seconds: number;
  /** Rows of SPARQL results JSON (1 for ASK), or triples of N-Triples. */
  readonly rows: number;
}

/** The rows of a SPARQL results JSON text, or the triples of an N-Triples text (`graph`). */
export function answerRows(body: string, graph: boolean): number {
  if (graph) return body.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).length;
  return (JSON.parse(body) as { results?: { bindings: unknown[] } }).results?.bindings.length ?? 1;
}
