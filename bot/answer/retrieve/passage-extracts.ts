// Short extracts from retrieved passages: one line per source, and for conceptual questions the key points of the
// best note (sentences and bullets that share the most words with the question), never a raw dump.
import { type PrefectMajor, replaceCodeFences, splitFrontMatter } from "../../../core/index.js";
import { splitSentences } from "../understand/index.js";

const WORD = /[a-z_][a-z0-9_]+/g;
const COMMON = new Set(
  "the and for with that this from are you your can use how what when which into have has not but its does was will be to of in on a an is it or as by at do i my we".split(
    " ",
  ),
);

/** Content words, crudely stemmed (plural s dropped) so "tasks" meets "task". */
function words(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(WORD) ?? [])
      .filter((w) => !COMMON.has(w) && w.length > 2)
      .map((w) => (w.length > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w)),
  );
}

/** Markdown tables as bullets ("`docker`: worker package `prefect-docker`; start it …"), one per row. */
export function tablesToBullets(markdown: string): string {
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const isTable = /^\s*\|.*\|\s*$/.test(lines[i]!) && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? "");
    if (!isTable) {
      out.push(lines[i]!);
      continue;
    }
    const header = cells(lines[i]!);
    i += 2;
    for (; i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]!); i++) {
      const row = cells(lines[i]!);
      const rest = row.slice(1).map((c, j) => `${(header[j + 1] ?? "").toLowerCase()} ${c}`.trim());
      out.push(`- ${ROW}${row[0]}: ${rest.join("; ")}`);
    }
    out.push("");
    i--;
  }
  return out.join("\n");
}

/** Drops front matter, code fences, HTML/MDX tags and link targets; keeps prose and bullets. */
export function proseOf(markdown: string): string {
  return (
    replaceCodeFences(splitFrontMatter(markdown).body, () => "\n")
      .replace(/^\s*\|.*$/gm, "")
      // Tags go (MDX leftovers), but not placeholders inside inline code: `prefect flow-run cancel <id>`.
      .replace(/`[^`\n]*`|<[^>\n]+>/g, (m) => (m.startsWith("`") ? m : " "))
      .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
      .replace(/\r/g, "")
  );
}

export interface Unit {
  text: string;
  order: number;
  heading: string;
  /** Rows of one Markdown table share a number. */
  table?: number;
  /** Items of one bulleted or numbered list share a number. */
  list?: number;
}

/** Marks bullets made from table rows, so that a table's rows can be kept together. */
const ROW = "\u2060";

/** A developer's note left in a docstring ("TODO\: stop overriding this method"): nothing an asker can use. */
const DEV_NOTE = /^(?:TODO|FIXME|XXX|HACK)\b/;

/** Sentences and bullet items of a Markdown passage, in order, without code, tables or too-short fragments. */
export function units(markdown: string): Unit[] {
  const out: Unit[] = [];
  let heading = "";
  let order = 0;
  let tables = 0;
  let lists = 0;
  let lastWasItem = false;
  for (const block of proseOf(tablesToBullets(markdown)).split(/\n\s*\n/)) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      for (const s of splitSentences(paragraph.join(" "))) out.push({ text: s, order: order++, heading });
      paragraph = [];
    };
    let inBullet = false;
    for (const line of lines) {
      if (/^#{1,6}\s/.test(line)) {
        flush();
        lastWasItem = false;
        inBullet = false;
        heading = line.replace(/^#+\s*/, "");
      } else if (/^(?:[-*+]|\d+[.)])\s+/.test(line)) {
        flush();
        inBullet = true;
        const text = line.replace(/^(?:[-*+]|\d+[.)])\s+/, "");
        if (!text.startsWith(ROW)) {
          if (!(out.length > 0 && out[out.length - 1]!.list === lists && lastWasItem)) lists++;
          out.push({ text, order: order++, heading, list: lists });
          lastWasItem = true;
        } else {
          if (out[out.length - 1]?.table !== tables) tables++;
          out.push({ text: text.slice(ROW.length), order: order++, heading, table: tables });
        }
      } else if (inBullet && out.length > 0) {
        // a wrapped bullet: the line continues the previous item
        out[out.length - 1]!.text += ` ${line}`;
      } else {
        paragraph.push(line);
        lastWasItem = false;
      }
    }
    flush();
  }
  // Inline code spans are prose ("`from x import y` creates ..."); only bare code lines are left out.
  // Only a line that starts like a statement is code; prose may say "its return value (and …)".
  const looksLikeCode = (t: string) => {
    const s = t.replace(/`[^`]*`/g, "x").trim();
    return /^(?:(?:def|class)\s+\w+\s*[(:]|(?:from\s+[\w.]+\s+)?import\s+\w|return\b|@(?:task|flow)\b)|\w\(\)\s*\w/.test(
      s,
    );
  };
  return out
    .map((u) => ({ ...u, text: u.text.replace(/^(?:Question|Answer):\s*/i, "").replace(/^@\w+\s+/, "") }))
    .filter((u) => u.text.length >= 25 && /[a-z]/.test(u.text) && !looksLikeCode(u.text) && !DEV_NOTE.test(u.text));
}

function otherMajorHeading(heading: string, major: PrefectMajor): boolean {
  const other = major === 3 ? 2 : 3;
  return (
    new RegExp(`\\b(?:prefect\\s*)?${other}(?:\\.x)?\\b`, "i").test(heading) &&
    !new RegExp(`\\b${major}\\b`).test(heading)
  );
}

/** The key points of a passage for a question: up to `max` units, in their original order. */
export function keyPoints(markdown: string, question: string, major: PrefectMajor, max = 4): string[] {
  const q = words(question);
  const scored = units(markdown)
    .filter((u) => !otherMajorHeading(u.heading, major))
    .map((u) => {
      const w = words(u.text);
      let overlap = 0;
      for (const t of w) if (q.has(t)) overlap++;
      // Early sentences carry the definition; overlap carries relevance.
      return { u, score: overlap * 2 + Math.max(0, 3 - u.order * 0.5) + (u.text.includes("**") ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .sort((a, b) => a.u.order - b.u.order);
  return scored.map((s) => clip(s.u.text, 320));
}

/** One short line describing a passage. */
export function brief(markdown: string, question: string, major: PrefectMajor): string {
  return keyPoints(markdown, question, major, 1)[0] ?? clip(proseOf(markdown).replace(/\s+/g, " ").trim(), 160);
}

export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  const body = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:(`*\s]+$/, "");
  // Keep inline code spans balanced.
  return (body.split("`").length % 2 === 0 ? `${body}\`` : body) + "…";
}
