// Repairs for `unknown-parameter`: a keyword the callable does not take in the release is translated when Orca knows
// what it meant, renamed when the callable takes exactly one parameter with the same stem (max_threads →
// max_workers), and dropped otherwise.
import type { Diagnosis } from "../../../core/index.js";
import type { PrefectFacts } from "../../../knowledge/index.js";
import { escapeRe, findCall, formatArgs, statementEnd } from "./line-edits.js";
import { bindsName, ensureImport } from "./python-text.js";

/** Keywords people pass that mean something else in Prefect: callable short name → keyword → rewrite. */
const TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, (value: string) => string | null>>>> = {
  // run_deployment blocks by default; `timeout=0` is how to return at once.
  run_deployment: { wait: (v) => (v === "False" ? "timeout=0" : v === "True" ? "" : null) },
  // 2.x has no cache policies: a policy that caches becomes the input-hash key function, one that does not goes.
  task: { cache_policy: (v) => (/^(?:None|NONE|NO_CACHE)$/.test(v) ? "" : "cache_key_fn=task_input_hash") },
};

/** Names a translation introduces, with the module to import them from. */
const INTRODUCED: Readonly<Record<string, string>> = { task_input_hash: "prefect.tasks" };

export interface KeywordFix {
  callable: string;
  keyword: string;
  /** The replacement keyword argument, or "" when it was dropped. */
  replacement: string;
}

function renamed(facts: PrefectFacts, release: string, callable: string, keyword: string): string | null {
  const fq = facts.locate(callable, release).sort((a, b) => a.length - b.length)[0];
  const params = fq ? facts.params(fq, release) : undefined;
  if (!params) return null;
  const usable = params.filter((p) => p.name !== keyword && p.kind !== "var_keyword" && p.kind !== "var_positional");
  // A longer spelling of the same keyword (retry_delay → retry_delay_seconds) wins over a shared stem.
  const longer = usable.filter((p) => p.name.startsWith(`${keyword}_`));
  if (longer.length === 1) return longer[0]!.name;
  const stem = keyword.split("_")[0]!;
  const same = usable.filter((p) => p.name.split("_")[0] === stem);
  return same.length === 1 ? same[0]!.name : null;
}

export function repairKeywords(
  lines: string[],
  diagnoses: Diagnosis[],
  facts: PrefectFacts,
  release: string,
): { lines: string[]; fixes: KeywordFix[] } {
  let out = [...lines];
  const fixes: KeywordFix[] = [];
  for (const d of diagnoses.filter((x) => x.rule === "unknown-parameter")) {
    const callable = d.subject?.name?.split(".").pop();
    const keyword = d.subject?.keyword;
    if (!callable || !keyword) continue;
    const start = out.findIndex(
      (l) => findCall(l, callable) !== undefined || new RegExp(`\\.${escapeRe(callable)}\\(`).test(l),
    );
    const i = out.findIndex((l, idx) => idx >= Math.max(0, start) && new RegExp(`\\b${keyword}\\s*=(?!=)`).test(l));
    if (i < 0) continue;
    const end = statementEnd(out, i);
    const text = out.slice(i, end).join("\n");
    const name = findCall(text, callable)
      ? callable
      : (new RegExp(`[\\w.]+\\.${escapeRe(callable)}(?=\\s*\\()`).exec(text)?.[0] ?? callable);
    const call = findCall(text, name);
    if (!call?.args.some((a) => a.keyword === keyword)) continue;
    const translate = TRANSLATIONS[callable]?.[keyword];
    const value = call.args.find((a) => a.keyword === keyword)!.value;
    const translated = translate ? translate(value) : null;
    const rename = translated === null ? renamed(facts, release, callable, keyword) : null;
    const replacement = translated ?? (rename ? `${rename}=${value}` : "");
    const args = call.args.flatMap((a) => {
      if (a.keyword !== keyword) return [a];
      if (!replacement) return [];
      const [k, ...v] = replacement.split("=");
      return [{ keyword: k!, value: v.join("=") }];
    });
    const rewritten = `${text.slice(0, call.start)}${name}(${formatArgs(args)})${text.slice(call.end)}`;
    out = [...out.slice(0, i), ...rewritten.split("\n"), ...out.slice(end)];
    fixes.push({ callable, keyword, replacement });
  }
  for (const [name, module] of Object.entries(INTRODUCED))
    if (fixes.some((f) => f.replacement.endsWith(`=${name}`)) && !bindsName(out.join("\n"), name))
      out = ensureImport(out, module, name);
  return { lines: out, fixes };
}
