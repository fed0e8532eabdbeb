// Turns MDX into plain Markdown: components dropped with their inner text kept, imports/exports and JSX comments
// removed, fenced code kept byte for byte (only the fence's info string is reduced to the language).

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)?.*$/;

export interface CodeFence {
  marker: string;
  language: string;
}

/** Returns the fence opened by this line, if any. */
export function openingFence(line: string): CodeFence | null {
  const m = FENCE.exec(line);
  if (!m) return null;
  return { marker: m[2] ?? "```", language: (m[3] ?? "").toLowerCase() };
}

export function closesFence(line: string, fence: CodeFence): boolean {
  const t = line.trim();
  return t.startsWith(fence.marker) && t.replace(/[`~]/g, "") === "";
}

export function mdxToMarkdown(source: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) out.push(cleanProse(prose.join("\n")));
    prose = [];
  };
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = openingFence(line);
    if (!fence) {
      prose.push(line);
      continue;
    }
    flushProse();
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? "";
      if (closesFence(l, fence)) break;
      code.push(indent > 0 ? l.replace(new RegExp(`^ {0,${indent}}`), "") : l);
    }
    out.push(`${fence.marker}${fence.language}\n${code.join("\n")}\n${fence.marker}`);
    i = j;
  }
  flushProse();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const INLINE_CODE = /`[^`\n]+`/g;
const COMPONENT_TAG = /<\/?[A-Za-z][\w.:-]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>/g;

function cleanProse(text: string): string {
  // Inline code may contain angle brackets (`<flow-name>`); keep it out of the tag stripping.
  const saved: string[] = [];
  let t = text.replace(INLINE_CODE, (m) => {
    saved.push(m);
    return `\u0000${saved.length - 1}\u0000`;
  });
  t = t
    .replace(/^\s*(?:import|export)\s.*$/gm, "")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    // Link targets are site-relative paths that only add noise to search; the link text stays.
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1");
  t = t.replace(COMPONENT_TAG, (tag) => {
    // A card's or tab's title attribute is often its only visible text.
    const title = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(tag);
    const label = title ? (title[1] ?? title[2] ?? "") : "";
    return label ? `\n**${label}**\n` : "\n";
  });
  t = t.replace(/^[ \t]+(?=\S)/gm, (indent) => (indent.length >= 4 ? "" : indent));
  return t.replace(/\u0000(\d+)\u0000/g, (_, n: string) => saved[Number(n)] ?? "");
}
