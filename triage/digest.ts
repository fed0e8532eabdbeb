// The daily digest posted in the triage channel: the last 24 hours at a glance.

import { comparePep440 } from "../knowledge/index.js";
import { buildReport } from "./report-data.js";
import type { TriageSettings } from "./triage-settings.js";
import type { FixLinkRecord, TriageStore, TriageThread } from "./triage-store.js";

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

/**
 * "Resolved by upgrade": the thread is resolved, and before it was resolved a reply (Orca's answer, a person's reply,
 * or the asker reporting their own upgrade) named a release to upgrade to that is
 * - at or after the release of the thread's fix link, when it has one (an upgrade that includes the fix);
 * - otherwise newer than the thread's stated release line (an upgrade past what they ran), when it states one;
 * - otherwise any release (an upgrade was the last advice before the resolution).
 * A fix link alone, with no reply suggesting the upgrade, does not count: nobody told the asker.
 */
export function resolvedByUpgrade(thread: TriageThread, fix: FixLinkRecord | null): boolean {
  const up = thread.upgrade;
  if (thread.resolvedAt === null || !up || up.at > thread.resolvedAt) return false;
  if (fix) return comparePep440(up.release, fix.release) >= 0;
  if (thread.version && /^\d+\.\d+/.test(thread.version)) return newerThanStated(up.release, thread.version);
  return true;
}

/** "3.4.25" is newer than "3.4.20" and than the line "3.3", not than the line "3.4" (it may be what they run). */
function newerThanStated(release: string, stated: string): boolean {
  const parts = stated.split(".").length;
  const head = release.split(".").slice(0, parts).join(".");
  return comparePep440(head, stated) > 0;
}

export function buildDigest(store: TriageStore, settings: TriageSettings, now: number): Digest {
  const from = now - 86_400_000;
  const r = buildReport(store, { from, to: now, nudgeAfterHours: settings.sla.nudge_after_hours });
  const resolved = store.resolvedBetween(from, now);
  const byUpgrade = resolved.filter((t) => resolvedByUpgrade(t, t.fix));
  const fixed = store.createdBetween(from, now).flatMap((t) => {
    const fix = store.fixLink(t.channel, t.threadTs);
    return fix ? [fix] : [];
  });
  const releases = [...new Set(fixed.map((f) => f.release))].sort(comparePep440).reverse();
  const lines = [
    `*Support digest*: ${r.total} new threads in the last 24 h`,
    `• By kind: ${list(r.byKind)}`,
    `• By topic: ${list(r.byTopic)}`,
    `• First answered by Orca: ${r.answeredBy.orca}, by humans: ${r.answeredBy.human}, not yet: ${r.answeredBy.none}`,
    `• Unanswered past SLA (${settings.sla.nudge_after_hours} h): ${r.pastSla}`,
    `• Questions Orca could not answer (possible documentation gaps): ${
      r.gaps.length === 0 ? "none" : r.gaps.map((g) => `${g.topic} ×${g.size} ("${g.example.slice(0, 60)}")`).join("; ")
    }`,
    `• New threads whose problem is fixed in a later release: ${fixed.length}${
      releases.length > 0 ? ` (fixed in ${releases.slice(0, 5).join(", ")})` : ""
    }`,
    `• Resolved by upgrade: ${byUpgrade.length} of ${resolved.length} threads resolved`,
    `• GitHub issues most linked from threads: ${
      r.issues.length === 0 ? "none" : r.issues.map((i) => `<${i.url}|${i.repo}#${i.number}> (${i.threads})`).join(", ")
    }`,
  ];
  const text = lines.join("\n");
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }] };
}
