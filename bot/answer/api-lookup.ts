// Finds the Prefect API names a question asks about ("does Flow.submit exist?", "how do I use run_deployment")
// and looks them up in the facts for the asker's release.
import type { ParamFact, PrefectFacts, SymbolFact } from "../../knowledge/index.js";

export interface ApiFinding {
  /** The name as written in the question. */
  asked: string;
  /** Fully qualified name in the facts, when found. */
  fq: string | null;
  release: string;
  status: "present" | "removed" | "not-yet" | "unknown";
  /** First and last release of the name's whole history. */
  since?: string;
  until?: string;
  /** For removed names: the last release that had it. For not-yet: the first release that has it. */
  boundary?: string;
  params?: ParamFact[];
  returns?: string;
  /** `from x import y` line for module-level names. */
  importLine?: string;
  replacement?: string;
  deprecated?: boolean;
  suggestions: string[];
}

const STOP = new Set(["flow", "task", "prefect", "python", "pip", "the", "how", "use", "does", "exist"]);

/** Candidate API names in the question: dotted names, Class.member, snake_case and CamelCase identifiers, `code`. */
export function candidateNames(question: string): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    const clean = n.replace(/\(\)?$/, "").replace(/[.,:;?!]+$/, "");
    if (clean.length < 3 || STOP.has(clean.toLowerCase()) || names.includes(clean)) return;
    names.push(clean);
  };
  for (const m of question.matchAll(/`([^`\n]{2,80})`/g)) {
    const inner = /^@?([A-Za-z_][\w.]*)/.exec(m[1]!.trim());
    if (inner) add(inner[1]!);
  }
  const prose = question.replace(/`[^`\n]*`/g, " ").replace(/https?:\/\/\S+/g, " ");
  for (const m of prose.matchAll(/\b(prefect(?:\.[A-Za-z_]\w*)+)/g)) add(m[1]!);
  for (const m of prose.matchAll(/\b([A-Z][a-zA-Z0-9]+\.[a-z_]\w*)\b/g)) add(m[1]!);
  for (const m of prose.matchAll(/\b([a-z]+(?:_[a-z0-9]+)+)\b/g)) add(m[1]!);
  for (const m of prose.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g)) add(m[1]!);
  for (const m of prose.matchAll(/(?<![\w.])([a-z_]\w{2,})\(/g)) add(m[1]!);
  return names.slice(0, 6);
}

function historyBounds(fact: SymbolFact): { since?: string; until?: string } {
  const first = fact.present[0];
  const last = fact.present[fact.present.length - 1];
  return { since: first?.[0], until: last?.[1] };
}

/** Resolves a written name to a fully qualified one: exact, Class.member via the class's module, or a short name. */
function qualify(name: string, facts: PrefectFacts, release: string): string | null {
  if (name.startsWith("prefect")) return facts.symbol(name) ? name : null;
  const parts = name.split(".");
  if (parts.length === 2 && /^[A-Z]/.test(parts[0]!)) {
    const classFq = locateAnywhere(parts[0]!, facts, release);
    if (!classFq) return null;
    const defining = facts.resolve(classFq, release)?.name ?? facts.symbol(classFq)?.target ?? classFq;
    return `${defining}.${parts[1]}`;
  }
  if (parts.length === 1) return locateAnywhere(name, facts, release);
  return null;
}

function locateAnywhere(short: string, facts: PrefectFacts, release: string): string | null {
  // Prefer the shortest path: the public re-export people import (prefect.deployments.run_deployment).
  const shortest = (names: string[]) => [...names].sort((a, b) => a.length - b.length)[0];
  for (const at of [release, facts.latest, facts.latestOfMajor(2), facts.latestOfMajor(3)]) {
    const found = shortest(facts.locate(short, at));
    if (found) return found;
  }
  return null;
}

export function lookupApi(asked: string, facts: PrefectFacts, release: string): ApiFinding {
  const fq = qualify(asked, facts, release);
  const base: ApiFinding = { asked, fq, release, status: "unknown", suggestions: [] };
  if (!fq) return { ...base, suggestions: facts.suggest(asked, release).slice(0, 3) };
  const presence = facts.presence(fq, release);
  const fact = facts.symbol(fq);
  const bounds = fact ? historyBounds(fact) : {};
  const finding: ApiFinding = { ...base, ...bounds, status: presence.status };
  if (presence.status === "unknown") {
    finding.fq = null;
    // A member missing from a known class (Flow.submit) needs no look-alikes; a mistyped name does.
    if (!/^[A-Z]\w*\.\w+$/.test(asked)) finding.suggestions = facts.suggest(asked, release).slice(0, 3);
    return finding;
  }
  if (presence.status === "removed") {
    finding.boundary = presence.lastRelease;
    finding.replacement = presence.replacement ?? facts.replacement(fq);
  }
  if (presence.status === "not-yet") finding.boundary = presence.firstRelease;
  const at = presence.status === "present" ? release : (finding.boundary ?? release);
  const defining = facts.resolve(fq, at)?.name ?? fq;
  finding.params = facts.params(fq, at) ?? facts.params(defining, at);
  finding.returns = facts.returns(fq, at) ?? facts.returns(defining, at);
  finding.deprecated = presence.status === "present" && facts.isDeprecated(fq, release);
  if (finding.deprecated) finding.replacement = facts.replacement(fq);
  const kind = presence.fact.kind;
  if (["function", "class", "variable", "reexport"].includes(kind)) {
    const dot = fq.lastIndexOf(".");
    finding.importLine = `from ${fq.slice(0, dot)} import ${fq.slice(dot + 1)}`;
  }
  return finding;
}

/** Looks up every API name the question asks about; names unknown everywhere are kept only when clearly API-like. */
export function findAskedApis(question: string, facts: PrefectFacts, release: string): ApiFinding[] {
  const findings: ApiFinding[] = [];
  for (const name of candidateNames(question)) {
    const finding = lookupApi(name, facts, release);
    if (finding.fq && findings.some((f) => f.fq === finding.fq)) continue;
    const apiLike = name.includes(".") || /`/.test(question);
    if (finding.fq || (apiLike && name.startsWith("prefect"))) findings.push(finding);
    if (!finding.fq && apiLike && /^[A-Z]\w*\.\w+$/.test(name)) findings.push(finding);
  }
  return findings.slice(0, 4);
}

export function formatParams(params: ParamFact[] | undefined): string {
  if (!params || params.length === 0) return "none";
  return params
    .filter((p) => p.name !== "self" && p.name !== "cls")
    .map((p) => {
      const prefix = p.kind === "var_positional" ? "*" : p.kind === "var_keyword" ? "**" : "";
      return `${prefix}${p.name}${p.hasDefault ? "=…" : ""}`;
    })
    .join(", ");
}
