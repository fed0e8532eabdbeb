import { createOrca } from "./bot/index.js";
import { loadConfig, silentLogger } from "./core/index.js";
const orca = await createOrca({ config: loadConfig({ ORCA_DATA_DIR: "/tmp/prose/data" }), logger: silentLogger() });
const lines = (await import("node:fs")).readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean);
for (const line of lines) {
  const [v, q] = line.includes("\t") ? line.split("\t") : [null, line];
  const a = await orca.engine.answer({ messages: [], question: q!, prefectVersion: v || null });
  console.log(`\n######## [${v ?? "-"}] ${q}\n${a.markdown}`);
}
await orca.close();
