// Inline code as Python: a chain of names, attribute accesses and calls (`await Automation.aread(name="x")`,
// `my_flow.from_source(url, entrypoint="f.py:f").deploy(name="n")`, `task_runner=ThreadPoolTaskRunner(max_workers=4)`).
// Hand-written rather than a Python grammar package: only this one shape is read, anything else (operators,
// subscripts, lambdas) is left unread, and a Python parser for Node would cost more per draft than the whole check.

export interface CallArg {
  /** The keyword when the argument is `name=value`. */
  keyword?: string;
  /** The argument's source text (the value for a keyword argument). */
  value: string;
}

export interface ChainStep {
  name: string;
  /** The call's arguments when the step is called (`name(...)`); absent for a plain attribute. */
  args?: CallArg[];
}

export interface PythonChain {
  /** `kw=` when the span is a keyword argument written alone (`task_runner=X(...)`): the chain is its value. */
  keyword?: string;
  steps: ChainStep[];
}

const isStart = (ch: string | undefined) =>
  ch !== undefined && ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || ch === "_");
const isPart = (ch: string | undefined) => isStart(ch) || (ch !== undefined && ch >= "0" && ch <= "9");
const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Where the bracket opened at `open` closes (quotes and nested brackets skipped), or -1. */
function closing(text: string, open: number): number {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (Object.hasOwn(OPENERS, ch)) stack.push(OPENERS[ch]!);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    } else if (ch === ")" || ch === "]" || ch === "}") return -1;
  }
  return -1;
}

/** The arguments of a call, split at top-level commas (`Cron("0 2 * * *", timezone="UTC")` stays one argument). */
export function splitArgs(text: string): CallArg[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (Object.hasOwn(OPENERS, ch)) depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const m = keywordOf(p);
      return m ? { keyword: m.name, value: m.rest } : { value: p };
    });
}

/** `name=rest` (not `==`): the keyword and its value. */
function keywordOf(text: string): { name: string; rest: string } | undefined {
  let i = 0;
  while (isPart(text[i])) i++;
  if (i === 0 || !isStart(text[0])) return undefined;
  let j = i;
  while (text[j] === " ") j++;
  if (text[j] !== "=" || text[j + 1] === "=") return undefined;
  return { name: text.slice(0, i), rest: text.slice(j + 1).trim() };
}

/** The chain a span of inline code is, or undefined when it is anything else. */
export function parseChain(span: string): PythonChain | undefined {
  let text = span.trim();
  if (text.startsWith("await ")) text = text.slice(6).trim();
  // `async with atransaction():`, `with concurrency("db") as slot:`: the context manager's call is the chain.
  const managed = /^(?:async\s+)?with\s+(.+?)(?:\s+as\s+\w+)?\s*:?$/.exec(text);
  if (managed) text = managed[1]!.trim();
  const kw = keywordOf(text);
  if (kw && isStart(kw.rest[0])) {
    const value = parseChain(kw.rest);
    return value && !value.keyword ? { keyword: kw.name, steps: value.steps } : undefined;
  }
  const steps: ChainStep[] = [];
  let i = 0;
  for (;;) {
    if (!isStart(text[i])) return undefined;
    const from = i;
    while (isPart(text[i])) i++;
    const step: ChainStep = { name: text.slice(from, i) };
    if (text[i] === "(") {
      const end = closing(text, i);
      if (end < 0) return undefined;
      step.args = splitArgs(text.slice(i + 1, end));
      i = end + 1;
    }
    steps.push(step);
    if (i === text.length) return steps.length > 0 ? { steps } : undefined;
    if (text[i] !== ".") return undefined;
    i++;
  }
}
