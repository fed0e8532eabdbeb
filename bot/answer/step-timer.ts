// Per-step wall-clock timings for Answer.timings (milliseconds, two decimals).

const round = (ms: number) => Math.round(ms * 100) / 100;

export class StepTimer {
  readonly timings: Record<string, number> = {};
  private readonly start = performance.now();

  async run<T>(step: string, fn: () => T | Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.timings[step] = round((this.timings[step] ?? 0) + performance.now() - t0);
    }
  }

  finish(): Record<string, number> {
    this.timings.total = round(performance.now() - this.start);
    return this.timings;
  }
}
