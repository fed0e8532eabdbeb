// Repairs for `unknown-parameter`, on the tree: the keyword argument the diagnosis points at is translated when Orca
// knows what it meant, renamed when the callable takes its plural (`schedule=` → `schedules=[...]`) or exactly one
// parameter with the same stem (max_threads → max_workers), and dropped otherwise. Only that argument is edited; the rest of the call keeps its layout.
import type { TextEdit } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { field, named } from "../../../lint/index.js";
import { closest, type PythonNode } from "./python-tree.js";
import type { TreeRepair } from "./tree-repairs.js";

/** Policy values that mean "do not cache". */
const NO_CACHE = new Set(["None", "NONE", "NO_CACHE"]);

/** `is_schedule_active=False` → `paused=True`; `True` is the default and goes. */
function schedulePaused(value: string): string | null {
  return value === "False" ? "paused=True" : value === "True" ? "" : null;
}

/** Keywords people pass that mean something else in Prefect: callable short name → keyword → rewrite. */
const TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, (value: string) => string | null>>>> = {
  // run_deployment blocks by default; `timeout=0` is how to return at once.
  run_deployment: { wait: (v) => (v === "False" ? "timeout=0" : v === "True" ? "" : null) },
  // 2.x has no cache policies: a policy that caches becomes the input-hash key function, one that does not goes.
  task: { cache_policy: (v) => (NO_CACHE.has(v) ? "" : "cache_key_fn=task_input_hash") },
  // 3.x names an inactive schedule `paused=True` (since 2.16.1); an active one is the default.
  serve: { is_schedule_active: schedulePaused },
  deploy: { is_schedule_active: schedulePaused },
  to_deployment: { is_schedule_active: schedulePaused },
};

/** Names a translation introduces, with the module to import them from. */
const INTRODUCED: Readonly<Record<string, string>> = { task_input_hash: "prefect.tasks" };

export interface KeywordFix {
  callable: string;
  keyword: string;
  /** The replacement keyword argument, or "" when it was dropped. */
  replacement: string;
}

function renamed(
  facts: PrefectFacts,
  release: string,
  fq: string,
  keyword: string,
): { name: string; list: boolean } | null {
  // The diagnosed callable itself (`Flow.deploy`), else the shortest public name with its short name.
  const shortest = facts.locate(fq.split(".").pop()!, release).sort((a, b) => a.length - b.length)[0];
  const params = facts.params(fq, release) ?? (shortest ? facts.params(shortest, release) : undefined);
  if (!params) return null;
  const usable = params.filter((p) => p.name !== keyword && p.kind !== "var_keyword" && p.kind !== "var_positional");
  // The plural of the keyword takes a list of what was passed (`schedule=` → `schedules=[...]`).
  const plural = usable.find((p) => p.name === `${keyword}s`);
  if (plural) return { name: plural.name, list: true };
  // A longer spelling of the same keyword (retry_delay → retry_delay_seconds) wins over a shared stem.
  const longer = usable.filter((p) => p.name.startsWith(`${keyword}_`));
  if (longer.length === 1) return { name: longer[0]!.name, list: false };
  const stem = keyword.split("_")[0]!;
  const same = usable.filter((p) => p.name.split("_")[0] === stem);
  return same.length === 1 ? { name: same[0]!.name, list: false } : null;
}

/** The edit that deletes one argument together with the comma that joins it to its neighbour. */
function argumentRemoval(arg: PythonNode): TextEdit {
  const args = named(arg.parent).filter((a) => a.type !== "comment");
  const i = args.findIndex((a) => a.id === arg.id);
  if (i < args.length - 1) return { start: arg.startIndex, end: args[i + 1]!.startIndex, text: "" };
  if (i > 0) return { start: args[i - 1]!.endIndex, end: arg.endIndex, text: "" };
  return { start: arg.startIndex, end: arg.endIndex, text: "" };
}

/** What a keyword repair did, in one sentence. */
export function keywordText(f: KeywordFix): string {
  return f.replacement
    ? `Orca passes \`${f.replacement}\` instead of \`${f.keyword}=\`.`
    : `Orca dropped \`${f.keyword}=\`.`;
}

export const repairKeyword: TreeRepair = (d, node, ctx) => {
  const keyword = d.subject?.keyword;
  const fq = d.subject?.name;
  const callable = fq?.split(".").pop();
  const arg = closest(node, ["keyword_argument"]);
  if (!keyword || !callable || !arg || field(arg, "name")?.text !== keyword) return null;
  const value = field(arg, "value")?.text ?? "";
  const translate = TRANSLATIONS[callable]?.[keyword];
  const translated = translate ? translate(value) : null;
  const rename = translated === null ? renamed(ctx.facts, ctx.release, fq!, keyword) : null;
  const replacement =
    translated ?? (rename ? `${rename.name}=${rename.list && !value.startsWith("[") ? `[${value}]` : value}` : "");
  const edit = replacement ? { start: arg.startIndex, end: arg.endIndex, text: replacement } : argumentRemoval(arg);
  return {
    edits: [edit],
    imports: Object.entries(INTRODUCED)
      .filter(([name]) => replacement.endsWith(`=${name}`))
      .map(([name, module]) => ({ module, name })),
    note: { rule: "unknown-parameter", text: keywordText({ callable, keyword, replacement }) },
  };
};
