/** Medians and the units the bench prints figures in. */
/** The middle value, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (seconds: number): string => (seconds < 0.01 ? `${(seconds * 1000).toFixed(2)} ms` : seconds < 10 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(1)} s`);
export const s1 = (seconds: number): string => `${seconds.toFixed(1)} s`;
export const thousands = (value: number): string => value.toLocaleString('en');
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
