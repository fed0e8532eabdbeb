// Turns an Answer into a Slack message: mrkdwn sections, a short source list, notes, and the feedback buttons.
import type { types } from "@slack/bolt";
import type { Answer, SourceRef } from "../../core/index.js";
import { escapeMrkdwn, isWebUrl, type MrkdwnOptions, markdownToMrkdwn, slackLink } from "./mrkdwn.js";
import { SECTION_LIMIT, splitMrkdwn } from "./split-mrkdwn.js";

export const MAX_BLOCKS = 50;
export const FEEDBACK_BLOCK_ID = "orca_feedback";
export const FEEDBACK_UP = "orca_feedback_up";
export const FEEDBACK_DOWN = "orca_feedback_down";
/** "Need a human": support triage routes the thread to its owner (the feedback recorder ignores it). */
export const FEEDBACK_HUMAN = "orca_need_human";
const MAX_SOURCES = 5;
const TRUNCATED_NOTE = "_The full answer is longer than one Slack message allows, so it stops here._";

export interface SlackMessage {
  /** Plain fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: types.KnownBlock[];
}

function section(text: string): types.KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** A short plain label: code ticks and long section paths would make a noisy link. */
function sourceLabel(source: SourceRef): string {
  const withSection =
    source.section && source.section.length <= 60 ? `${source.title}: ${source.section}` : source.title;
  const plain = withSection.replace(/`/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 100 ? `${plain.slice(0, 99)}…` : plain;
}

/**
 * Sources the answer does not already link to, as a short list at the end. Only sources with an allowed http(s) URL
 * are listed: a past conversation without a citable permalink is not cited at all.
 */
function sourcesBlock(sources: SourceRef[], markdown: string, options: MrkdwnOptions): types.KnownBlock | null {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const source of sources) {
    if (seen.has(source.url) || markdown.includes(source.url) || lines.length >= MAX_SOURCES) continue;
    if (!isWebUrl(source.url) || options.linkAllowed?.(source.url) === false) continue;
    seen.add(source.url);
    lines.push(`• ${slackLink(source.url, sourceLabel(source), options)}`);
  }
  if (lines.length === 0) return null;
  return section(`*Sources*\n${lines.join("\n")}`.slice(0, SECTION_LIMIT));
}

function notesBlock(notes: string[]): types.KnownBlock | null {
  const text = notes
    .map((n) => escapeMrkdwn(n.trim()))
    .filter((n) => n !== "")
    .join(" · ");
  if (text === "") return null;
  return { type: "context", elements: [{ type: "mrkdwn", text: text.slice(0, SECTION_LIMIT) }] };
}

export function feedbackBlock(jobId: string): types.KnownBlock {
  return {
    type: "actions",
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      {
        type: "button",
        action_id: FEEDBACK_UP,
        text: { type: "plain_text", text: "👍 Helpful", emoji: true },
        value: jobId,
      },
      {
        type: "button",
        action_id: FEEDBACK_DOWN,
        text: { type: "plain_text", text: "👎 Not helpful", emoji: true },
        value: jobId,
      },
      {
        type: "button",
        action_id: FEEDBACK_HUMAN,
        text: { type: "plain_text", text: "🙋 Need a human", emoji: true },
        value: jobId,
      },
    ],
  };
}

/**
 * Renders an answer. Every text is escaped for Slack (`&`, `<`, `>`), links only go to http(s) targets (and, with
 * `linkAllowed`, only to allowed ones), so model output can never produce `<!channel>` or `<@U…>`.
 */
export function renderAnswer(
  answer: Pick<Answer, "markdown" | "sources" | "notes">,
  jobId: string,
  options: MrkdwnOptions = {},
): SlackMessage {
  const chunks = splitMrkdwn(markdownToMrkdwn(answer.markdown, options));
  const tail = [
    sourcesBlock(answer.sources, answer.markdown, options),
    notesBlock(answer.notes),
    feedbackBlock(jobId),
  ].filter((b): b is types.KnownBlock => b !== null);
  const room = MAX_BLOCKS - tail.length;
  const kept = chunks.length > room ? [...chunks.slice(0, room - 1), TRUNCATED_NOTE] : chunks;
  const first = chunks[0] ?? "";
  return {
    text: chunks.length > 1 ? `${first}\n…` : first,
    blocks: [...kept.map(section), ...tail],
  };
}

/** A plain message (apology, rate-limit notice) as a single section. */
export function renderNotice(markdown: string): SlackMessage {
  const text = markdownToMrkdwn(markdown).slice(0, SECTION_LIMIT);
  return { text, blocks: [section(text)] };
}
