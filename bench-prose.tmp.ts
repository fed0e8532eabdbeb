// usage: npx tsx bench.ts <repoRoot> <dataDir>
const [root, dataDir] = process.argv.slice(2);
const { createOrca } = await import(`${root}/bot/index.ts`);
const { loadConfig, silentLogger } = await import(`${root}/core/index.ts`);
const fs = await import("node:fs");
const orca = await createOrca({ config: loadConfig({ ORCA_DATA_DIR: dataDir }), logger: silentLogger() });
const cases = fs.readFileSync(`${root}/evals/cases/topics.jsonl`, "utf8").split("\n").filter(Boolean).map((l: string) => JSON.parse(l));
const extra = ["how do I run a deployment from python and wait for it?", "what is the difference between a task and a subflow?", "how do I retry a task?", "why does my flow show Completed when a task failed?"];
const qs = [...cases.map((c: any) => ({ q: c.question, v: c.prefect_version })), ...extra.map((q) => ({ q, v: null }))];
await orca.engine.answer({ messages: [], question: qs[0].q, prefectVersion: qs[0].v }); // warm-up
const times: number[] = [];
const steps: Record<string, number[]> = {};
for (let i = 0; i < 100; i++) {
  const { q, v } = qs[i % qs.length];
  const t = performance.now();
  const a = await orca.engine.answer({ messages: [], question: q, prefectVersion: v });
  times.push(performance.now() - t);
  for (const [k, ms] of Object.entries(a.timings ?? {})) (steps[k] ??= []).push(ms as number);
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
console.log(`answers p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)}`);
for (const [k, xs] of Object.entries(steps)) console.log(`  ${k}: p50 ${pct(xs, 50).toFixed(1)} p95 ${pct(xs, 95).toFixed(1)}`);
// conversation-filtered search alone
const st: number[] = [];
for (let i = 0; i < 100; i++) { const t = performance.now(); await orca.knowledge.search(qs[i % qs.length].q, { k: 4, kind: "conversation", prefectMajor: 3 }); st.push(performance.now() - t); }
const sd: number[] = [];
for (let i = 0; i < 100; i++) { const t = performance.now(); await orca.knowledge.search(qs[i % qs.length].q, { k: 8, kind: "docs", prefectMajor: 3 }); sd.push(performance.now() - t); }
console.log(`search conversation p50 ${pct(st, 50).toFixed(1)} p95 ${pct(st, 95).toFixed(1)}; docs p50 ${pct(sd, 50).toFixed(1)} p95 ${pct(sd, 95).toFixed(1)}`);
console.log(JSON.stringify(orca.knowledge.stats().byKind));
await orca.close();
