// Runs `orca bench` and writes docs/performance.md (and bench.json) from its figures.
//   npx tsx scripts/write-performance-doc.ts            full run (about ten minutes on two cores)
//   npx tsx scripts/write-performance-doc.ts --quick    small configuration
//   npx tsx scripts/write-performance-doc.ts --from bench.json   re-render from an earlier report
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type BenchReport, formatTable, parseSectionList, renderPerformanceDoc, runBench } from "../bench/index.js";
import { repoRoot } from "../core/index.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    from: { type: "string" },
    out: { type: "string", default: path.join("docs", "performance.md") },
  },
});

async function report(): Promise<BenchReport> {
  if (values.from) return JSON.parse(await readFile(values.from, "utf8")) as BenchReport;
  const result = await runBench({
    quick: values.quick,
    only: values.only === undefined ? undefined : parseSectionList(values.only),
    command: ["orca bench", values.quick ? "--quick" : "", values.only ? `--only ${values.only}` : ""]
      .filter(Boolean)
      .join(" "),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  await writeFile(path.join(repoRoot, "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

const result = await report();
const generatedBy = [
  "npx tsx scripts/write-performance-doc.ts",
  values.quick ? "--quick" : "",
  values.only ? `--only ${values.only}` : "",
]
  .filter(Boolean)
  .join(" ");
await writeFile(path.resolve(repoRoot, values.out), renderPerformanceDoc(result, generatedBy));
process.stdout.write(formatTable(result));
process.stdout.write(`\nwrote ${values.out}\n`);
