// One answer to "does this Prefect name exist in release V, and if not, what then?" (`orca api`, answer engine).

import { integrationFor, isKnownIntegrationExport } from "./integrations.js";
import type { ParamFact, PrefectApiFacts, ReleaseRange, SymbolKind } from "./types.js";

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
  params?: ParamFact[];
  returns?: string;
  members?: { names: string[]; complete: boolean };
  deprecated: boolean;
  replacement?: string;
  /** Module-level names in V with the same short name (the right import when the module was wrong). */
  livesIn: string[];
  suggestions: string[];
  /** For integration packages (prefect-aws, ...): the pip package, and whether the name is a known export. */
  integration?: { pip: string; knownExport: boolean };
}

export function describeApi(facts: PrefectApiFacts, query: string, version: string): ApiReport {
  const release = facts.resolveRelease(version);
  const asked = query.trim();
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
  const short = asked.slice(asked.lastIndexOf(".") + 1);
  const elsewhere = facts.locate(short, release).filter((fq) => fq !== name);
  if (presence.status === "unknown") {
    return {
      ...base,
      replacement: facts.replacement(name),
      livesIn: elsewhere,
      suggestions: elsewhere.length > 0 ? [] : facts.suggest(name, release),
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
    deprecated: presence.status === "present" && facts.isDeprecated(name, release),
    livesIn: presence.status === "present" ? [] : elsewhere,
  };
  if (definedAt && definedAt !== name) report.definedAt = definedAt;
  const last = fact.present[fact.present.length - 1]?.[1];
  if (presence.status === "removed") report.lastRelease = presence.lastRelease;
  else if (last && last !== facts.latest) report.lastRelease = last;
  if (presence.status === "present") {
    const params = facts.params(name, release);
    if (params) report.params = params;
    const returns = facts.returns(name, release);
    if (returns) report.returns = returns;
    const members = facts.members(name, release);
    if (members) report.members = members;
  }
  if (presence.status === "removed" || report.deprecated) {
    const replacement = presence.status === "removed" ? presence.replacement : facts.replacement(name);
    if (replacement) report.replacement = replacement;
  }
  return report;
}

/**
 * A bare name ("run_deployment", "Flow.serve") is read as the module-level name it is in the release, by its most
 * public path (fewest dots; the defining module on a tie): prefect.deployments.run_deployment, prefect.Flow.
 */
function qualify(facts: PrefectApiFacts, asked: string, release: string): string {
  if (asked === "prefect" || asked.startsWith("prefect.") || facts.symbol(asked)) return asked;
  const dot = asked.indexOf(".");
  const head = dot < 0 ? asked : asked.slice(0, dot);
  const located = facts.locate(head, release);
  const depth = (fq: string): number => fq.split(".").length;
  const best = located.reduce<string | undefined>(
    (a, b) => (a === undefined || depth(b) < depth(a) ? b : a),
    undefined,
  );
  return best ? best + (dot < 0 ? "" : asked.slice(dot)) : asked;
}

function describeIntegration(asked: string): Partial<ApiReport> | undefined {
  const pkg = integrationFor(asked);
  if (!pkg) return undefined;
  const dot = asked.lastIndexOf(".");
  const knownExport =
    asked === pkg.module || (dot > 0 && isKnownIntegrationExport(asked.slice(0, dot), asked.slice(dot + 1)));
  return { status: "integration", name: asked, integration: { pip: pkg.pip, knownExport } };
}
