// Text → sentences with their place in the text. Fenced code is not prose (the linter checks it); archived messages
// break lines around inline code, so the lines of one paragraph or bullet are read as one run of text.

import { replaceCodeFences } from "../../core/index.js";
import { isSpace, squash } from "./text.js";

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** A major version the surrounding text is about ("If you're on Prefect 2.x:" above it), if any. */
  scopeMajor?: number;
}

const STOP = new Set([".", "!", "?"]);
const OPENERS: Record<string, string> = { "`": "`", '"': '"', "“": "”" };

/** Link targets (`](https://…)`) are addresses, not prose. */
const LINK_TARGET = /(?<=\])\([^)\s]*\)/g;

/** Prose of a markdown or archived text with fenced blocks and link targets replaced by spaces (same length). */
export function blankFences(text: string): string {
  const blank = (m: string) =>
    m
      .split("\n")
      .map((line) => " ".repeat(line.length))
      .join("\n");
  // Fenced blocks' lines are blanked so offsets stay true.
  return replaceCodeFences(text, (f) => blank(text.slice(f.start, f.end))).replace(LINK_TARGET, blank);
}

interface Unit {
  start: number;
  end: number;
}

/** Paragraphs and list items: a blank line, a bullet, a heading or a line ending in ":" closes a unit. */
function units(prose: string): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  let offset = 0;
  for (const line of prose.split("\n")) {
    const trimmed = line.trim();
    const lineStart = offset + line.indexOf(trimmed);
    offset += line.length + 1;
    if (trimmed === "") {
      current = null;
      continue;
    }
    const marker = listMarker(trimmed);
    if (current === null || marker > 0 || trimmed.startsWith("#")) {
      current = { start: lineStart + marker, end: lineStart + trimmed.length };
      out.push(current);
    } else current.end = lineStart + trimmed.length;
    if (trimmed.endsWith(":")) current = null;
  }
  return out;
}

/** Length of a leading list marker ("- ", "* ", "• ", "1. ", "2) "), or 0. */
function listMarker(line: string): number {
  const first = line[0] ?? "";
  if ("-*•".includes(first) && line[1] === " ") return 2;
  let i = 0;
  while (i < line.length && line[i]! >= "0" && line[i]! <= "9") i++;
  if (i > 0 && i < 3 && (line[i] === "." || line[i] === ")") && line[i + 1] === " ") return i + 2;
  return 0;
}

/** Sentences of a unit: a stop followed by white space and a capital, outside quotes and inline code. */
function splitUnit(prose: string, unit: Unit): Unit[] {
  const out: Unit[] = [];
  let start = unit.start;
  let open: string | null = null;
  for (let i = unit.start; i < unit.end; i++) {
    const ch = prose[i]!;
    if (open !== null) {
      if (ch === open) open = null;
      continue;
    }
    if (OPENERS[ch] && prose.indexOf(OPENERS[ch]!, i + 1) !== -1 && prose.indexOf(OPENERS[ch]!, i + 1) < unit.end) {
      open = OPENERS[ch]!;
      continue;
    }
    if (!STOP.has(ch) && ch !== ";") continue;
    let j = i + 1;
    while (j < unit.end && (prose[j] === ")" || prose[j] === "*" || prose[j] === "_")) j++;
    if (j >= unit.end || !isSpace(prose[j])) continue;
    let k = j;
    while (k < unit.end && isSpace(prose[k])) k++;
    const next = prose[k] ?? "";
    if (ch !== ";" && !(next >= "A" && next <= "Z") && next !== "`" && next !== "*") continue;
    if (ch === ";") continue; // clauses, not sentences: the extractors split them
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

/** "If you're on Prefect 2.x", "On 2.x:", "For Prefect 3": a unit that sets the release the next ones are about. */
function scopeOf(text: string): number | undefined {
  const words = text
    .toLowerCase()
    .split("")
    .map((ch) => ("*_:,".includes(ch) ? " " : ch))
    .join("")
    .split(" ")
    .filter(Boolean);
  if (words.length > 8) return undefined;
  const lead = new Set(["if", "on", "for", "in", "using", "with"]);
  if (!lead.has(words[0] ?? "")) return undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.startsWith("v") ? words[i]!.slice(1) : words[i]!;
    const major = Number.parseInt(w, 10);
    if ((major === 2 || major === 3) && (words[i - 1] === "prefect" || w.includes("."))) return major;
  }
  return undefined;
}

export function sentences(text: string): Sentence[] {
  const prose = blankFences(text);
  const out: Sentence[] = [];
  let scope: number | undefined;
  for (const unit of units(prose)) {
    const unitText = squash(prose.slice(unit.start, unit.end));
    // Only a lead-in ("If you're on Prefect 2.x:", "On 3.x") sets the release of what follows; a full sentence
    // that starts "In 2.x …" is a sentence of its own.
    const sets = scopeOf(unitText);
    const leadIn = unitText.trim().endsWith(":") || (unitText.split(" ").length <= 6 && !unitText.includes("`"));
    if (sets !== undefined && leadIn) {
      scope = sets;
      continue;
    }
    if (prose[unit.start] === "#") scope = undefined;
    for (const s of splitUnit(prose, unit)) {
      const raw = prose.slice(s.start, s.end);
      out.push({ text: squash(raw), start: s.start, end: s.end, scopeMajor: scope });
    }
  }
  return out;
}
