// How the facts about an API name read in an answer: a verdict line and one detail line per name.
import { type ApiFinding, clip, formatParams } from "../retrieve/index.js";

/**
 * The verdict on one API name for the asker's release. Asked whether it was removed ("did X go away?"), yes and no
 * swap: "Yes: X is gone" answers that question, where "No: X is gone" reads as a denial.
 */
export function apiVerdict(f: ApiFinding, asksGone = false): string {
  const name = f.fq ? `\`${f.fq}\`` : `\`${f.asked}\``;
  switch (f.status) {
    case "present":
      return asksGone
        ? `**No: ${name} is still in Prefect ${f.release}**${f.deprecated ? ", though deprecated" : ""}.`
        : `**Yes: ${name} exists in Prefect ${f.release}**${f.since ? ` (since ${f.since})` : ""}.`;
    case "removed":
      // What to use instead is what someone whose import broke asks next: it follows the verdict.
      return `**${asksGone ? "Yes" : "No"}: ${name} is gone in Prefect ${f.release}**; the last release with it is ${f.boundary}.${f.replacement ? ` ${sentence(f.replacement)}` : ""}`;
    case "not-yet":
      return `**No: ${name} is not in Prefect ${f.release} yet**; it first appears in ${f.boundary}.`;
    default:
      return /^Flow\.submit$|\.Flow\.submit$/.test(f.asked)
        ? `**No: plain \`Flow\` objects have no \`submit\` in any Prefect release.**`
        : `**No: ${name} is not part of Prefect's public API in any release Orca knows.**`;
  }
}

/**
 * The finding a verdict is about: "can I use `ProcessPoolTaskRunner` from `prefect.task_runners`?" asks about the
 * class; the module it names is where the class lives, so a name inside another named one comes first.
 */
export function verdictFinding(apis: readonly ApiFinding[]): ApiFinding | undefined {
  const named = (f: ApiFinding) => f.fq ?? f.asked;
  return apis.find((f) => !apis.some((o) => o !== f && named(o).startsWith(`${named(f)}.`))) ?? apis[0];
}

export function apiDetails(f: ApiFinding): string {
  const name = f.fq ?? f.asked;
  const parts: string[] = [];
  if (f.status === "present") {
    const until = f.until && f.until !== f.release ? `, present until ${f.until}` : "";
    parts.push(`in ${f.release}: yes${f.since ? ` (since ${f.since}${until})` : ""}`);
    if (f.deprecated) parts.push(`deprecated${f.replacement ? `; ${f.replacement}` : ""}`);
  } else if (f.status === "removed") {
    parts.push(`in ${f.release}: no (existed ${f.since ?? "?"} to ${f.boundary})`);
    if (f.replacement) parts.push(`instead: ${withoutStop(f.replacement)}`);
  } else if (f.status === "not-yet") {
    parts.push(`in ${f.release}: no (added in ${f.boundary})`);
  } else {
    parts.push("not found in any release from 2.0.0 to the newest");
    if (f.suggestions.length > 0) parts.push(`close matches: ${f.suggestions.map((s) => `\`${s}\``).join(", ")}`);
  }
  if (f.params && f.status !== "unknown") parts.push(`parameters: ${formatParams(f.params)}`);
  if (f.returns) parts.push(`returns \`${clip(f.returns, 80)}\``);
  if (f.importLine && f.status === "present") parts.push(`import: \`${f.importLine}\``);
  return `- \`${name}\`: ${parts.join("; ")}.`;
}

/** A fact's text as a sentence of its own: it ends with a stop. */
function sentence(text: string): string {
  const t = text.trim();
  return t.endsWith(".") ? t : `${t}.`;
}

/** A fact's text inside a longer line, which supplies its own stop. */
function withoutStop(text: string): string {
  const t = text.trim();
  return t.endsWith(".") ? t.slice(0, -1) : t;
}
