// Renders an AnswerPlan as Markdown for Slack and the console: the answer first, then why, the example, the
// fixes to the asker's code, the sources and the version the answer is for. An abstention quotes its passages
// verbatim (as block quotes, so they are never mistaken for Orca's own words) with their links and versions.
import type { SearchHit, SourceRef, VersionGuess } from "../../../core/index.js";
import type { AnswerPlan } from "../plan/index.js";
import { API_CHECK, NOTE_ANSWER, versionLine } from "./compose-offline.js";

export interface RenderContext {
  version: VersionGuess;
  /** The legacy draft, shown as is when the plan keeps it. */
  legacyMarkdown: string;
  /** Reading notes (truncation and the like). */
  notes: string[];
  /** The question's language when not English. */
  language: string | null;
}

const MAX_QUOTE = 420;

/** The passage's opening, cut at a sentence end: a verbatim excerpt, never reworded. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_QUOTE) return flat;
  const cut = flat.slice(0, MAX_QUOTE);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("? "), cut.lastIndexOf("! "));
  return end > 80 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(" "))} …`;
}

function passageVersion(hit: SearchHit): string {
  if (hit.kind === "conversation") return "past thread";
  return hit.versionTag ? `Prefect ${hit.versionTag}.x docs` : "docs";
}

function quoteBlock(hit: SearchHit): string {
  const section = hit.section.filter(Boolean).slice(-1)[0];
  const title = section && section !== hit.title ? `${hit.title} › ${section}` : hit.title;
  return `> ${excerpt(hit.text)}\n— [${title}](${hit.url}) (${passageVersion(hit)})`;
}

function sourcesBlock(sources: SourceRef[]): string {
  // One page is listed once, though the facts and a unit may cite it under different titles.
  const pages = sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i);
  if (pages.length === 0) return "";
  return ["**Sources:**", ...pages.map((s, i) => `${i + 1}. [${s.title}](${s.url})`)].join("\n");
}

export function renderPlan(plan: AnswerPlan, ctx: RenderContext): string {
  const language = ctx.language ? `_You wrote in ${ctx.language}; Orca answers in English._` : "";
  const notes = ctx.notes.map((n) => `_${n}_`);
  if (plan.mode === "legacy") {
    // The answer first, in every mode: the note on the language follows the draft's first paragraph.
    const [first = "", ...rest] = ctx.legacyMarkdown.split("\n\n");
    return [first, language, ...rest].filter(Boolean).join("\n\n");
  }
  const parts: string[] = [];
  if (plan.mode === "need-more") {
    parts.push(plan.lead, plan.clarify ?? "", language, ...notes);
    return parts.filter((p) => p.trim() !== "").join("\n\n");
  }
  if (plan.mode === "abstain") {
    parts.push(plan.lead, language, ...plan.quotes.map(quoteBlock));
    if (plan.clarify) parts.push(plan.clarify);
    parts.push(versionLine(ctx.version), ...notes);
    return parts.filter((p) => p.trim() !== "").join("\n\n");
  }
  // The answers to the message's other questions follow the lead's, in the asker's order.
  parts.push(plan.lead, ...(plan.also ?? []), language);
  if (plan.details.length > 0) parts.push(plan.details.map((d) => `- ${d}`).join("\n"));
  if (plan.apiLines.length > 0)
    parts.push([`**API facts for Prefect ${ctx.version.resolved}:**`, ...plan.apiLines].join("\n"));
  if (plan.example) {
    const python = plan.example.language === "python" || plan.example.language === "";
    const checked = python ? ` (checked clean for Prefect ${ctx.version.resolved})` : "";
    parts.push(
      `**Example**${checked}:\n\n\`\`\`${plan.example.language || "python"}\n${plan.example.code.trim()}\n\`\`\``,
    );
  }
  if (plan.fixes) {
    // The code check follows the answer; it carries its own sources and version line.
    const heading = plan.fixesAbout === "error" ? "About the error you quoted:" : "Your code, checked:";
    parts.push(`**${heading}**\n\n${withoutRepeats(plan.fixes, plan.apiLines.length > 0)}`);
    parts.push(sourcesBlock(plan.sources.slice(0, 1)).replace("**Sources:**", "**More on the answer:**"));
  } else parts.push(sourcesBlock(plan.sources), versionLine(ctx.version), ...notes);
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/**
 * The code check's draft under an answer that already answered the question: without its own answer from a note (a
 * second answer, at best the same) and without the API facts when the answer has already stated them.
 */
function withoutRepeats(fixes: string, apiStated: boolean): string {
  const out: string[] = [];
  let skipping = false;
  for (const paragraph of fixes.split("\n\n")) {
    // A section runs until the next paragraph that opens with a bold heading.
    if (paragraph.startsWith("**"))
      skipping = paragraph.startsWith(NOTE_ANSWER) || (apiStated && paragraph.startsWith(API_CHECK));
    if (!skipping) out.push(paragraph);
  }
  return out.join("\n\n");
}
