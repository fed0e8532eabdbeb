// Markdown (what the answer pipeline writes) → Slack mrkdwn (what Slack renders).
// Code is kept verbatim apart from the three characters Slack requires escaped everywhere: & < >.
//
// Why not Slack's `markdown` block (standard Markdown, Slack translates it; 12,000 characters per message)?
// Evaluated on Orca's real answers (code fences with a language, bullet and numbered lists, links, bold and italic
// labels, occasionally a GFM table). This converter renders all of them; tables were the one gap, now drawn as an
// aligned monospace grid with their links listed under it. The markdown block was not adopted because:
// - safety: here Orca escapes every `<`, `>` and `&` itself and tests check the exact bytes posted, so model output
//   can never become `<!channel>` or `<@U…>`; in a markdown block Slack's translation decides, which its docs do
//   not specify and no test of ours can pin;
// - reading back: Slack stores a markdown block as the blocks it translates it into ("a single block may result in
//   multiple blocks"), so the thread reader and the reply lookup would have to parse Slack's private translation
//   instead of the section text Orca posted;
// - length: 12,000 characters cumulative per message, against 50 sections of 3,000 here, so long answers would
//   become several messages and break one reply per question (its ts, its metadata, exactly-once delivery);
// - tables: Slack's own reference has listed them both as unsupported and as supported, so they are not a
//   reliable gain.
// What it would add, syntax highlighting of fenced code, does not outweigh these.

const FENCE = /^\s*(```|~~~)/;

/** Escapes the characters Slack treats as control sequences. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface MrkdwnOptions {
  /** Whether an http(s) link may be shown as a link (a Slack permalink from a channel that is not allowed may not). */
  linkAllowed?: (url: string) => boolean;
}

/** Only http(s) targets are links: anything else inside `<…>` is a Slack control sequence (`<!channel>`, `<@U…>`). */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * A Slack link; `|` and `>` would end the link early, so they are dropped from the label. A target that is not an
 * allowed http(s) URL gives the label alone, as plain escaped text.
 */
export function slackLink(url: string, label?: string, options: MrkdwnOptions = {}): string {
  const text = (label ?? "").replace(/[|>]/g, " ").trim();
  if (!isWebUrl(url) || options.linkAllowed?.(url) === false) return escapeMrkdwn(text);
  const safeUrl = url.replace(/[<>|\s]/g, encodeURIComponent);
  if (!text) return `<${safeUrl}>`;
  return `<${safeUrl}|${escapeMrkdwn(text)}>`;
}

export function markdownToMrkdwn(markdown: string, options: MrkdwnOptions = {}): string {
  const out: string[] = [];
  let fence: string | null = null;
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opener = FENCE.exec(line);
    if (fence !== null) {
      if (opener && opener[1] === fence && line.trim() === fence) {
        out.push("```");
        fence = null;
      } else {
        out.push(escapeMrkdwn(line));
      }
      continue;
    }
    if (opener) {
      // Slack shows a language tag as a first code line, so it is dropped.
      fence = opener[1] ?? "```";
      out.push("```");
      continue;
    }
    const table = readTable(lines, i);
    if (table) {
      out.push(...renderTable(table, options));
      i = table.end - 1;
      continue;
    }
    const converted = convertLine(line, options);
    // Collapse runs of blank prose lines (code keeps its own blank lines).
    if (converted.trim() === "" && (out.at(-1) ?? "").trim() === "" && out.length > 0) continue;
    out.push(converted);
  }
  if (fence !== null) out.push("```");
  return out.join("\n");
}

function convertLine(line: string, o: MrkdwnOptions): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `*${convertInline((heading[1] ?? "").replace(/\*\*|__/g, ""), o)}*`;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return "";
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${indent(bullet[1] ?? "")}• ${convertInline(bullet[2] ?? "", o)}`;
  const ordered = /^(\s*)(\d+)[.)]\s+(.*)$/.exec(line);
  if (ordered) return `${indent(ordered[1] ?? "")}${ordered[2]}. ${convertInline(ordered[3] ?? "", o)}`;
  const quote = /^\s*>\s?(.*)$/.exec(line);
  if (quote) return `> ${convertInline(quote[1] ?? "", o)}`;
  return convertInline(line, o);
}

function indent(spaces: string): string {
  const level = Math.floor(spaces.replace(/\t/g, "  ").length / 2);
  return "    ".repeat(level);
}

/** Inline spans: code is protected first, then links, then emphasis. */
export function convertInline(text: string, options: MrkdwnOptions = {}): string {
  const held: string[] = [];
  const hold = (value: string) => `\uE000${held.push(value) - 1}\uE001`;

  let s = text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, ticks: string, code: string) =>
    hold(`\`${escapeMrkdwn(code.trim() === "" ? code : ticks.length > 1 ? code.trim() : code)}\``),
  );
  s = s.replace(/!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) =>
    hold(slackLink(url, label || url, options)),
  );
  s = s.replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) => hold(slackLink(url, undefined, options)));
  s = escapeMrkdwn(s);
  s = s.replace(
    /\*\*(?!\s)([^*\n]+?)\*\*|__(?!\s)([^_\n]+?)__/g,
    (_m, a?: string, b?: string) => `\uE002${a ?? b}\uE002`,
  );
  s = s.replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?![*\w])/g, "$1_$2_");
  s = s.replace(/~~(?!\s)([^~\n]+?)~~/g, "~$1~");
  s = s.replace(/\uE002/g, "*");
  return s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => held[Number(i)] ?? "");
}

/** A GFM table: a header row, a delimiter row (`|---|:--:|`), then body rows up to the first line without `|`. */
interface Table {
  rows: string[][];
  align: Array<"left" | "center" | "right">;
  /** Index of the first line after the table. */
  end: number;
}

const DELIMITER_CELL = /^\s*(:?)-+(:?)\s*$/;

/** Splits a table row at `|`, except an escaped `\|` or one inside a code span; outer pipes are optional. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let ticks = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "\\" && line[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "`") {
      let run = 1;
      while (line[i + run] === "`") run++;
      ticks = ticks === 0 ? run : ticks === run ? 0 : ticks;
      cell += "`".repeat(run);
      i += run - 1;
    } else if (c === "|" && ticks === 0) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith("|")) cells.shift();
  if (trimmed.endsWith("|") && !trimmed.endsWith("\\|") && cells.length > 0) cells.pop();
  return cells.map((c) => c.trim());
}

function readTable(lines: string[], start: number): Table | null {
  const header = lines[start] ?? "";
  const delimiter = lines[start + 1] ?? "";
  if (!header.includes("|") || !delimiter.includes("|")) return null;
  const delimiterCells = splitRow(delimiter);
  if (delimiterCells.length === 0 || !delimiterCells.every((c) => DELIMITER_CELL.test(c))) return null;
  const head = splitRow(header);
  if (head.length !== delimiterCells.length) return null;
  const align = delimiterCells.map((c) => {
    const [, left, right] = DELIMITER_CELL.exec(c) ?? [];
    return left && right ? "center" : right ? "right" : "left";
  });
  const rows = [head];
  let end = start + 2;
  while (end < lines.length && (lines[end] ?? "").includes("|") && (lines[end] ?? "").trim() !== "") {
    rows.push(splitRow(lines[end] ?? ""));
    end++;
  }
  return { rows, align, end };
}

/** A cell as plain text: code ticks and emphasis marks go, a link keeps its label (and is listed under the grid). */
function plainCell(cell: string, links: Array<[string, string]>): string {
  return cell
    .replace(/(`+)([\s\S]*?)\1/g, (_m, _t: string, code: string) => code.trim())
    .replace(/!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => {
      links.push([url, label || url]);
      return label || url;
    })
    .replace(/\*\*|__|~~/g, "")
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?![*\w])/g, "$1$2");
}

function pad(text: string, width: number, align: Table["align"][number]): string {
  const gap = width - [...text].length;
  if (align === "right") return " ".repeat(gap) + text;
  if (align === "center") return " ".repeat(Math.floor(gap / 2)) + text + " ".repeat(Math.ceil(gap / 2));
  return text + " ".repeat(gap);
}

/**
 * Slack mrkdwn has no tables: the table becomes a monospace grid (columns padded to their widest cell, aligned as
 * the delimiter row says) in a code block, and the links its cells held follow it as a list, still clickable.
 */
function renderTable(table: Table, options: MrkdwnOptions): string[] {
  const links: Array<[string, string]> = [];
  const columns = table.align.length;
  const cells = table.rows.map((row) =>
    Array.from({ length: columns }, (_, c) => plainCell(row[c] ?? "", links).replace(/\s+/g, " ")),
  );
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...cells.map((row) => [...(row[c] ?? "")].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, table.align[c] ?? "left"))
      .join(" | ")
      .trimEnd();
  const [head = [], ...body] = cells;
  const grid = [line(head), widths.map((w) => "-".repeat(w)).join("-+-"), ...body.map(line)];
  const linkLines: string[] = [];
  const seen = new Set<string>();
  for (const [url, label] of links) {
    const link = slackLink(url, label, options);
    // A target that may not be a link (not http(s), or a permalink that may not be cited) stays a label in the grid.
    if (seen.has(url) || !link.startsWith("<")) continue;
    seen.add(url);
    linkLines.push(`• ${link}`);
  }
  return ["```", ...grid.map(escapeMrkdwn), "```", ...linkLines];
}
