// Classifies questions that Orca should not (or cannot fully) answer as asked: nothing to read, only emoji,
// another programming language, or nothing to do with Prefect.

/** Slack mentions (`<@U123>`, `<@U123|name>`) and plain `@Name` addressing at the start. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>|^\s*@[\w.-]+[,:]?/gi;
const EMOJI_CODE = /:[a-z0-9_+-]+:/gi;

export function stripMentions(text: string): string {
  return text
    .replace(MENTION, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

export type QuestionShape = "empty" | "emoji-only" | "text";

export function questionShape(text: string): QuestionShape {
  const bare = stripMentions(text);
  if (bare === "") return "empty";
  const withoutEmoji = bare
    .replace(EMOJI_CODE, "")
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Component}\p{P}\p{S}\s]/gu, "");
  return withoutEmoji === "" ? "emoji-only" : "text";
}

const FOREIGN_LANGUAGES: ReadonlyArray<readonly [string, RegExp]> = [
  ["TypeScript", /\binterface\s+\w+\s*\{|:\s*(?:string|number|boolean)\s*[;,)=]|\bimport\s+type\b/],
  ["JavaScript", /\b(?:const|let|var)\s+\w+\s*=|=>\s*[{(]|\bfunction\s*\w*\s*\(|\brequire\(\s*['"]|console\.log\(/],
  ["Java", /\bpublic\s+(?:static\s+)?(?:class|void)\b|System\.out\.println/],
  ["Go", /\bpackage\s+main\b|\bfunc\s+\w+\s*\(|:=\s*/],
  ["Rust", /\bfn\s+main\s*\(|\blet\s+mut\b|println!\(/],
  ["C/C++", /#include\s*<|\bstd::|\bint\s+main\s*\(/],
  ["Ruby", /\bputs\s+['"]|\bdef\s+\w+\s*\n[\s\S]*\bend\b(?![\s\S]*:)/],
  ["SQL", /\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+INTO\b|\bCREATE\s+TABLE\b/],
];

const PYTHON_SIGNS =
  /^\s*(?:from\s+[\w.]+\s+import\b|import\s+\w+|def\s+\w+\s*\(.*\)\s*(?:->.*)?:|@\w+|class\s+\w+.*:)/m;

/** Names a non-Python programming language the code is written in, or null. Python, YAML and shell give null. */
export function foreignLanguage(code: string): string | null {
  if (PYTHON_SIGNS.test(code)) return null;
  for (const [name, pattern] of FOREIGN_LANGUAGES) if (pattern.test(code)) return name;
  return null;
}

// Words that tie a question to Prefect or to running data workflows. A question with none of them, no code and no
// Prefect context in the thread is off-topic.
const PREFECT_TERMS =
  /(?<![a-z])(?:prefect\w*|flows?|subflows?|tasks?|deploy\w*|work[- ]?pools?|workers?|agents?|futures?|task[- ]?runners?|runners?|schedul\w*|cron|retr(?:y|ies)|cach\w*|results?|persist\w*|blocks?|secrets?|variables?|automations?|events?|concurrency|rate[- ]?limits?|orchestrat\w*|pipelines?|dags?|etl|states?|crash\w*|cancel\w*|pause\w*|suspend\w*|artifacts?|logs?|logging|loggers?|ui|server|api|dask|ray|kubernetes|k8s|docker|ecs|nginx|proxy|postgres\w*|sqlite|profiles?|settings|webhooks?|serve|submit|map|delay|wait|transactions?|hooks?|timeouts?|parameters?|airflow|dagster|workflows?)(?![a-z])/i;

export function looksPrefectRelated(text: string): boolean {
  return PREFECT_TERMS.test(text);
}
