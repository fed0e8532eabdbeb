// One answer to "does this Prefect name exist in release V, and if not, what then?": `orca api`, the answer engine,
// the verifier and the audit all ask here.

import { InputError } from "../../core/index.js";
import { integrationFor, isKnownIntegrationExport } from "./integrations.js";
import type { ParamFact, PrefectApiFacts, PrefectFacts, ReleaseRange, SymbolKind } from "./types.js";

const MAX_QUERY = 300;

/**
 * The callables that have ever taken a snake-case name as a keyword (`on_rollback`, `asset_deps`): such a name is
 * Prefect's even though no module defines it. Empty for other names, and for facts that keep no parameter history.
 */
export function keywordTakers(facts: PrefectFacts, name: string): string[] {
  if (!/^[a-z]\w*_\w*$/.test(name)) return [];
  return (facts as Partial<PrefectApiFacts>).callablesTaking?.(name) ?? [];
}

export type ApiStatus = "present" | "removed" | "not-yet" | "unknown" | "integration";

export interface ApiReport {
  /** The name as asked. */
  query: string;
  /** The release the question was answered for. */
  version: string;
  status: ApiStatus;
  /** The fully qualified name the query was read as (a bare name is looked up in V). */
  name?: string;
  kind?: SymbolKind;
  /** Where the symbol is defined, when `name` is a re-export. */
  definedAt?: string;
  present?: ReleaseRange[];
  firstRelease?: string;
  /** Removed: the last release that had it before V. Otherwise the last release with it, when the newest lacks it. */
  lastRelease?: string;
  /** Parameters and return annotation: in V, or (for a name V lacks) in `detailsRelease`. */
  params?: ParamFact[];
  returns?: string;
  /** Set when params and returns come from another release than V: the nearest release that has the name. */
  detailsRelease?: string;
  /** `from x import y` for a module-level name. */
  importLine?: string;
  members?: { names: string[]; complete: boolean };
  /** For a module: the public names it has in V. */
  moduleNames?: string[];
  deprecated: boolean;
  replacement?: string;
  /** Module-level names in V with the same short name (the right import when the module was wrong). */
  livesIn: string[];
  suggestions: string[];
  /** For integration packages (prefect-aws, ...): the pip package, and whether the name is a known export. */
  integration?: { pip: string; knownExport: boolean };
}

export interface DescribeOptions {
  /**
   * Parameters, return annotation, members, module names, deprecation and look-alike suggestions; on by default.
   * Verdicts that need only the status (the verifier, the claim checker) turn them off: the status, name, ranges,
   * the replacement of a removed or unknown name and the places a name lives in are always there.
   */
  details?: boolean;
}

/**
 * The one facts query for "does this Prefect API exist in release V, since when, with what parameters", used by
 * `orca api`, the answer engine, the verifier and the audit so they cannot disagree. A bare or partly qualified name
 * ("run_deployment", "Flow.serve") is read as the name it is in V, else in the newest 3.x and 2.x releases, so a
 * name V lacks is reported as removed or not yet there rather than unknown.
 */
export function describeApi(
  facts: PrefectFacts,
  query: string,
  version: string,
  options: DescribeOptions = {},
): ApiReport {
  const details = options.details !== false;
  const asked = query.trim();
  if (!asked) throw new InputError("give a dotted Prefect name, e.g. prefect.futures.wait");
  if (asked.length > MAX_QUERY) throw new InputError(`a name of ${asked.length} characters is not a Prefect name`);
  const release = facts.resolveRelease(version);
  const base: ApiReport = {
    query: asked,
    version: release,
    status: "unknown",
    deprecated: false,
    livesIn: [],
    suggestions: [],
  };
  const integration = describeIntegration(asked);
  if (integration) return { ...base, ...integration };

  const name = qualify(facts, asked, release);
  const presence = facts.presence(name, release);
  // Where the short name lives in V: only asked for when V lacks the name (a present name needs no pointer).
  const elsewhere =
    presence.status === "present" || isMemberPath(facts, name, release)
      ? []
      : facts.locate(name.slice(name.lastIndexOf(".") + 1), release).filter((fq) => fq !== name);
  if (presence.status === "unknown") {
    const replacement = facts.replacement(name);
    return {
      ...base,
      ...(replacement ? { replacement } : {}),
      livesIn: elsewhere,
      suggestions: elsewhere.length > 0 || !details ? [] : facts.suggest(name, release),
    };
  }
  const fact = presence.fact;
  const definedAt = facts.resolve(name, release)?.name;
  const report: ApiReport = {
    ...base,
    status: presence.status,
    name,
    kind: fact.kind === "reexport" && definedAt ? (facts.resolve(name, release)?.kind ?? fact.kind) : fact.kind,
    present: [...fact.present],
    firstRelease: fact.present[0]?.[0],
    deprecated: details && presence.status === "present" && facts.isDeprecated(name, release),
    livesIn: presence.status === "present" ? [] : elsewhere,
  };
  if (definedAt && definedAt !== name) report.definedAt = definedAt;
  const last = fact.present[fact.present.length - 1]?.[1];
  if (presence.status === "removed") report.lastRelease = presence.lastRelease;
  else if (last && last !== facts.latest) report.lastRelease = last;
  if (presence.status === "not-yet") report.firstRelease = presence.firstRelease;
  if (["function", "class", "variable", "reexport"].includes(fact.kind)) {
    const dot = name.lastIndexOf(".");
    report.importLine = `from ${name.slice(0, dot)} import ${name.slice(dot + 1)}`;
  }
  if (details) {
    // A name the release lacks is described as of the release nearest to it that has it.
    const at = presence.status === "present" ? release : (report.lastRelease ?? report.firstRelease ?? release);
    if (at !== release) report.detailsRelease = at;
    const defining = facts.resolve(name, at)?.name ?? name;
    const params = facts.params(name, at) ?? facts.params(defining, at);
    if (params) report.params = params;
    // A callable object (the `flow` decorator from 3.1.9) reads as a function to the asker.
    if (params && report.kind === "variable") report.kind = "function";
    const returns = facts.returns(name, at) ?? facts.returns(defining, at);
    if (returns) report.returns = returns;
    if (presence.status === "present") {
      const members = facts.members(name, release);
      if (members) report.members = members;
      const moduleNames = "namesIn" in facts ? (facts as PrefectApiFacts).namesIn(name, release) : undefined;
      if (moduleNames) report.moduleNames = moduleNames;
    }
  }
  if (presence.status === "removed" || report.deprecated) {
    const replacement =
      presence.status === "removed" ? (presence.replacement ?? facts.replacement(name)) : facts.replacement(name);
    if (replacement) report.replacement = replacement;
  }
  return report;
}

/**
 * A bare name ("run_deployment", "Flow.serve") is read as the module-level name it is, by its most public path
 * (fewest dots; the defining module on a tie): prefect.deployments.run_deployment, prefect.Flow. It is looked up in
 * the release first, then in the newest release and the newest of each major line. A member is named under the
 * class that defines it (prefect.flows.Flow.serve), as the history lists members.
 */
function qualify(facts: PrefectFacts, asked: string, release: string): string {
  if (asked === "prefect" || asked.startsWith("prefect.") || facts.symbol(asked)) return asked;
  const dot = asked.indexOf(".");
  const head = dot < 0 ? asked : asked.slice(0, dot);
  const rest = dot < 0 ? "" : asked.slice(dot);
  const depth = (fq: string): number => fq.split(".").length;
  // A member asked of a bare class name (`JSON.load`) belongs to the class of that name that has the member in some
  // release: once the `JSON` block is gone, the only `JSON` left is a database column type with no `load`, and the
  // asker's name is the removed block's, not an unknown one.
  let fallback: string | undefined;
  for (const at of new Set([release, facts.latest, facts.latestOfMajor(3), facts.latestOfMajor(2)])) {
    const located = [...facts.locate(head, at)].sort((a, b) => depth(a) - depth(b));
    if (located.length === 0) continue;
    if (!rest) return located[0]!;
    const members = located.map((fq) => {
      const owner = facts.resolve(fq, at);
      return { name: (owner?.kind === "class" ? owner.name : fq) + rest, ofClass: owner?.kind === "class" };
    });
    // Only a class's member: `flow.serve` is not the CLI module `prefect.cli.flow`'s `serve`.
    const known = members.find((m) => m.ofClass && facts.presence(m.name, at).status !== "unknown");
    if (known) return known.name;
    fallback ??= members[0]!.name;
  }
  return fallback ?? asked;
}

/** Whether the name is an attribute of a class (then "lives in another module" makes no sense). */
function isMemberPath(facts: PrefectFacts, name: string, release: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && facts.resolve(name.slice(0, dot), release)?.kind === "class";
}

function describeIntegration(asked: string): Partial<ApiReport> | undefined {
  const pkg = integrationFor(asked);
  if (!pkg) return undefined;
  const dot = asked.lastIndexOf(".");
  const knownExport =
    asked === pkg.module || (dot > 0 && isKnownIntegrationExport(asked.slice(0, dot), asked.slice(dot + 1)));
  return { status: "integration", name: asked, integration: { pip: pkg.pip, knownExport } };
}
