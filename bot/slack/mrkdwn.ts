// Markdown (what the answer pipeline writes) → Slack mrkdwn (what Slack renders).
// Code is kept verbatim apart from the three characters Slack requires escaped everywhere: & < >.

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
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
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
