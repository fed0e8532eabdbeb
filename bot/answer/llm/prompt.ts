// What the model is told. The facts Orca already established (version, lint results, corrected code, API facts,
// numbered sources) go in the user message so the model starts from checked ground.

import { fillSlots } from "../../../knowledge/index.js";
import type { CheckedSnippet } from "../code/index.js";
import type { ApiFinding, UnitMatch } from "../retrieve/index.js";
import { clip, formatParams } from "../retrieve/index.js";
import type { Question, ThreadReading } from "../understand/index.js";
import type { SourceBook } from "./tools.js";

export const SYSTEM_PROMPT = `You are Orca, a support assistant in Slack for Prefect, the Python workflow orchestration framework.
Answer the question at the end of the thread for the asker's exact Prefect version.

Rules:
- First line: the direct answer or verdict. No preamble.
- Say which Prefect version you assumed and why (stated, inferred or assumed), in one short line at the end.
- When the asker's code is wrong, explain each problem in one or two sentences with the fact behind it, then give the corrected code as ONE \`\`\`python block. Start from Orca's checked correction when one is given.
- When Orca's check found no problems, do not stop at "the code looks right": say what was checked (no API or version problems for that release), then answer what was actually asked: explain the quoted error or show how to reach the asker's goal.
- Use only APIs that exist in the asker's version. When unsure, call check_api or lint_snippet before answering. Never invent functions, methods, parameters or modules.
- For a reported bug or an "is it possible" question, call lookup_changes when you have it: a strong match goes first, in its own words ("Fixed in 3.4.25 (#19258); you are on 3.4.20: upgrade to 3.4.25 or later") with the pull request link it returns; a related match is only "possibly related", with its link.
- Cite only the numbered sources you were given or found with the search tools, as [n]. Do not cite anything else and do not invent links.
- If the question is ambiguous (version or goal unclear), answer what you can and end with one short clarifying question.
- Orca tells you the question's kind (yes-no, how-to, why-error, compare, which-setting, list, review-code, other) and focus. Answer that kind: a yes-no question starts with "Yes —" or "No —"; a which-setting question names the environment variable, its prefect.toml key and its default for the asker's version (call lookup_setting).
- When the asker's code has problems AND they ask something, answer the question first, then list the fixes.
- Be brief: a Slack reply, Markdown, no headings above level 3.`;

function threadExcerpt(reading: ThreadReading, maxChars: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const m of [...reading.messages].reverse()) {
    const text = clip(m.text, 2_000);
    if (used + text.length > maxChars) break;
    used += text.length;
    lines.unshift(`${m.author}${m.isBot ? " (bot)" : ""}: ${text}`);
  }
  return lines.join("\n\n");
}

function apiFacts(apis: ApiFinding[]): string {
  return apis
    .map((f) => {
      const name = f.fq ?? f.asked;
      const where =
        f.status === "present"
          ? `exists (since ${f.since ?? "?"})`
          : f.status === "unknown"
            ? "does not exist in any release"
            : `${f.status} (${f.boundary})`;
      return `- ${name} in ${f.release}: ${where}${f.params ? `; parameters: ${formatParams(f.params)}` : ""}${f.importLine ? `; ${f.importLine}` : ""}`;
    })
    .join("\n");
}

export function buildUserMessage(input: {
  reading: ThreadReading;
  checked: CheckedSnippet[];
  apis: ApiFinding[];
  sources: SourceBook;
  /** What Orca knows about the errors quoted in the thread. */
  errors?: string[];
  /** The typed question and the curated answers that match it. */
  question?: Question;
  units?: UnitMatch[];
}): string {
  const { reading, checked, apis, sources } = input;
  const v = reading.version;
  const parts: string[] = [];
  const thread = threadExcerpt(reading, 12_000);
  if (thread) parts.push(`Thread so far:\n${thread}`);
  parts.push(`Question from ${reading.asker}:\n${reading.question}`);
  if (input.question) {
    const q = input.question;
    const focus = [...q.focus.apis, ...q.focus.settings, ...q.focus.cli.map((c) => `prefect ${c}`), ...q.focus.errors];
    parts.push(`Question kind: ${q.kind}. Focus: ${focus.length > 0 ? focus.join("; ") : "(none named)"}.`);
    // A reply that answers one of several questions leaves the asker to ask again.
    if (q.parts && q.parts.length > 1)
      parts.push(
        `The message asks ${q.parts.length} things; answer each, in this order:\n${q.parts.map((p, i) => `${i + 1}. ${p.asking}`).join("\n")}`,
      );
  }
  if (input.units && input.units.length > 0)
    parts.push(
      `Orca's curated answers that may fit (confidence 0–1; use one only if it answers this question):\n${input.units
        .map(
          (m) =>
            `- (${m.confidence.toFixed(2)}) ${fillSlots(m.unit.answer)} [${m.unit.sources.map((s) => s.url).join(", ")}]`,
        )
        .join("\n")}`,
    );
  parts.push(`Prefect version: ${v.resolved} (${v.how}${v.evidence.length ? `: ${v.evidence.join("; ")}` : ""}).`);
  for (const c of checked) {
    const problems = c.diagnoses.map((d) => `- line ${d.line} [${d.rule}] ${d.message}`).join("\n") || "- none";
    const explained = c.explanations.map((e) => `- ${e.text}`).join("\n");
    parts.push(
      `Orca's check of the code from ${c.review.author}:\n${problems}${explained ? `\nWhat that means:\n${explained}` : ""}\n` +
        (c.remaining.length === 0 && c.changed
          ? `Orca's checked correction (lints clean for ${v.resolved}):\n\`\`\`python\n${c.corrected.trim()}\n\`\`\``
          : ""),
    );
  }
  if (apis.length > 0) parts.push(`API facts for ${v.resolved}:\n${apiFacts(apis)}`);
  if (input.errors && input.errors.length > 0)
    parts.push(
      `What Orca knows about the error quoted in the thread:\n${input.errors.map((e) => `- ${e}`).join("\n")}`,
    );
  if (sources.entries.length > 0)
    parts.push(
      `Sources you may cite:\n${sources.entries.map((e) => `[${e.n}] ${e.hit.title} (${e.hit.url})\n${clip(e.hit.text, 900)}`).join("\n\n")}`,
    );
  return parts.join("\n\n");
}

export function repairMessage(problems: string[]): string {
  return `Orca's checks rejected your draft:\n${problems.map((p) => `- ${p}`).join("\n")}\nFix these problems and send the whole answer again. Use only APIs that exist in the asker's version.`;
}
