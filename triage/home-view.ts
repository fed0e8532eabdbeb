// The App Home tab: the open queue, threads needing a human first, then by SLA risk and age, with buttons to take,
// assign or resolve each.
import { PRIVATE_THREAD } from "./find-similar.js";
import { HOME_BLOCK_PREFIX, mention } from "./triage-desk.js";
import { slaElapsedMs, type TriageSettings } from "./triage-settings.js";
import type { TriageStore, TriageThread } from "./triage-store.js";

const MAX_ROWS = 20;

export function queueOrder(threads: readonly TriageThread[], settings: TriageSettings, now: number): TriageThread[] {
  const risk = (t: TriageThread) =>
    t.firstResponseAt === null
      ? slaElapsedMs(settings, t.createdAt, now) / (settings.sla.escalate_after_hours * 3_600_000)
      : 0;
  return [...threads].sort(
    (a, b) =>
      Number(b.state === "needs-human") - Number(a.state === "needs-human") ||
      risk(b) - risk(a) ||
      a.createdAt - b.createdAt,
  );
}

/** Any workspace member may open the Home tab: only a public channel's thread shows its words there. */
function summary(t: TriageThread): string {
  return t.visibility === "public" ? t.text.replace(/\s+/g, " ").slice(0, 150) : PRIVATE_THREAD;
}

/** "fixed in 3.4.25 (#19258)", the pull request linked. */
function fixLabel(fix: { release: string; pr: number | null; url: string | null }): string {
  const pr = fix.pr === null ? "" : fix.url ? ` (<${fix.url}|#${fix.pr}>)` : ` (#${fix.pr})`;
  return `fixed in ${fix.release}${pr}`;
}

export function renderHome(store: TriageStore, settings: TriageSettings, now: number): Record<string, unknown> {
  const open = [
    ...store.list({ state: "needs-human" }),
    ...store.list({ state: "new" }),
    ...store.list({ state: "waiting-for-asker" }),
  ];
  const queue = queueOrder(open, settings, now).slice(0, MAX_ROWS);
  const blocks: unknown[] = [
    { type: "header", text: { type: "plain_text", text: "Support queue" } },
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: `${open.length} open threads; needing a human first, then by SLA risk and age.` },
      ],
    },
  ];
  for (const t of queue) {
    const age = Math.floor((now - t.createdAt) / 3_600_000);
    const owner = t.owner ? mention(t.owner) : "unassigned";
    const paused = t.pausedAt !== null ? " · clock paused" : "";
    // The release and pull request are public (the release notes); the entry's words stay out, like the thread's.
    const link = store.fixLink(t.channel, t.threadTs);
    const fix = link ? ` · ${fixLabel(link)}` : "";
    const value = `${t.channel}/${t.threadTs}`;
    blocks.push(
      { type: "divider" },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${t.state}* · ${t.kind} · ${t.topic} · ${age} h old · ${owner}${paused}${fix}\n<#${t.channel}> ${summary(t)}`,
        },
      },
      {
        type: "actions",
        block_id: `${HOME_BLOCK_PREFIX}${t.channel}_${t.threadTs}`,
        elements: [
          { type: "button", action_id: `${HOME_BLOCK_PREFIX}take`, text: { type: "plain_text", text: "Take" }, value },
          {
            type: "users_select",
            action_id: `${HOME_BLOCK_PREFIX}assign`,
            placeholder: { type: "plain_text", text: "Assign" },
          },
          {
            type: "button",
            action_id: `${HOME_BLOCK_PREFIX}resolve`,
            text: { type: "plain_text", text: "Resolve" },
            value,
            style: "primary",
          },
        ],
      },
    );
  }
  return { type: "home", blocks };
}
