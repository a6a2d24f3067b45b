/**
 * Values computed once per key and kept, up to a bound: when full, the memo starts afresh (any
 * value can be computed again), so a stream of new keys cannot grow it without end.
 */
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = compute();
    if (this.values.size >= this.capacity) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
