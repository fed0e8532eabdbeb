// Tells Python from prefect.yaml, shell commands and anything else, line by line and for whole blocks.
import type { SnippetLanguage } from "../core/index.js";

const PYTHON_LINE = [
  /^from\s+[\w.]+\s+import\s+[\w*(]/,
  /^import\s+[\w.]+(\s+as\s+\w+)?(\s*,\s*[\w.]+(\s+as\s+\w+)?)*\s*$/,
  /^@[A-Za-z_][\w.]*(\(.*)?$/,
  /^(async\s+)?def\s+\w+\s*\(/,
  /^class\s+\w+\s*[(:]/,
  /^(return|yield|raise|await|assert|del|global|nonlocal)\b/,
  /^(pass|break|continue|\.\.\.)\s*(#.*)?$/,
  /^(try|else|finally)\s*:/,
  /^(except|elif)\b.*:\s*(#.*)?$/,
  /^(if|for|while|with|async\s+for|async\s+with)\s.*:\s*(#.*)?$/,
  /^[A-Za-z_][\w.]*(\[[^\]]*\])?(\s*,\s*[A-Za-z_][\w.]*)*\s*(:\s*[\w.[\], |]+\s*)?([-+*/|&]?=)(?!=)\s*\S/,
  /^[A-Za-z_][\w.]*(\[[^\]]*\])?\s*\(.*$/,
  /^[)\]}]+[,:)]*\s*(#.*)?$/,
];

// A command's first argument never starts with a digit: "prefect 2.19.3. why does this fail?" is prose.
const SHELL_LINE =
  /^(\$\s+)?(prefect|pip3?|uv|uvx|python3?|docker|kubectl|helm|export|journalctl|systemctl|poetry|conda|curl|git|cd|source|npm|npx)\s+(?!\d)[-\w./"'=:@<>]/;
const YAML_ROOT = /^(deployments|pull|build|push|prefect-version|definitions|work_pool|name|entrypoint|schedules?):/;
const YAML_LINE = /^(\s*-\s+\S|\s*[\w.-]+:(\s+\S.*)?\s*$|\s*#.*$)/;
/** A frame line of a Python traceback: the code lines under it are quoted from files, not code to check. */
const TRACEBACK_FRAME = /^\s*File "[^"\n]+", line \d+/m;
const PREFECT_YAML_KEY =
  /^\s*(-\s+)?(deployments|work_pool|pull|build|push|prefect-version|entrypoint|job_variables):/m;

/** Whether a text quotes a Python traceback's frames (`File "…", line 12, in …`). */
export function quotesTraceback(text: string): boolean {
  return TRACEBACK_FRAME.test(text);
}

export function isPythonLine(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.length > 400) return false;
  return PYTHON_LINE.some((re) => re.test(t)) && !isProseLine(t);
}

/** Keywords (and soft keywords) that may stand next to another bare word in valid Python. */
const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type print exec".split(
    " ",
  ),
);
const WORD_AFTER_VALUE = /[)\]}0-9][ \t]+([A-Za-z_]\w*)(?![\w'"(])/g;
const WORD_PAIR = /(?<![\w.'"])([A-Za-z_]\w*)[ \t]+([A-Za-z_]\w*)(?![\w'"(])/g;

/**
 * True for a sentence that happens to start like code ("@Orca is this right?", "for example:", "with prefect 3 this
 * fails:"). Outside strings and comments, two plain words side by side never occur in Python unless one of them is a
 * keyword, and a question mark never does.
 */
export function isProseLine(line: string): boolean {
  const code = stripStringsAndComment(line.trim());
  if (code.includes("?")) return true;
  for (const m of code.matchAll(WORD_PAIR)) {
    if (!KEYWORDS.has(m[1]!) && !KEYWORDS.has(m[2]!)) return true;
  }
  // "print(x) works", "retries 3 times": a word right after a closing bracket, a string or a number.
  for (const m of code.matchAll(WORD_AFTER_VALUE)) {
    if (!KEYWORDS.has(m[1]!)) return true;
  }
  return false;
}

function stripStringsAndComment(line: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) {
        quote = null;
        out += "0";
      }
      continue;
    }
    if (ch === "#") break;
    if (ch === '"' || ch === "'") quote = ch;
    else out += ch;
  }
  return out;
}

export function isShellLine(line: string): boolean {
  return SHELL_LINE.test(line.trim());
}

export function isYamlRootLine(line: string): boolean {
  return YAML_ROOT.test(line);
}

export function isYamlLine(line: string): boolean {
  return YAML_LINE.test(line);
}

/** Best guess for a whole block; `hint` is a fence's language tag, when there was one. */
export function classifyBlock(code: string, hint?: string): SnippetLanguage {
  const tag = hint?.toLowerCase();
  if (tag === "python" || tag === "py" || tag === "python3") return "python";
  if (tag === "yaml" || tag === "yml") return "yaml";
  if (tag === "bash" || tag === "sh" || tag === "shell" || tag === "console" || tag === "zsh") return "shell";
  const lines = code.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  if (lines.length === 0 || TRACEBACK_FRAME.test(code)) return "text";
  const python = lines.filter(isPythonLine).length;
  const shell = lines.filter(isShellLine).length;
  const yaml = lines.filter(isYamlLine).length;
  if (PREFECT_YAML_KEY.test(code) && yaml >= lines.length * 0.7 && python < lines.length / 2) return "yaml";
  if (shell > 0 && shell >= python) return "shell";
  if (python >= Math.max(1, lines.length * 0.4)) return "python";
  if (yaml === lines.length && lines.length >= 2) return "yaml";
  return "text";
}
