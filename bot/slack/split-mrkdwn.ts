// Splits mrkdwn into pieces that each fit one section block (Slack rejects section text of 3,000 characters or more).
// Pieces break at paragraph boundaries; a code block is never cut open: when it must be split, each piece
// closes the fence and the next one reopens it.

export const SECTION_LIMIT = 2_900;

const FENCE_LINE = /^```/;
const CLOSE = "\n```";
const OPEN = "```\n";

interface Unit {
  text: string;
  code: boolean;
}

/** Paragraphs (separated by blank lines) and whole code blocks, in order. */
function units(mrkdwn: string): Unit[] {
  const out: Unit[] = [];
  let prose: string[] = [];
  let code: string[] | null = null;
  const flushProse = () => {
    if (prose.some((l) => l.trim() !== "")) out.push({ text: prose.join("\n").trim(), code: false });
    prose = [];
  };
  for (const line of mrkdwn.split("\n")) {
    if (code !== null) {
      code.push(line);
      if (FENCE_LINE.test(line.trim()) && code.length > 1) {
        out.push({ text: code.join("\n"), code: true });
        code = null;
      }
      continue;
    }
    if (FENCE_LINE.test(line.trim())) {
      flushProse();
      code = [line];
      continue;
    }
    if (line.trim() === "") flushProse();
    else prose.push(line);
  }
  if (code !== null) out.push({ text: `${code.join("\n")}${CLOSE}`, code: true });
  flushProse();
  return out;
}

/** Cuts a single over-long line at a space when possible. */
function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(" ", limit);
    const at = space > limit / 2 ? space : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, "");
  }
  pieces.push(rest);
  return pieces;
}

/** Packs lines into pieces of at most `limit` characters, joined by newlines. */
function packLines(lines: string[], limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const raw of lines) {
    for (const line of cutLine(raw, limit)) {
      const next = current === "" ? line : `${current}\n${line}`;
      if (next.length <= limit) {
        current = next;
        continue;
      }
      if (current !== "") pieces.push(current);
      current = line;
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

function splitUnit(unit: Unit, limit: number): string[] {
  if (!unit.code) return packLines(unit.text.split("\n"), limit);
  const lines = unit.text.split("\n").slice(1, -1);
  const inner = limit - OPEN.length - CLOSE.length;
  return packLines(lines, inner).map((body) => `${OPEN}${body}${CLOSE}`);
}

export function splitMrkdwn(mrkdwn: string, limit = SECTION_LIMIT): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const unit of units(mrkdwn)) {
    const joined = current === "" ? unit.text : `${current}\n\n${unit.text}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current !== "") chunks.push(current);
    current = "";
    if (unit.text.length <= limit) {
      current = unit.text;
      continue;
    }
    const pieces = splitUnit(unit, limit);
    current = pieces.pop() ?? "";
    chunks.push(...pieces);
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
