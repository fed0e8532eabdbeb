// Run sizes. The full configuration is what the issues specify; --quick is a small one for the smoke test.

export interface BenchConfig {
  quick: boolean;
  /** Files taken from each corpus version (undefined: all of them). */
  corpusFilesPerVersion?: number;
  e2e: { events: number; concurrency: number };
  retrieval: {
    latencyQueries: number;
    /** Retrieval eval cases used (undefined: all). */
    evalCases?: number;
    /** Dimensions of the synthetic vectors (undefined: the index's). */
    syntheticDims?: number;
    knnQueries: number;
  };
  lint: { rounds: number };
  answer: { questions: number };
}

export function benchConfig(quick: boolean): BenchConfig {
  if (quick) {
    return {
      quick,
      corpusFilesPerVersion: 25,
      e2e: { events: 12, concurrency: 4 },
      retrieval: { latencyQueries: 10, evalCases: 5, syntheticDims: 64, knnQueries: 20 },
      lint: { rounds: 2 },
      answer: { questions: 3 },
    };
  }
  return {
    quick,
    e2e: { events: 300, concurrency: 20 },
    retrieval: { latencyQueries: 200, knnQueries: 100 },
    lint: { rounds: 20 },
    answer: { questions: 40 },
  };
}
