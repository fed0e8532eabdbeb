// Lint latency on typical support snippets (about 40 lines), for `orca bench`. Figures only; nothing here asserts.
import { percentile } from "../core/index.js";
import { loadPrefectFacts, type PrefectFacts } from "../knowledge/index.js";
import { createLinter } from "./create-linter.js";

export interface BenchmarkLintOptions {
  facts?: PrefectFacts;
  /** Measured rounds over the sample snippets. */
  rounds?: number;
  /** Unmeasured rounds first, so the JIT and caches are warm. */
  warmupRounds?: number;
}

export interface LintBenchmark {
  factsLoadMs: number;
  /** The very first lint call (cold parser and caches). */
  firstLintMs: number;
  warmupRounds: number;
  samples: number;
  linesPerSnippet: number[];
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  snippetsPerSecond: number;
  /** CPU time per snippet over the measured rounds: unlike wall time, not inflated by other processes. */
  cpuMsPerSnippet: number;
}

const SAMPLES: { version: string; code: string }[] = [
  {
    version: "3.4.20",
    code: `from prefect import flow, task, get_run_logger
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner
import httpx


@task(retries=3, retry_delay_seconds=10)
def download(url: str) -> bytes:
    response = httpx.get(url, timeout=30)
    response.raise_for_status()
    return response.content


@task
def measure(blob: bytes) -> int:
    return len(blob)


@task(log_prints=True)
def report(sizes: list[int]) -> None:
    print(f"downloaded {sum(sizes)} bytes")


@flow(task_runner=ThreadPoolTaskRunner(max_workers=8))
def crawl(urls: list[str]) -> int:
    logger = get_run_logger()
    logger.info("crawling %d pages", len(urls))
    blobs = [download.submit(u) for u in urls]
    sizes = [measure.submit(b) for b in blobs]
    wait(sizes)
    total = [s.result() for s in sizes]
    report(total)
    return sum(total)


if __name__ == "__main__":
    crawl(["https://example.com", "https://example.org"])
`,
  },
  {
    version: "3.4.10",
    code: `from prefect import flow, task, wait
from prefect.task_runners import ProcessPoolTaskRunner
from prefect.deployments import run_deployment


@task
def square(x: int) -> int:
    return x * x


@task
def total(values: list[int]) -> int:
    return sum(values)


@flow
def child(n: int) -> int:
    return n + 1


@flow(task_runner=ProcessPoolTaskRunner(max_workers=4))
def parent(n: int = 10):
    futures = []
    for i in range(n):
        futures.append(square.submit(i))
    total.submit(futures)
    sub = child.submit(3)
    run = run_deployment("child/prod", parameters={"n": 3})
    run.wait()
    for i in range(3):
        square.submit(i).result()


if name == "__main__":
    parent()
`,
  },
];

export async function benchmarkLint(options: BenchmarkLintOptions = {}): Promise<LintBenchmark> {
  const loadStart = performance.now();
  const facts = options.facts ?? loadPrefectFacts();
  const factsLoadMs = performance.now() - loadStart;
  const linter = await createLinter(facts);
  const rounds = options.rounds ?? 50;
  const warmupRounds = options.warmupRounds ?? 5;

  const firstStart = performance.now();
  linter.lint(SAMPLES[0]!.code, SAMPLES[0]!.version);
  const firstLintMs = performance.now() - firstStart;
  for (let i = 0; i < warmupRounds; i++) for (const s of SAMPLES) linter.lint(s.code, s.version);

  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  const runStart = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const s of SAMPLES) {
      const t0 = performance.now();
      linter.lint(s.code, s.version);
      times.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - runStart;
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return {
    factsLoadMs,
    firstLintMs,
    warmupRounds,
    samples: times.length,
    linesPerSnippet: SAMPLES.map((s) => s.code.split("\n").length),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times.at(-1) ?? 0,
    snippetsPerSecond: times.length / (elapsed / 1000),
    cpuMsPerSnippet: (cpu.user + cpu.system) / 1000 / times.length,
  };
}
