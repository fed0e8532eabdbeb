// Finds the Prefect API names a question asks about ("does Flow.submit exist?", "how do I use run_deployment")
// and looks them up for the asker's release through the facts' one query (describeApi, as `orca api` does).
import { describeApi, FLOW_AND_TASK_CLASSES, type ParamFact, type PrefectFacts } from "../../../knowledge/index.js";
import { inlineCodeNames } from "../understand/index.js";

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
  // "import X from prefect.y" / "from prefect.y import X" asks about `prefect.y.X`, not about the module alone.
  const unquoted = question.replace(/`/g, "");
  const imported = [
    ...[...unquoted.matchAll(/\bimport\s+([A-Za-z_]\w*)\s+from\s+(prefect[\w.]*\w)/g)].map((m) => [m[2]!, m[1]!]),
    ...[...unquoted.matchAll(/\bfrom\s+(prefect[\w.]*\w)\s+import\s+([A-Za-z_]\w*)/g)].map((m) => [m[1]!, m[2]!]),
  ];
  for (const [module, name] of imported) add(`${module}.${name}`);
  const modules = new Set(imported.map(([module]) => module));
  for (const name of inlineCodeNames(question)) if (!modules.has(name)) add(name);
  const prose = question.replace(/`[^`\n]*`/g, " ").replace(/https?:\/\/\S+/g, " ");
  for (const m of prose.matchAll(/\b(prefect(?:\.[A-Za-z_]\w*)+)/g)) if (!modules.has(m[1]!)) add(m[1]!);
  for (const m of prose.matchAll(/\b([A-Z][a-zA-Z0-9]+\.[a-z_]\w*)\b/g)) add(m[1]!);
  // A name written with its `=` (`flow_run_id=`) is a keyword argument, not an API of that name.
  for (const m of prose.matchAll(/\b([a-z]+(?:_[a-z0-9]+)+)\b(?!\s?=(?!=))/g)) add(m[1]!);
  for (const m of prose.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g)) add(m[1]!);
  for (const m of prose.matchAll(/(?<![\w.])([a-z_]\w{2,})\(/g)) add(m[1]!);
  return names.slice(0, 6);
}

/**
 * The facts' one answer (describeApi) as the engine's finding. An integration package's name is no core Prefect
 * name: it reads as unknown here, with no look-alikes.
 */
export function lookupApi(asked: string, facts: PrefectFacts, release: string): ApiFinding {
  const report = describeApi(facts, asked, release);
  const status = report.status === "integration" ? "unknown" : report.status;
  const finding: ApiFinding = { asked, fq: report.name ?? null, release: report.version, status, suggestions: [] };
  if (report.replacement) finding.replacement = report.replacement;
  if (status === "unknown") {
    finding.fq = null;
    // A member missing from a known class (Flow.submit) needs no look-alikes; a mistyped name does.
    if (report.status !== "integration" && !/^[A-Z]\w*\.\w+$/.test(asked))
      finding.suggestions = (report.livesIn.length > 0 ? report.livesIn : report.suggestions).slice(0, 3);
    return finding;
  }
  const present = report.present ?? [];
  finding.since = present[0]?.[0];
  finding.until = present[present.length - 1]?.[1];
  if (status === "removed") finding.boundary = report.lastRelease;
  if (status === "not-yet") finding.boundary = report.firstRelease;
  if (report.params) finding.params = report.params;
  if (report.returns) finding.returns = report.returns;
  if (report.importLine) finding.importLine = report.importLine;
  finding.deprecated = report.deprecated;
  return finding;
}

/** Looks up every API name the question asks about; names unknown everywhere are kept only when clearly API-like. */
const FILE_NAME = /\.(?:ya?ml|toml|json|py|txt|cfg|ini|md|env|lock|sh|dockerfile)$/i;

export function findAskedApis(question: string, facts: PrefectFacts, release: string): ApiFinding[] {
  const findings: ApiFinding[] = [];
  for (const name of candidateNames(question)) {
    // `prefect.yaml`, `flows/etl.py`: a file the asker names is not an API to look up.
    if (FILE_NAME.test(name)) continue;
    const finding = lookupApi(name, facts, release);
    if (finding.fq && findings.some((f) => f.fq === finding.fq)) continue;
    // "when no result_storage is set": a bare name the asker's flows and tasks take as a parameter in their release is
    // that parameter, not a module of the same name another release has (`prefect.cli.result_storage`).
    if (finding.status !== "present" && !name.includes(".") && takenByFlowOrTask(name, facts, release)) continue;
    const apiLike = name.includes(".") || /`/.test(question);
    // An unknown `prefect.…` name is worth a "no such API"; an integration package's (`prefect_aws.S3Bucket`) is not
    // one the core facts can judge.
    if (finding.fq || (apiLike && name.startsWith("prefect."))) findings.push(finding);
    if (!finding.fq && apiLike && /^[A-Z]\w*\.\w+$/.test(name)) findings.push(finding);
  }
  return findings.slice(0, 4);
}

/** Whether `@flow` or `@task` takes a parameter of that name in the release. */
function takenByFlowOrTask(name: string, facts: PrefectFacts, release: string): boolean {
  return FLOW_AND_TASK_CLASSES.some((owner) => facts.params(owner, release)?.some((p) => p.name === name));
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
