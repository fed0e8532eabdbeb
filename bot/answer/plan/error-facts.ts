// Explains a pasted Python error from the facts, when no rule or known topic did: an ImportError, an
// AttributeError on a Prefect class or an unexpected keyword is checked against the asker's release, so a user who
// quotes an error always hears what it means for their version.
import type { PrefectFacts } from "../../../knowledge/index.js";
import { type ApiFinding, formatParams, lookupApi } from "../retrieve/index.js";
import { hasParamHistory, placeIn } from "./param-default.js";

export interface ErrorFact {
  /** The error as quoted ("ImportError: cannot import name 'X' from 'y'"). */
  error: string;
  /** One or two sentences on what it means in the asker's release. */
  text: string;
  finding: ApiFinding | null;
}

function when(f: ApiFinding): string {
  if (f.status === "not-yet")
    return `\`${f.fq}\` does not exist yet in Prefect ${f.release}: it first appears in ${f.boundary}, so upgrade to ${f.boundary} or later, or use what ${f.release} offers.`;
  if (f.status === "removed") {
    const instead = f.replacement ? ` ${f.replacement.replace(/\.?$/, ".")}` : "";
    return `\`${f.fq}\` was removed: the last release that has it is ${f.boundary}.${instead}`;
  }
  return "";
}

function importError(module: string, name: string, facts: PrefectFacts, release: string): string | null {
  if (!module.startsWith("prefect")) return null;
  const f = lookupApi(`${module}.${name}`, facts, release);
  if (f.status === "not-yet" || f.status === "removed") return when(f);
  const moved = otherRelease(f, facts);
  if (moved) return moved;
  const elsewhere = facts
    .locate(name, release)
    .filter((fq) => fq !== `${module}.${name}`)
    .sort((a, b) => a.length - b.length)[0];
  if (f.status === "unknown" && elsewhere) {
    const dot = elsewhere.lastIndexOf(".");
    return `\`${module}\` does not export \`${name}\` in Prefect ${release}; it lives in \`${elsewhere.slice(0, dot)}\`: \`from ${elsewhere.slice(0, dot)} import ${name}\`.`;
  }
  if (f.status === "unknown")
    return `\`${name}\` is not importable from \`${module}\` in any Prefect release Orca knows; check the spelling or the package it comes from.`;
  return null;
}

function attributeError(cls: string, attr: string, facts: PrefectFacts, release: string): ApiFinding | null {
  if (!/^[A-Z]/.test(cls) || facts.locate(cls, release).length === 0) return null;
  const f = lookupApi(`${cls}.${attr}`, facts, release);
  return f.status === "present" ? null : f;
}

function keywordError(callable: string, keyword: string, facts: PrefectFacts, release: string): string | null {
  const fq = callableNamed(callable, keyword, facts, release);
  if (!fq) return null;
  const params = facts.params(fq, release) ?? [];
  if (params.some((p) => p.name === keyword || p.kind === "var_keyword")) return null;
  const name = callable.replace(/\.__init__$/, "");
  // The keyword's own history says why the release rejects it: taken out after some release, or not added yet.
  const { before, after } = hasParamHistory(facts) ? placeIn(facts.paramRanges(fq, keyword) ?? [], release) : {};
  if (before) {
    const last = facts.releases.indexOf(before[1]);
    const removedIn = facts.releases[last + 1] ?? before[1];
    return `\`${keyword}=\` was removed from \`${name}\` in Prefect ${removedIn} (the last release that takes it is ${before[1]}), so ${release} rejects it.`;
  }
  if (after) return `\`${name}\` takes \`${keyword}=\` only from Prefect ${after[0]}; ${release} does not have it yet.`;
  // No parameters recorded is not "takes no arguments": the facts may not list them.
  const list = formatParams(params);
  return `In Prefect ${release}, \`${name}\` takes no \`${keyword}=\`${list === "none" ? "" : ` (its parameters: ${list})`}.`;
}

/**
 * The callable an error names: what the name resolves to, or, when that is a module (`concurrency` is also
 * `prefect.concurrency`) or unknown, the function or class of that name, one that ever took the keyword first.
 */
function callableNamed(callable: string, keyword: string, facts: PrefectFacts, release: string): string | null {
  const f = lookupApi(callable, facts, release);
  const kind = f.fq ? facts.resolve(f.fq, release)?.kind : undefined;
  if (f.status === "present" && f.fq && kind !== "module") return f.fq;
  const short = callable.split(".").pop()!;
  const callables = facts
    .locate(short, release)
    .filter((fq) => ["function", "class", "method"].includes(facts.resolve(fq, release)?.kind ?? ""))
    .sort((a, b) => a.length - b.length);
  const tookIt = (fq: string) => hasParamHistory(facts) && facts.paramRanges(fq, keyword) !== undefined;
  return callables.find(tookIt) ?? callables[0] ?? null;
}

/** An import that works in the stated release but fails for the asker: their installed Prefect is another one. */
function otherRelease(f: ApiFinding, facts: PrefectFacts): string | null {
  if (f.status !== "present" || !f.fq || !f.until || f.until === facts.latest) return null;
  const instead = facts.replacement(f.fq);
  return `\`${f.fq}\` exists in Prefect ${f.release}, but it is gone after ${f.until}, so the Prefect that runs this code is newer than ${f.until}.${instead ? ` ${instead.replace(/\.?$/, ".")}` : ""}`;
}

/** What the errors quoted in a thread mean for the asker's release, as far as the facts can tell. */
export function explainErrors(text: string, facts: PrefectFacts, release: string): ErrorFact[] {
  const out: ErrorFact[] = [];
  for (const m of text.matchAll(/cannot import name '(\w+)' from '([\w.]+)'/g)) {
    const said = importError(m[2]!, m[1]!, facts, release);
    if (said) out.push({ error: m[0], text: said, finding: null });
  }
  for (const m of text.matchAll(/'(\w+)' object has no attribute '(\w+)'/g)) {
    const f = attributeError(m[1]!, m[2]!, facts, release);
    if (!f) continue;
    const said =
      f.status === "unknown"
        ? `\`${m[1]}\` objects have no \`${m[2]}\` in any Prefect release Orca knows.`
        : when({ ...f, fq: f.fq ?? `${m[1]}.${m[2]}` });
    out.push({ error: m[0], text: said, finding: f });
  }
  for (const m of text.matchAll(/([A-Za-z_][\w.]*)\(\) got an unexpected keyword argument '(\w+)'/g)) {
    const said = keywordError(m[1]!, m[2]!, facts, release);
    if (said) out.push({ error: m[0], text: said, finding: null });
  }
  for (const m of text.matchAll(/No module named '(prefect_[a-z_]+)'/g))
    out.push({
      error: m[0],
      text: `\`${m[1]}\` is an integration package, installed separately: \`pip install ${m[1]!.replace(/_/g, "-")}\` (pick the release that matches your Prefect major).`,
      finding: null,
    });
  const seen = new Set<string>();
  return out.filter((e) => !seen.has(e.text) && seen.add(e.text)).slice(0, 3);
}
