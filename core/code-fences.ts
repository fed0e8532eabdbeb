// Fenced code blocks (```lang … ```) in Markdown and Slack text: one pattern for the linter's snippet extraction, the
// verifier, the claim checker's segmenter, the note library, the passage extracts, triage and the change facts.
// A fence left open runs to the end of the text (Slack messages are often cut off). The text after the opening
// backticks is the info string: a language tag ("python", "py title=x") or, in Slack, already the first line of code.
// Hand-written rather than an mdast parse: Slack text is not CommonMark (fences open mid-line, stay open), and the
// callers need character offsets into the text as written.
// Slack also sends a one-line block with both fences on the line ("```from prefect import flow```"): its text is the
// body, not an info string, and the pattern must not read its closing fence as the opening of a block that runs on.

const FENCE = /```([^\n`]+)```|```([^\n`]*)(?:\n|$)([\s\S]*?)(```|$)/g;

export interface CodeFence {
  /** Offsets of the whole block, backticks included. */
  start: number;
  end: number;
  /** What follows the opening backticks on their line. */
  info: string;
  /** The info string's leading language word, lower-cased ("" when there is none). */
  lang: string;
  /** The text between the fences. */
  body: string;
  /** False when the text ends before a closing fence. */
  closed: boolean;
}

/** Every fenced block of a text, in order. */
export function codeFences(text: string): CodeFence[] {
  return [...text.matchAll(FENCE)].map((m) => {
    const info = m[2] ?? "";
    return {
      start: m.index,
      end: m.index + m[0].length,
      info,
      lang: (/^\s*([\w+-]*)/.exec(info)?.[1] ?? "").toLowerCase(),
      body: m[1] ?? m[3] ?? "",
      closed: m[1] !== undefined || m[4] === "```",
    };
  });
}

/** The text with each fenced block replaced by what `replace` returns for it. */
export function replaceCodeFences(text: string, replace: (fence: CodeFence) => string): string {
  let out = "";
  let last = 0;
  for (const fence of codeFences(text)) {
    out += text.slice(last, fence.start) + replace(fence);
    last = fence.end;
  }
  return out + text.slice(last);
}
