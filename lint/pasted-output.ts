// Output pasted into a code block under the code that raised it (an exception line, a traceback): not code. The
// snippet extractor keeps such a block whole and the linter checks the code above the output.

/**
 * A line at the margin that starts a traceback or states a raised exception; a bare exception name on a line of its own
 * (`PrefectImportError`) is output too: as code it would do nothing.
 */
const OUTPUT_LINE = /^(?:Traceback \(most recent call last\):|[A-Za-z_][\w.]*(?:Error|Exception|Warning)(?:: |\s*$))/;

/**
 * The code above the output pasted under it, for showing (a corrected snippet is the asker's code, not their traceback);
 * the source itself when it holds no output, or when it starts with output (then it is all output or all code).
 */
export function codeAbovePastedOutput(source: string): string {
  const lines = source.split("\n");
  const found = lines.findIndex((l) => OUTPUT_LINE.test(l));
  if (found <= 0) return source;
  const last = lastCodeLine(lines.slice(0, found));
  if (!last) return source;
  const code = lines.slice(0, found).join("\n").trimEnd();
  // A block header the paste cut short (`if count > 5:`) gets a body, so the code shown is code that parses.
  const body = bodyUnder(last, "...");
  return body ? `${code}\n${body}` : code;
}

/**
 * The snippet with pasted output blanked from its first output line on (offsets kept), and a body stubbed under a
 * block header the paste cut short (`if count < threshold:`); null when there is neither.
 */
export function withoutPastedOutput(source: string): string | null {
  const lines = source.split("\n");
  const found = lines.findIndex((l) => OUTPUT_LINE.test(l));
  if (found === 0) return null;
  const first = found < 0 ? lines.length : found;
  const kept = lines.map((l, i) => (i < first ? l : " ".repeat(l.length)));
  const last = lastCodeLine(kept.slice(0, first));
  if (!last) return null;
  const body = bodyUnder(last, "pass");
  // Neither output nor a header cut short: the syntax error is the code's own.
  if (found < 0 && body === "") return null;
  return kept.join("\n") + (body ? `\n${body}\n` : "");
}

/** The last line that is code: not blank, not a comment. */
function lastCodeLine(lines: readonly string[]): string | undefined {
  return lines.findLast((l) => l.trim() !== "" && !l.trim().startsWith("#"));
}

/** A one-line body one level under a block header (`if count > 5:`); "" under any other line. */
function bodyUnder(line: string, body: string): string {
  return line.trimEnd().endsWith(":") ? `${/^\s*/.exec(line)![0]}    ${body}` : "";
}
