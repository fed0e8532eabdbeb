// The daily digest posted in the triage channel: the last 24 hours at a glance.
import { buildReport } from "./report-data.js";
import type { TriageSettings } from "./triage-settings.js";
import type { TriageStore } from "./triage-store.js";

export interface Digest {
  text: string;
  blocks: unknown[];
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

export function buildDigest(store: TriageStore, settings: TriageSettings, now: number): Digest {
  const r = buildReport(store, { from: now - 86_400_000, to: now, nudgeAfterHours: settings.sla.nudge_after_hours });
  const lines = [
    `*Support digest*: ${r.total} new threads in the last 24 h`,
    `• By kind: ${list(r.byKind)}`,
    `• By topic: ${list(r.byTopic)}`,
    `• First answered by Orca: ${r.answeredBy.orca}, by humans: ${r.answeredBy.human}, not yet: ${r.answeredBy.none}`,
    `• Unanswered past SLA (${settings.sla.nudge_after_hours} h): ${r.pastSla}`,
    `• Questions Orca could not answer (possible documentation gaps): ${
      r.gaps.length === 0 ? "none" : r.gaps.map((g) => `${g.topic} ×${g.size} ("${g.example.slice(0, 60)}")`).join("; ")
    }`,
    `• GitHub issues most linked from threads: ${
      r.issues.length === 0 ? "none" : r.issues.map((i) => `<${i.url}|${i.repo}#${i.number}> (${i.threads})`).join(", ")
    }`,
  ];
  const text = lines.join("\n");
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }] };
}
