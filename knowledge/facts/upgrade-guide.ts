// The upgrade guide between two releases: removed and renamed APIs, parameters, settings and CLI commands (from the
// histories), breaking changes and deprecations (from the release notes), and — given code — exactly which of its
// lines are affected and how to rewrite them (the linter's fixes for the target release).
import { type Diagnosis, InputError, type LintResult } from "../../core/index.js";
import type { ChangeFact, ChangeFactsStore } from "./change-facts-store.js";
import type { ChangeKind } from "./change-kinds.js";
import { comparePep440, isPep440, isPrerelease } from "./pep440-versions.js";
import type { PrefectFactsStore } from "./prefect-facts-store.js";

/** What the guide needs from the linter (passed in: knowledge does not depend on lint). */
export interface UpgradeCodeChecker {
  references(code: string): { name: string; line: number }[];
  lint(code: string, release: string): LintResult;
  applyFixes(code: string, diagnoses: readonly Diagnosis[]): string;
}

export interface UpgradeDeps {
  facts: PrefectFactsStore;
  changes: ChangeFactsStore;
  checker?: UpgradeCodeChecker;
}

export interface RemovedApi {
  name: string;
  kind: string;
  lastRelease: string;
  replacement?: string;
}

export interface CodeUse {
  name: string;
  line: number;
  lastRelease: string;
  replacement?: string;
}

export interface LineFix {
  line: number;
  rule: string;
  message: string;
  /** The lines as written, and as the fix rewrites them (absent when the linter has no safe fix). */
  before?: string;
  after?: string;
}

export interface CodeReport {
  label: string;
  /** Removed APIs and parameters the code uses (each with its line). */
  uses: CodeUse[];
  fixes: LineFix[];
  /** The code with every safe fix for the target release applied; null when nothing changes. */
  fixedCode: string | null;
}

export interface UpgradeGuide {
  from: string;
  to: string;
  /** How the versions as written were read ("3.x" -> newest 3.x), and anything else the reader should know. */
  notes: string[];
  crossesMajor: boolean;
  removedApis: RemovedApi[];
  removedParams: { callable: string; param: string; lastRelease: string }[];
  settings: { name: string; lastRelease: string; renamedTo?: string }[];
  cli: { command: string; lastRelease: string; replacement?: string }[];
  breaking: ChangeFact[];
  deprecations: ChangeFact[];
  code: CodeReport[];
}

const NOTE_KINDS: ReadonlySet<ChangeKind> = new Set(["breaking", "deprecation"]);
/** Diagnoses that are about the snippet's text, not about the release it moves to. */
const NOT_UPGRADE_RULES = new Set(["syntax-error", "slack-mangled", "main-guard"]);
/** Internal modules: never part of a user's upgrade. */
const INTERNAL = /^prefect\.(server|cli|testing|_|.*\._)|\._/;

export const MIGRATION_GUIDE = "https://docs.prefect.io/v3/resources/upgrade-to-prefect-3";

/** Reads what someone wrote for --from/--to as a release, with a note whenever it was not one exactly. */
export function readRelease(
  text: string,
  facts: PrefectFactsStore,
  flag: string,
  notes: string[],
  side: "from" | "to" = "to",
): string {
  // "prefect==3.4.20", "==3.4.20", "v3.4.20": the version as pip or a tag writes it.
  const raw = text.trim().replace(/^(?:prefect\s*)?==\s*/i, "");
  if (raw === "") throw new InputError(`${flag}: a version is required (e.g. 2.20.10 or 3.4)`);
  if (/^latest$/i.test(raw)) {
    notes.push(`${flag} "latest" read as ${facts.latest}, the newest release the facts know.`);
    return facts.latest;
  }
  const line = /^v?(\d+)(?:\.(\d+))?\.[x*]$/i.exec(raw) ?? /^v?(\d+)\.[x*](?:\.[x*])?$/i.exec(raw);
  if (line) {
    const prefix = line[2] === undefined ? line[1]! : `${line[1]}.${line[2]}`;
    const release = lineRelease(facts, prefix, side);
    if (!release) {
      throw new InputError(
        `${flag}: "${raw}" names no release the facts know (they cover ${facts.releases[0]} to ${facts.latest})`,
      );
    }
    notes.push(
      `${flag} "${raw}" is a release line, not a release: read as ${release}, its ${side === "from" ? "first" : "newest"} release.`,
    );
    return release;
  }
  const bare = raw.replace(/^v/i, "");
  if (!isPep440(bare)) {
    throw new InputError(`${flag}: "${raw.slice(0, 40)}" is not a Prefect version (expected e.g. 2.20.10, 3.4 or 3)`);
  }
  if (facts.releases.includes(bare)) return bare;
  const major = Number(bare.split(".")[0]);
  const first = facts.releases[0]!;
  if (comparePep440(bare, first) < 0) {
    notes.push(
      `${flag} ${raw} is older than any release the facts cover (${first} onwards); Prefect 1 to 2 was a rewrite, so the guide starts at ${first}.`,
    );
    return first;
  }
  if (comparePep440(bare, facts.latest) > 0 && major > Number(facts.latest.split(".")[0])) {
    notes.push(`${flag} ${raw} is newer than the newest release known (${facts.latest}); used ${facts.latest}.`);
    return facts.latest;
  }
  const parts = bare.split(/[^\d]+/).filter(Boolean);
  let release: string;
  if (isPrerelease(bare)) {
    release = facts.releases.filter((r) => comparePep440(r, bare) < 0).at(-1) ?? first;
    notes.push(`${flag} ${raw} is a pre-release; used ${release}, the last final release before it.`);
  } else if (parts.length < 3 && !/[a-z]/i.test(bare) && lineRelease(facts, bare, side)) {
    // "from 2.20 to 3.4": from the line's first release (nothing is missed), to its newest.
    release = lineRelease(facts, bare, side)!;
    notes.push(`${flag} ${raw} read as ${release}, the ${side === "from" ? "first" : "newest"} ${bare}.x release.`);
  } else {
    release = facts.releases.filter((r) => comparePep440(r, bare) <= 0).at(-1) ?? first;
    notes.push(`${flag} ${raw} is not a Prefect release; used ${release}, the nearest release below it.`);
  }
  return release;
}

/** The first or newest release of a line ("3", "3.4"), or undefined when the facts have none. */
function lineRelease(facts: PrefectFactsStore, prefix: string, side: "from" | "to"): string | undefined {
  const inLine = facts.releases.filter((r) => r === prefix || r.startsWith(`${prefix}.`));
  return side === "from" ? inLine[0] : inLine.at(-1);
}

export function upgradeGuide(
  deps: UpgradeDeps,
  input: { from: string; to: string; files?: { label: string; code: string }[] },
): UpgradeGuide {
  const notes: string[] = [];
  const from = readRelease(input.from, deps.facts, "--from", notes, "from");
  const to = readRelease(input.to, deps.facts, "--to", notes, "to");
  const first = deps.facts.releases[0]!;
  // Both ends before the first release the facts know (Prefect 0.x/1.x): there is nothing to guide between.
  if (to === first && comparePep440(input.to.trim().replace(/^(?:prefect\s*)?==\s*|^v/gi, ""), first) < 0) {
    throw new InputError(
      `--to ${input.to.trim()} is older than any release the facts cover (${first} onwards): Orca has no facts about Prefect 1, which 2.0 rewrote`,
    );
  }
  if (comparePep440(from, to) > 0) {
    const as = (written: string, release: string) =>
      written.trim() === release ? release : `${written.trim().slice(0, 40)} (read as ${release})`;
    throw new InputError(
      `--from ${as(input.from, from)} is later than --to ${as(input.to, to)}: an upgrade guide goes forward (swap them to see what changed)`,
    );
  }
  const crossesMajor = from.split(".")[0] !== to.split(".")[0];
  if (from === to) notes.push(`${from} to ${to}: nothing changes.`);
  if (crossesMajor) {
    notes.push(
      `This crosses a major version (${from.split(".")[0]} to ${to.split(".")[0]}): read the migration guide too (${MIGRATION_GUIDE}).`,
    );
  }
  const removedApis = from === to ? [] : removedApisBetween(deps.facts, from, to);
  const removedParams = from === to ? [] : removedParamsBetween(deps.facts, from, to, removedApis);
  const settings = deps.changes.removedSettings(from, to).map((s) => ({
    name: s.name,
    lastRelease: s.lastRelease,
    ...(s.aliasOf ? { renamedTo: s.aliasOf } : {}),
  }));
  const cli = deps.changes.removedCommands(from, to).map((c) => {
    const replacement = deps.facts.cliReplacement(c.command.split(" "));
    return { ...c, ...(replacement ? { replacement } : {}) };
  });
  const notesInRange = deps.changes.between(from, to, NOTE_KINDS);
  const code = (input.files ?? []).map((f) => codeReport(deps, f, from, to));
  return {
    from,
    to,
    notes,
    crossesMajor,
    removedApis,
    removedParams,
    settings,
    cli,
    breaking: notesInRange.filter((c) => c.kind === "breaking"),
    deprecations: notesInRange.filter((c) => c.kind === "deprecation"),
    code,
  };
}

function isPublic(fq: string): boolean {
  return fq.startsWith("prefect") && !INTERNAL.test(fq);
}

/** Public names present at `from` and gone at `to`; a removed module or class stands for its removed members. */
function removedApisBetween(facts: PrefectFactsStore, from: string, to: string): RemovedApi[] {
  const removed: RemovedApi[] = [];
  const removedSet = new Set<string>();
  for (const fq of facts.allNames()) {
    if (!isPublic(fq)) continue;
    const before = facts.presence(fq, from);
    if (before.status !== "present") continue;
    const after = facts.presence(fq, to);
    if (after.status === "present") continue;
    const parent = fq.slice(0, fq.lastIndexOf("."));
    removedSet.add(fq);
    if (removedSet.has(parent)) continue;
    // A module's incidental imports are not its API; the package's own namespace (`prefect.X`) is.
    if (before.fact.kind === "reexport" && parent !== "prefect") continue;
    const lastRelease = after.status === "removed" ? after.lastRelease : lastPresent(facts, fq, to);
    removed.push({ name: fq, kind: before.fact.kind, lastRelease, ...replacementOf(facts, fq, to) });
  }
  return removed;
}

function lastPresent(facts: PrefectFactsStore, fq: string, before: string): string {
  const ranges = facts.symbol(fq)?.present ?? [];
  return ranges.filter(([, b]) => comparePep440(b, before) < 0).at(-1)?.[1] ?? "";
}

function replacementOf(facts: PrefectFactsStore, fq: string, to: string): { replacement?: string } {
  const curated = facts.replacement(fq);
  if (curated) return { replacement: curated };
  // Only a class or function found under the same name with the same kind counts as moved; a module or a method
  // that shares a name with something elsewhere is a coincidence.
  const kind = facts.symbol(fq)?.kind;
  if (kind !== "class" && kind !== "function" && kind !== "reexport") return {};
  const lastSeen = facts.symbol(fq)?.present.at(-1)?.[1] ?? facts.latest;
  const defined = kind === "reexport" ? facts.resolve(fq, lastSeen)?.kind : kind;
  if (defined !== "class" && defined !== "function") return {};
  const short = fq.slice(fq.lastIndexOf(".") + 1);
  const moved = facts.locate(short, to).find((m) => isPublic(m) && facts.symbol(m)?.kind === defined);
  return moved && moved !== fq ? { replacement: `now \`${moved}\`` } : {};
}

/** Parameters of callables that exist on both ends and lost a parameter in between. */
function removedParamsBetween(
  facts: PrefectFactsStore,
  from: string,
  to: string,
  removedApis: readonly RemovedApi[],
): UpgradeGuide["removedParams"] {
  const gone = new Set(removedApis.map((r) => r.name));
  const out: UpgradeGuide["removedParams"] = [];
  for (const fq of facts.allNames()) {
    if (!isPublic(fq) || gone.has(fq)) continue;
    const symbol = facts.symbol(fq);
    if (!symbol || !["function", "method", "class", "classmethod", "staticmethod"].includes(symbol.kind)) continue;
    const before = facts.params(fq, from);
    const after = facts.params(fq, to);
    if (!before || !after) continue;
    const kept = new Set(after.map((p) => p.name));
    if (after.some((p) => p.kind === "var_keyword")) continue;
    for (const p of before) {
      if (!kept.has(p.name) && !p.name.startsWith("_") && p.kind !== "var_positional" && p.kind !== "var_keyword") {
        out.push({ callable: fq, param: p.name, lastRelease: previousRelease(facts, fq, p.name, from, to) });
      }
    }
  }
  return out;
}

function previousRelease(facts: PrefectFactsStore, fq: string, param: string, from: string, to: string): string {
  const start = facts.releases.indexOf(from);
  const end = facts.releases.indexOf(to);
  let last = from;
  for (let i = start; i <= end; i++) {
    if (facts.params(fq, facts.releases[i]!)?.some((p) => p.name === param)) last = facts.releases[i]!;
    else if (i > start) break;
  }
  return last;
}

function codeReport(deps: UpgradeDeps, file: { label: string; code: string }, from: string, to: string): CodeReport {
  const { facts, checker } = deps;
  if (!checker) return { label: file.label, uses: [], fixes: [], fixedCode: null };
  const uses: CodeUse[] = [];
  const seen = new Set<string>();
  for (const ref of checker.references(file.code).sort((a, b) => a.line - b.line)) {
    const use = removedUse(facts, ref.name, from, to);
    if (!use || seen.has(use.name)) continue;
    seen.add(use.name);
    uses.push({ ...use, line: ref.line });
  }
  const result = checker.lint(file.code, to);
  // Only what the move breaks: a problem the code already had on `from` is not part of the upgrade.
  const before = new Set(checker.lint(file.code, from).diagnoses.map((d) => `${d.rule}:${d.line}`));
  const lines = file.code.split("\n");
  const fixes: LineFix[] = result.diagnoses
    .filter((d) => !NOT_UPGRADE_RULES.has(d.rule) && d.severity !== "info" && !before.has(`${d.rule}:${d.line}`))
    .map((d) => {
      const fix: LineFix = { line: d.line, rule: d.rule, message: d.message };
      if (!d.fix) return fix;
      const fixed = checker.applyFixes(file.code, [d]).split("\n");
      const span = changedSpan(lines, fixed);
      if (!span) return fix;
      return { ...fix, before: span.before, after: span.after };
    });
  return {
    label: file.label,
    uses,
    fixes,
    fixedCode: result.fixedCode === file.code ? null : result.fixedCode,
  };
}

/** A reference the code makes that existed at `from` and is gone at `to` (a name, or a keyword of a callable). */
function removedUse(
  facts: PrefectFactsStore,
  name: string,
  from: string,
  to: string,
): Omit<CodeUse, "line"> | undefined {
  const call = /^(.*)\((\w+)\)$/.exec(name);
  if (call) {
    const [, callable, param] = call;
    const before = facts.params(callable!, from);
    const after = facts.params(callable!, to);
    if (!before?.some((p) => p.name === param) || !after || after.some((p) => p.name === param)) return undefined;
    if (after.some((p) => p.kind === "var_keyword")) return undefined;
    return { name, lastRelease: previousRelease(facts, callable!, param!, from, to) };
  }
  if (facts.presence(name, from).status !== "present") return undefined;
  if (facts.presence(name, to).status === "present") return undefined;
  // Walk back from `to`: a name reached through a re-export can outlive its own record (a module became a package).
  let lastRelease = from;
  for (let i = facts.releases.indexOf(to) - 1; i >= facts.releases.indexOf(from); i--) {
    if (facts.presence(name, facts.releases[i]!).status === "present") {
      lastRelease = facts.releases[i]!;
      break;
    }
  }
  return { name, lastRelease, ...replacementOf(facts, name, to) };
}

/** The lines that differ between two versions of a text (common head and tail removed). */
function changedSpan(before: string[], after: string[]): { before: string; after: string } | undefined {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  if (head === before.length && head === after.length) return undefined;
  return {
    before: before.slice(head, before.length - tail).join("\n"),
    after: after.slice(head, after.length - tail).join("\n"),
  };
}
