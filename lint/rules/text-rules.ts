// Rules that read the text rather than the syntax tree, because what they find usually stops the code from parsing:
// Slack mangling (links, entities, smart quotes, odd spaces) and a broken `if __name__ == "__main__":` guard.
import type { TextEdit } from "../../core/index.js";
import { SLACK_ANGLE, slackAngleText } from "../unmangle-slack.js";
import type { Draft } from "./draft.js";
import { scanRegions } from "./source-regions.js";

const ENTITY = /&(lt|gt|amp);/g;
const ENTITY_TEXT: Record<string, string> = { lt: "<", gt: ">", amp: "&" };
const SMART = /[\u201C\u201D\u201E\u2018\u2019\u201A\u00A0\u202F]|\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
const SMART_TEXT: Record<string, string> = {
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u00A0": " ",
  "\u202F": " ",
};

interface Found {
  edit: TextEdit;
  what: string;
  inCode: boolean;
}

/** Slack links, HTML entities, smart quotes and invisible characters that Slack or a chat client put into code. */
export function findSlackMangling(code: string): Draft[] {
  const regions = scanRegions(code);
  const found: Found[] = [];

  for (const m of code.matchAll(SLACK_ANGLE)) {
    const where = regions.kindAt(m.index);
    if (where === "comment") continue;
    const target = m[1]!;
    const label = m[2];
    // Inside a string literal only Slack's automatic form is mangling; `<https://x|click here>` may be deliberate.
    if (where === "string" && !isAutomaticLink(target, label)) continue;
    const shown = slackAngleText(target, label, where === "string");
    found.push({
      edit: { start: m.index, end: m.index + m[0].length, text: shown },
      what: `Slack link \`${m[0]}\` stands for \`${shown}\``,
      inCode: where === "code",
    });
  }

  const entities = [...code.matchAll(ENTITY)];
  const entityInCode = entities.some((m) => regions.kindAt(m.index) === "code");
  for (const m of entities) {
    const where = regions.kindAt(m.index);
    // Entities only inside strings may be real HTML; they count as mangling once some appear in plain code.
    if (where === "comment" || (where === "string" && !entityInCode)) continue;
    found.push({
      edit: { start: m.index, end: m.index + m[0].length, text: ENTITY_TEXT[m[1]!]! },
      what: `HTML entity \`${m[0]}\` stands for \`${ENTITY_TEXT[m[1]!]}\``,
      inCode: where === "code",
    });
  }

  for (const m of code.matchAll(SMART)) {
    if (regions.kindAt(m.index) !== "code") continue;
    const ch = m[0];
    const replacement = SMART_TEXT[ch] ?? "";
    const what =
      replacement === " "
        ? "a non-breaking space"
        : replacement === ""
          ? "an invisible character"
          : `a smart quote \`${ch}\``;
    found.push({ edit: { start: m.index, end: m.index + 1, text: replacement }, what, inCode: true });
  }

  return groupByLine(code, found);
}

/** One diagnosis per line, carrying every edit on it. */
function groupByLine(code: string, found: Found[]): Draft[] {
  const byLine = new Map<number, Found[]>();
  for (const f of found.sort((a, b) => a.edit.start - b.edit.start)) {
    const lineStart = code.lastIndexOf("\n", f.edit.start - 1) + 1;
    const list = byLine.get(lineStart) ?? [];
    list.push(f);
    byLine.set(lineStart, list);
  }
  return [...byLine.values()].map((list) => {
    const whats = [...new Set(list.map((f) => f.what))];
    const inCode = list.some((f) => f.inCode);
    return {
      rule: "slack-mangled",
      severity: inCode ? "error" : "warning",
      offset: list[0]!.edit.start,
      message: `Slack rewrote this line when it was pasted: ${whats.slice(0, 3).join("; ")}${whats.length > 3 ? "; …" : ""}.`,
      fix: { description: "restore the text as it was typed", edits: list.map((f) => f.edit) },
    } satisfies Draft;
  });
}

function isAutomaticLink(target: string, label: string | undefined): boolean {
  if (label === undefined) return true;
  const bare = target.replace(/^(https?|ftp):\/\//, "").replace(/^mailto:/, "");
  return label === bare || label === target;
}

const GUARD =
  /^([ \t]*)if[ \t]+(\*{0,2}_{0,2}name_{0,2}\*{0,2})[ \t]*(={1,2})[ \t]*(["']?)(\*{0,2}_{0,2}main_{0,2}\*{0,2})(["']?)[ \t]*(:?)(.*)$/gm;

/** `if name == "__main__":` and its relatives: Slack ate the underscores, a quote or the colon. */
export function findBrokenMainGuard(code: string): Draft[] {
  const regions = scanRegions(code);
  const drafts: Draft[] = [];
  for (const m of code.matchAll(GUARD)) {
    const [whole, indent, name, op, q1, main, q2, colon, rest] = m as unknown as string[];
    const start = m.index + indent!.length;
    if (regions.kindAt(start) !== "code") continue;
    const canonical =
      name === "__name__" && op === "==" && q1 !== "" && q1 === q2 && main === "__main__" && colon === ":";
    if (canonical) continue;
    if (colon === "" && rest!.trim() !== "" && !rest!.trim().startsWith("#")) continue;
    // A bare `name` compared inside a block may be a real variable; at the top level it is the mangled guard.
    if (name === "name" && indent !== "") continue;
    const quote = q1 || q2 || '"';
    const replacement = `if __name__ == ${quote}__main__${quote}:`;
    const end = m.index + whole!.length - rest!.length;
    const problems: string[] = [];
    if (name !== "__name__") problems.push(`\`${name}\` should be \`__name__\``);
    if (op !== "==") problems.push("the comparison needs `==`");
    if (main !== "__main__" || q1 === "" || q1 !== q2) problems.push(`the value should be the string \`"__main__"\``);
    if (colon !== ":") problems.push("the line needs a trailing colon");
    drafts.push({
      rule: "main-guard",
      severity: "error",
      offset: start,
      message: `This entry-point guard never runs as intended: ${problems.join(", ")} (Slack formatting often eats the double underscores).`,
      fix: { description: "write the standard entry-point guard", edits: [{ start, end, text: replacement }] },
    });
  }
  return drafts;
}
