// Writes triage/data/training/duplicates.jsonl from the training messages (triage/data/training/threads.jsonl):
// every two messages that describe one problem (same `problem`) are a same-problem pair; different-problem pairs are
// drawn from messages of different problems: half are the same-area pairs with the most words in common (the ones a
// similarity search retrieves, so the ones precision is about), a quarter other same-area pairs and a quarter pairs
// from different areas, in a fixed hash order so the file is reproducible. Left out: off-topic posts (they report no
// problem) and pairs of problems written as variants of one theme ("x" and "x.1"), which are close calls between
// related problems rather than clearly the same or different.
//   npx tsx scripts/build-training-pairs.ts
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../core/index.js";

const DIR = path.join(repoRoot, "triage", "data", "training");
/** Different-problem pairs per same-problem pair. */
const DIFFERENT_PER_SAME = 1.3;

interface Message {
  id: string;
  text: string;
  kind: string;
  topic: string;
  problem: string;
}

const messages = readFileSync(path.join(DIR, "threads.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Message)
  .filter((m) => m.kind !== "off-topic");
const order = (a: Message, b: Message) => createHash("sha256").update(`${a.id}|${b.id}`).digest("hex");

const same: Array<[Message, Message]> = [];
const sameArea: Array<[Message, Message]> = [];
const otherArea: Array<[Message, Message]> = [];
messages.forEach((a, i) => {
  for (const b of messages.slice(i + 1)) {
    if (a.problem === b.problem) same.push([a, b]);
    else if (a.topic === b.topic) sameArea.push([a, b]);
    else otherArea.push([a, b]);
  }
});
const wanted = Math.round(same.length * DIFFERENT_PER_SAME);
const words = new Map(messages.map((m) => [m.id, new Set(m.text.toLowerCase().match(/[a-z_]{3,}/g) ?? [])]));
const shared = (a: Message, b: Message) => {
  const wb = words.get(b.id) as Set<string>;
  return [...(words.get(a.id) as Set<string>)].filter((w) => wb.has(w)).length;
};
/** Problems written as variants of one theme ("x", "x.1", "x.2") are close calls: neither clearly same nor not. */
const theme = (m: Message) => m.problem.replace(/\.\d+$/, "");
type Keyed = { pair: [Message, Message]; overlap: number; key: string };
const keyed = (pairs: Array<[Message, Message]>): Keyed[] =>
  pairs.map((pair) => ({ pair, overlap: shared(...pair), key: order(...pair) }));
const byKey = (x: Keyed, y: Keyed) => x.key.localeCompare(y.key);
const byOverlap = keyed(sameArea.filter(([a, b]) => theme(a) !== theme(b))).sort(
  (x, y) => y.overlap - x.overlap || byKey(x, y),
);
const hard = byOverlap.slice(0, Math.floor(wanted / 2));
const near = byOverlap
  .slice(hard.length)
  .sort(byKey)
  .slice(0, Math.floor(wanted / 4));
const far = keyed(otherArea)
  .sort(byKey)
  .slice(0, wanted - hard.length - near.length);

const rows = [
  ...same.map(([a, b]) => ({ a, b, same: true })),
  ...[...hard, ...near, ...far].map(({ pair: [a, b] }) => ({ a, b, same: false })),
];
writeFileSync(
  path.join(DIR, "duplicates.jsonl"),
  rows
    .map((r, i) =>
      JSON.stringify({
        id: `tp-${String(i + 1).padStart(3, "0")}`,
        a: r.a.text,
        b: r.b.text,
        same: r.same,
        a_id: r.a.id,
        b_id: r.b.id,
      }),
    )
    .join("\n")
    .concat("\n"),
);
process.stdout.write(`${same.length} same-problem pairs, ${rows.length - same.length} different-problem pairs\n`);
