// Public surface of bench/: `orca bench` and scripts/write-performance-doc.ts use only this.

export { percentile } from "../core/index.js";
export { type BenchConfig, benchConfig } from "./config.js";
export { formatNumber } from "./format-number.js";
export { machineInfo } from "./machine.js";
export { renderPerformanceDoc } from "./performance-doc.js";
export { type BenchOptions, runBench } from "./run-bench.js";
export { parseSectionList } from "./section-list.js";
export { type Stats, sampleStats } from "./stats.js";
export { formatMarkdownTable, formatTable } from "./table.js";
export { formatTarget, targetMet } from "./target.js";
export type * from "./types.js";
export { SECTION_NAMES } from "./types.js";
