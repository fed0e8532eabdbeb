// Checks every Prefect API a recorded answer names against the facts of the thread's release: dotted names in prose
// and code, `from prefect... import` lines, `.submit()` on flows, attributes used on what a call returns, and
// async-only functions called without `await`.
import type { Severity } from "../../core/index.js";
import { describeApi, type PrefectFacts } from "../../knowledge/index.js";
import {
  attributeUses,
  callAssignments,
  callSites,
  decoratedFunctions,
  type ImportedName,
  memberCalls,
  prefectImports,
  resolveCallee,
} from "./python-names.js";

export interface AuditFinding {
  code: string;
  severity: Severity;
  message: string;
  excerpt: string;
  /** The fully qualified name the finding is about, for de-duplication against lint diagnoses. */
  symbol?: string;
}

export interface ApiCheckOptions {
  facts: PrefectFacts;
  /** A concrete release, e.g. "3.8.3". */
  version: string;
  /** Whether a callable is async-only (no sync form) in a release, when known. */
  isAsyncOnly?: (fq: string, version: string) => boolean | undefined;
}

const SITE_CODES = new Set(["flow-submit", "unknown-attribute", "async-not-awaited"]);
const DOTTED = /(?<![\w./-])prefect(?:\.[A-Za-z_]\w*)+/g;
/** Dotted words that are file names or hosts, not Python names. */
const NOT_PYTHON = new Set(["yaml", "yml", "py", "io", "com", "toml", "json", "cloud", "md", "txt", "org", "dev"]);

/** `text` is the whole (un-mangled) message; `code` its Python snippets. */
export function checkApiNames(text: string, code: string[], options: ApiCheckOptions): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const seen = new Set<string>();
  const add = (f: AuditFinding) => {
    // A name is reported once per message; misuses located in code once per offending line.
    const key = `${f.code}:${f.symbol ?? ""}:${f.symbol && !SITE_CODES.has(f.code) ? "" : f.excerpt}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };
  for (const m of text.matchAll(DOTTED)) {
    const fq = m[0];
    if (NOT_PYTHON.has(fq.split(".").at(-1)!)) continue;
    // Dunder attributes (prefect.__version__) are module internals the facts do not list.
    if (fq.includes(".__")) continue;
    const f = checkName(fq, fq, options);
    if (f) add(f);
  }
  for (const imported of prefectImports([text, ...code].join("\n"))) {
    const f = checkName(imported.fq, imported.statement, options);
    if (f) add(f);
  }
  for (const snippet of code) {
    const imports = prefectImports(snippet);
    for (const f of flowSubmits(snippet, options)) add(f);
    for (const f of returnAttributes(snippet, imports, options)) add(f);
    for (const f of unawaitedAsync(snippet, imports, options)) add(f);
  }
  return findings;
}

/** A name's finding, from the facts' one answer (describeApi, as `orca api` and the engine get it). */
function checkName(fq: string, excerpt: string, { facts, version }: ApiCheckOptions): AuditFinding | undefined {
  const report = describeApi(facts, fq, version);
  const instead = report.replacement ? ` ${report.replacement}` : "";
  switch (report.status) {
    case "integration":
      return undefined;
    case "present":
      if (!report.deprecated) return undefined;
      return {
        code: "deprecated-api",
        severity: "warning",
        message: `${fq} is deprecated in Prefect ${version}.${instead}`,
        excerpt,
        symbol: fq,
      };
    case "removed":
      return {
        code: "removed-api",
        severity: "error",
        message: `${fq} was removed after Prefect ${report.lastRelease}, so it does not exist in ${version}.${instead}`,
        excerpt,
        symbol: fq,
      };
    case "not-yet":
      return {
        code: "not-yet-api",
        severity: "error",
        message: `${fq} only exists from Prefect ${report.firstRelease}, not in ${version}.`,
        excerpt,
        symbol: fq,
      };
    case "unknown": {
      // Report the shortest unknown prefix only: one wrong module should not produce a finding per attribute.
      const parts = fq.split(".");
      for (let i = 2; i < parts.length; i++) {
        if (describeApi(facts, parts.slice(0, i).join("."), version, { details: false }).status === "unknown")
          return undefined;
      }
      const where = report.livesIn;
      const close = where.length ? [] : report.suggestions.slice(0, 2);
      const hint = where.length
        ? ` It lives in ${where.slice(0, 2).join(" or ")}.`
        : close.length
          ? ` Did you mean ${close.join(" or ")}?`
          : "";
      return {
        code: "unknown-api",
        severity: "error",
        message: `${fq} does not exist in any Prefect release.${hint}`,
        excerpt,
        symbol: fq,
      };
    }
  }
}

const FLOW_LIKE_NAME = /(?:^|_)(?:sub)?flows?$|^(?:sub)?flow_/i;

/** `something.submit(...)` where something is a flow: decorated with @flow in the snippet or named like one. */
function flowSubmits(code: string, { facts, version }: ApiCheckOptions): AuditFinding[] {
  const members = facts.members("prefect.flows.Flow", version);
  if (!members || members.names.includes("submit")) return [];
  const flows = new Set(decoratedFunctions(code, "flow"));
  const tasks = new Set(decoratedFunctions(code, "task"));
  const out: AuditFinding[] = [];
  const reported = new Set<string>();
  for (const call of memberCalls(code, "submit")) {
    const name = call.receiver;
    if (reported.has(name) || tasks.has(name)) continue;
    if (!flows.has(name) && !FLOW_LIKE_NAME.test(name)) continue;
    reported.add(name);
    out.push({
      code: "flow-submit",
      severity: "error",
      message: `${name}.submit(): flows have no .submit() in Prefect ${version}; only tasks do. Call the subflow directly, wrap it in a task, or use run_deployment.`,
      excerpt: call.text,
      symbol: "prefect.flows.Flow.submit",
    });
  }
  return out;
}

/** `x = run_deployment(...)` then `x.wait()`: attributes the returned class does not have. */
function returnAttributes(code: string, imports: ImportedName[], { facts, version }: ApiCheckOptions): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const a of callAssignments(code)) {
    const fq = resolveCallee(a.callee, imports);
    if (!fq) continue;
    const target = facts.resolve(fq, version)?.name ?? fq;
    const returned = returnedClass(facts, target, version);
    if (!returned) continue;
    const members = facts.members(returned, version);
    if (!members?.complete) continue;
    for (const use of attributeUses(code, a.variable, a.line)) {
      if (members.names.includes(use.attribute)) continue;
      const cls = returned.split(".").at(-1)!;
      const fn = fq.split(".").at(-1)!;
      out.push({
        code: "unknown-attribute",
        severity: "error",
        message: `${a.variable}.${use.attribute}: ${fn}() returns a ${cls}, which has no "${use.attribute}" in Prefect ${version}.`,
        excerpt: use.text,
        symbol: `${returned}.${use.attribute}`,
      });
    }
  }
  return out;
}

/** The class a callable returns, when its annotation names exactly one Prefect class. */
export function returnedClass(facts: PrefectFacts, fq: string, version: string): string | undefined {
  const text = facts.returns(fq, version);
  if (!text) return undefined;
  const bare = text
    .replace(/["']/g, "")
    .replace(/^(?:Optional|Awaitable)\[(.*)\]$/, "$1")
    .replace(/^Coroutine\[[^,]*,[^,]*,(.*)\]$/, "$1")
    .replace(/\s*\|\s*None$/, "")
    .trim();
  if (!/^[A-Za-z_][\w.]*$/.test(bare)) return undefined;
  const short = bare.split(".").at(-1)!;
  const candidates = facts.locate(short, version).filter((c) => facts.symbol(c)?.kind === "class");
  // Prefer the client-side schema: that is what user code holds (the server has same-named models).
  return candidates.find((c) => c.startsWith("prefect.client.")) ?? candidates[0];
}

/** Imported async-only functions called without `await` outside an event-loop runner. */
function unawaitedAsync(code: string, imports: ImportedName[], options: ApiCheckOptions): AuditFinding[] {
  if (!options.isAsyncOnly) return [];
  const out: AuditFinding[] = [];
  for (const imported of imports) {
    if (options.isAsyncOnly(imported.fq, options.version) !== true) continue;
    // Handed to an event-loop runner (`asyncio.run(f())`, `run_coro_as_sync(f())`), the coroutine does run.
    const bad = callSites(code, imported.local).filter((c) => !c.awaited && !isCoroutineRunner(c.passedTo));
    const first = bad[0];
    if (!first) continue;
    out.push({
      code: "async-not-awaited",
      severity: "error",
      message: `${imported.local}() is async-only in Prefect ${options.version} (no sync form): without await it only creates a coroutine and never runs.`,
      excerpt: first.text,
      symbol: imported.fq,
    });
  }
  return out;
}

function isCoroutineRunner(callee: string | undefined): boolean {
  return callee === "asyncio.run" || (callee?.split(".").pop() ?? "").startsWith("run_coro");
}
