/** Seconds spent per stage, summed over reports and threads, for the benchmark's stage split. */
export type StageSeconds = Record<string, number>;

export function timed<T>(seconds: StageSeconds, stage: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    seconds[stage] = (seconds[stage] ?? 0) + (performance.now() - started) / 1000;
  }
}

export function addSeconds(total: StageSeconds, more: StageSeconds): void {
  for (const [stage, value] of Object.entries(more)) total[stage] = (total[stage] ?? 0) + value;
}
