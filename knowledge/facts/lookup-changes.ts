// "Fixed in 3.4.25 (#19258); you are on 3.4.20": matches a question (its words, error text, APIs, settings and code)
// against the release-notes facts and the API history, calibrated so that only a strong match is stated as a fact.
import { codeFences } from "../../core/index.js";
import type { ChangeFact, ChangeFactsStore } from "./change-facts-store.js";
import { entryTerms, type IndexedChange, identifiersIn, platformsIn } from "./change-index.js";
import { comparePep440, isPep440, isPrerelease } from "./pep440-versions.js";
import type { PrefectFacts } from "./types.js";

export interface ChangeQuery {
  /** The question and any quoted error text. */
  text: string;
  /** The asker's code, if any. */
  code?: string;
  /** Prefect API names the question or code uses (fully qualified or short). */
  apis?: string[];
  settings?: string[];
  /** The asker's Prefect version; omitted when unknown. */
  version?: string;
}

/**
 * "after": released after the asker's version (an upgrade helps); "at-or-before": their version has it;
 * "within-line": in the release line they named ("3.4"), so it depends on which patch they run.
 */
export type ChangeRelation = "after" | "at-or-before" | "within-line" | "unknown-version" | "integration";

export interface ChangeMatch {
  change: ChangeFact;
  /** 0..1, calibrated: >= STRONG is stated as a fact, >= RELATED offered as "possibly related". */
  score: number;
  strength: "strong" | "related";
  /** The uncapped score: ranks matches that both reach 1. */
  evidence: number;
  relation: ChangeRelation;
  /** One sentence for the answer. */
  statement: string;
  /** What matched, for tools and debugging ("api prefect.flows.Flow.serve", "words work pool env var ..."). */
  why: string[];
}

export interface Availability {
  /** "prefect.tasks.task" or "prefect.tasks.task(on_running)". */
  name: string;
  /** How the asker wrote it ("@task(on_running=...)"). */
  written: string;
  firstRelease: string;
  /** "added" (the default): arrived after the asker's version; "removed": gone by it. */
  change?: "added" | "removed";
  statement: string;
}

export interface ChangeLookup {
  /** The release the asker's version resolves to (facts are looked up there); null when it cannot be placed. */
  version: string | null;
  matches: ChangeMatch[];
  availability: Availability[];
}

export const STRONG = 0.62;
export const RELATED = 0.35;
/**
 * Score = how much of the entry the question covers (short entries cover easily) and how much idf mass it matched
 * (long, specific matches), in equal parts, plus a little for how much of the question it explains.
 */
const W_COVER = 0.5;
const W_MASS = 0.5;
/** Matched idf mass that counts as a full match (about four distinctive words). */
const MASS_FULL = 20;
const W_EXPLAINED = 0.15;
/** A top match at least this good, and this far ahead of the next, is strong too. */
const CLEAR = 0.5;
const CLEAR_MARGIN = 0.16;
/**
 * The idf mass of about two distinctive words (each used by a few dozen entries: a bit over half the idf of a word one
 * entry alone uses), as a multiple of that one-entry idf. An entry with less content ("Fix flow run cancellation handling bugs": flow, run, cancel) is not
 * fully covered by a question sharing its few common words, and a lone match on less is a coincidence of common
 * words, not the notes singling an entry out.
 */
const SPECIFIC_MASS = 1.15;
const MAX_MATCHES = 5;
/** The upgrade window: releases after (or before) the asker's where the answer to their question usually is. */
const WINDOW = 8;
/** What quoting the same command or flag as an entry adds, when no other entry quotes it. */
const NAME_BONUS = 0.2;
/** A name more entries quote (`prefect deploy`, `prefect.yaml`) is a topic, not a thing: its words count instead. */
const NAME_SHARED_MAX = 5;

export interface LookupDeps {
  changes: ChangeFactsStore;
  facts: PrefectFacts;
}

export function lookupChanges(deps: LookupDeps, query: ChangeQuery): ChangeLookup {
  const placed = placeVersion(deps.facts, query.version);
  const matches = matchEntries(deps.changes, query, placed, deps.facts.releases);
  const availability = placed ? findAvailability(deps.facts, query, placed.release, placed.asked) : [];
  return { version: placed?.release ?? null, matches, availability };
}

/**
 * The asker's version as written ("3.4.20", "3.4", "3.4.99", "2.20rc1") and where it sits among known releases.
 * Statements quote what they wrote; comparisons use PEP 440 on it, so "3.4.99" (not a release) still has 3.4.24's
 * fixes and lacks 3.5.0's, and "2.20rc1" lacks 2.20.0's. A line ("3.4", "3") holds releases both sides of a fix in
 * it: such a fix is offered "if you are on an older 3.4 release". A major the facts do not cover ("1.0", "99") or a
 * text that is no version ("3.x", "latest") places nothing: the version is unknown.
 */
interface PlacedVersion {
  asked: string;
  /** The known release the facts are read at: itself, the newest of its line, or the nearest below it. */
  release: string;
  /** Set when the asker named a line, not a release. */
  line: string | null;
}

function placeVersion(facts: PrefectFacts, version: string | undefined): PlacedVersion | null {
  const asked = (version ?? "")
    .trim()
    .replace(/^(?:prefect\s*)?==\s*/i, "")
    .replace(/^v(?=\d)/i, "");
  if (!asked || !isPep440(asked)) return null;
  const releases = facts.releases;
  const major = asked.split(/\D/)[0];
  if (!releases.some((r) => r.split(".")[0] === major)) return null;
  if (releases.includes(asked)) return { asked, release: asked, line: null };
  const isLine = /^\d+(?:\.\d+)?$/.test(asked);
  if (isLine && releases.some((r) => r.startsWith(`${asked}.`))) {
    return { asked, release: facts.resolveRelease(asked), line: asked };
  }
  // Not a release: the nearest known one below it (a pre-release lacks its final release's changes).
  const below = releases.filter((r) => comparePep440(r, asked) < (isPrerelease(asked) ? 0 : 1)).at(-1);
  return below ? { asked, release: below, line: null } : null;
}

function matchEntries(
  store: ChangeFactsStore,
  query: ChangeQuery,
  version: PlacedVersion | null,
  releases: readonly string[],
): ChangeMatch[] {
  const index = store.index;
  const text = query.text.slice(0, 4000);
  const lower = `${text}\n${query.code ?? ""}`.toLowerCase();
  // Only the question's words count as words: the code's names are matched as API names below.
  const terms = new Set(entryTerms(text));
  const apiNames = new Set<string>();
  for (const a of query.apis ?? []) {
    apiNames.add(a.toLowerCase());
    apiNames.add(a.split(".").at(-1)!.toLowerCase());
  }
  for (const span of inlineCode(text)) {
    const name = span.replace(/^@/, "").replace(/\(.*$/s, "").toLowerCase();
    if (/^[a-z_][\w.]*$/.test(name)) apiNames.add(name);
  }
  // What the code imports from prefect names the APIs involved as well as the question does.
  for (const fq of importedNames(query.code ?? "")) apiNames.add(fq.split(".").at(-1)!.toLowerCase());
  // Identifiers written bare (run_deployment, ProcessPoolTaskRunner, Flow.serve): entries' API names were checked
  // against the API facts when compiled, so only real Prefect names can match.
  for (const word of text.match(/\b[A-Za-z_]\w*(?:\.\w+)*\b/g) ?? []) {
    if (/_|[a-z][A-Z]|\./.test(word)) apiNames.add(word.toLowerCase());
  }
  const asks = askingFor(text);
  const upgraded = UPGRADED.test(text);
  const reportsRemoval = REMOVAL_SEEN.test(text);
  const platforms = new Set(platformsIn(`${text}\n${query.code ?? ""}`));
  const askedIdentifiers = new Set(identifiersIn([text, ...(query.apis ?? [])].join(" ")));
  const queryMass = [...terms].reduce((sum, t) => sum + index.idf(t), 0);
  const specificMass = SPECIFIC_MASS * index.rareIdf;
  const settings = new Set([
    ...(query.settings ?? []),
    ...(lower.toUpperCase().match(/\bPREFECT_[A-Z0-9_]{3,}\b/g) ?? []),
  ]);

  const candidates = new Map<
    number,
    { doc: IndexedChange; coverage: number; mass: number; matched: string[]; why: string[]; bonus: number }
  >();
  const get = (doc: IndexedChange) => {
    let c = candidates.get(doc.index);
    if (!c) {
      const matched = doc.terms.filter((t) => terms.has(t));
      const mass = matched.reduce((s, t) => s + index.idf(t), 0);
      c = {
        doc,
        coverage: doc.mass > 0 ? mass / Math.max(doc.mass, specificMass) : 0,
        mass,
        matched,
        why: [],
        bonus: 0,
      };
      candidates.set(doc.index, c);
    }
    return c;
  };
  for (const m of index.matchWords(terms, 200)) get(m.doc);
  for (const doc of index.byApi(apiNames)) {
    const c = get(doc);
    // A specific name (print_as_log) says more than a common one (flow).
    const named = doc.apis.filter((a) => apiNames.has(a) || apiNames.has(a.split(".").at(-1)!));
    const specificity = Math.max(...named.map((a) => apiSpecificity(a, index)));
    c.bonus += 0.15 * Math.min(1, specificity / 6);
    c.why.push(`api ${doc.apis.filter((a) => apiNames.has(a) || apiNames.has(a.split(".").at(-1)!)).join(", ")}`);
  }
  for (const doc of index.bySetting(settings)) {
    const c = get(doc);
    c.bonus += 0.25;
    c.why.push(`setting ${doc.settings.filter((s) => settings.has(s)).join(", ")}`);
  }
  // A command, flag or file the entry quotes, quoted by the question too; a name many entries share says less.
  const rarest = new Map<IndexedChange, { name: string; sharedBy: number }>();
  for (const { doc, name, sharedBy } of index.byName(lower)) {
    if (sharedBy > NAME_SHARED_MAX) continue;
    const seen = rarest.get(doc);
    if (!seen || sharedBy < seen.sharedBy) rarest.set(doc, { name, sharedBy });
  }
  for (const [doc, { name, sharedBy }] of rarest) {
    const c = get(doc);
    c.bonus += NAME_BONUS / Math.sqrt(sharedBy);
    c.why.push(`name ${name}`);
  }
  for (const doc of index.byErrorText(lower)) {
    const c = get(doc);
    c.bonus += 0.45;
    c.why.push("error text");
  }

  const scored: (ChangeMatch & { words: number; mass: number; statable: boolean })[] = [];
  for (const c of candidates.values()) {
    const change = toFactOf(store, c.doc);
    // Few matched words make a weak match however large a share of a short entry they are.
    const support = Math.min(1, c.matched.length / 3) * 0.6 + Math.min(1, c.mass / 20) * 0.4;
    // How much of the question the entry explains: small, but it separates two entries that cover themselves equally.
    const explained = queryMass > 0 ? Math.min(1, c.mass / queryMass) : 0;
    let score =
      W_COVER * c.coverage * (0.5 + 0.5 * support) +
      W_MASS * Math.min(1, c.mass / MASS_FULL) +
      W_EXPLAINED * explained +
      c.bonus;
    const relation = relationOf(change, version);
    // An integration's entry is placed on the core timeline by its pull request, for the upgrade window.
    const placedAt = relation === "integration" && change.pr !== null ? index.coreReleaseOf(change.pr) : undefined;
    score *= releaseWeight(change, version, relation, releases, placedAt) * kindWeight(change.kind, asks);
    if (upgraded) score *= upgradeWeight(change, version, relation, releases);
    // "No such option", "deprecation warning": the asker meets something removed or on its way out.
    if (reportsRemoval && removes(change)) score *= REMOVAL_WEIGHT;
    // Both name code, and not the same code: the entry is about something else that shares the words.
    const own = c.doc.identifiers;
    if (own.length > 0 && askedIdentifiers.size > 0 && !own.some((i) => askedIdentifiers.has(i))) score *= 0.8;
    // An entry specific to a platform (an integration package's, or a core fix "in Kubernetes jobs") answers a
    // question about that platform; for any other it only shares generic words.
    score *= platformWeight(c.doc, platforms);
    if (score < RELATED) continue;
    if (c.matched.length > 0) c.why.unshift(`words ${c.matched.join(" ")}`);
    const statable = !alreadyHadAddition(change, version, relation, releases, asks, upgraded);
    const strength = statable && score >= STRONG && (c.matched.length >= 2 || c.bonus >= 0.4) ? "strong" : "related";
    const words = c.matched.length;
    scored.push({
      change,
      score: round(Math.min(1, score)),
      evidence: round(score),
      strength,
      relation,
      statement: statementFor(change, relation, version?.asked ?? null),
      why: c.why,
      words,
      mass: c.mass,
      statable,
    });
  }
  scored.sort(
    (a, b) =>
      b.evidence - a.evidence ||
      Number(a.change.product !== "prefect") - Number(b.change.product !== "prefect") ||
      comparePep440(b.change.release, a.change.release),
  );
  // A backport lists the same entry in two lines; keep the best-placed copy.
  const seen = new Set<string>();
  const distinct = scored.filter((m) => {
    // The same pull request in the core notes and an integration's notes is one change.
    const key = m.change.pr === null ? m.change.text.toLowerCase() : `#${m.change.pr}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A good match far ahead of every other entry is strong even below the absolute bar: the notes single it out.
  // Only within the asker's upgrade window, though: a lone weak match dozens of releases away is a coincidence of
  // words more often than their answer.
  const [top, next] = distinct;
  if (
    top?.statable &&
    top.strength === "related" &&
    top.evidence >= CLEAR &&
    top.words >= 3 &&
    top.mass >= specificMass
  ) {
    const near =
      !version || top.relation === "integration" || withinWindow(releases, version.release, top.change.release);
    if (near && top.evidence - (next?.evidence ?? 0) >= CLEAR_MARGIN) top.strength = "strong";
  }
  return distinct.slice(0, MAX_MATCHES).map(({ words: _, mass: __, statable: ___, ...m }) => m);
}

/**
 * What the asker wants: a problem fixed (an error, a crash, wrong behaviour), something made possible, or advice on a
 * choice ("should I use X or Y for ...") with no problem reported; "both" when the question reports a problem and
 * asks how to do something, "unclear" when it has signs of neither.
 */
type Ask = "problem" | "possibility" | "advice" | "both" | "unclear";

/** Words of a bug report, and of a "can it do X" question. Data, general to support questions. */
const PROBLEM_WORDS = new Set(
  (
    "error errors exception traceback fail fails failed failing failure crash crashes crashed crashing broken break " +
    "breaks bug bugs wrong incorrect unexpected unexpectedly hang hangs hanging stuck leak leaks regression instead " +
    "overwritten replaced ignored ignores missing lost duplicate duplicated raises raised cannot can't doesn't " +
    "isn't won't not-working"
  ).split(" "),
);
const POSSIBILITY =
  /\b(is it possible|is there a way|can i|can we|how (?:do|can|should) (?:i|we)|where (?:do|can|should) (?:i|we)|(?:best|recommended|right) way|does prefect support|support for|any way to)\b/i;
/**
 * What a user sees when something they use was removed or is deprecated: the CLI's "No such option/command", Python's
 * "has no attribute" and "unexpected keyword argument", a deprecation warning. General to support questions.
 */
const REMOVAL_SEEN =
  /\b(?:no such (?:option|command)|has no attribute|unexpected keyword|deprecat(?:ed|ion|ions|es)|(?:was|were|been|got) (?:removed|dropped)|no longer (?:exists?|available|supported|accepted))\b/i;
/** How much more an entry that removes or deprecates something weighs for a question that meets a removal. */
const REMOVAL_WEIGHT = 1.2;
/**
 * An error that rejects the asker's input rather than failing at what it does: pydantic's validation errors, Python's
 * "unexpected keyword argument" and "not a valid", "not supported". General to support questions.
 */
const REJECTED_INPUT =
  /\b(?:validation ?errors?|fails? (?:to )?validat\w*|unexpected keyword|is not a valid|not (?:yet )?supported|unsupported (?:type|value|argument)|(?:input|value|type) (?:is )?not (?:allowed|accepted))\b/i;
/** A request for advice between options or on fit, general to support questions. */
const ADVICE =
  /\b(?:should (?:i|we) (?:use|pick|choose|prefer|go with)|which (?:one |of (?:them|these|the two) )?(?:is|should|would) (?:better|faster|best|preferred|recommended)|what(?:'s| is) the difference between|difference between|pros and cons|(?:better|worse|faster|slower) (?:for|than)|when (?:should|would) (?:i|we|you) use)\b/i;
/** The asker says what they see began with an upgrade: the releases they upgraded into are the suspects. */
const UPGRADED =
  /\b(?:since|after|when) (?:i |we )?(?:upgrad|updat|bump|mov(?:ed|ing) to)|\bupgraded\b|\bafter the upgrade\b|\bnew(?:er)? version\b|\bpick(?:ed|ing) up \d/i;

function askingFor(text: string): Ask {
  const words = text.toLowerCase().match(/[a-z'-]+/g) ?? [];
  const problem = words.some((w) => PROBLEM_WORDS.has(w));
  // An error that rejects what the asker passed asks for that input to be accepted as much as for a fix.
  const possible = POSSIBILITY.test(text) || REJECTED_INPUT.test(text);
  if (problem) return possible ? "both" : "problem";
  if (possible) return "possibility";
  return ADVICE.test(text) ? "advice" : "unclear";
}

/**
 * A bug report is answered by a fix, a "can I" question by an addition; a request for advice reporting no problem
 * ("should I use X or Y for ...") is not answered by a fix to one of the options.
 */
function kindWeight(kind: string, ask: Ask): number {
  if (ask === "problem") return kind === "fix" || kind === "integration" ? 1 : 0.85;
  if (ask === "possibility") return kind === "fix" ? 0.9 : 1;
  if (ask === "advice") return kind === "fix" ? 0.85 : 1;
  return 1;
}

/**
 * Releases back from the asker's within which an addition counts as one they "just upgraded into": a new feature
 * explains what they see only when it is that recent (a removal is suspected across the whole upgrade window).
 */
const UPGRADED_ACROSS = 3;

/**
 * An addition the asker's release already has (an enhancement, not a removal filed as one) is not a fact about their
 * question: their release can already do it, so it neither fixes their problem nor answers how to do something (it
 * is offered as possibly related). It explains what they see only as a change they have just upgraded into, and
 * then only when they report no problem (a problem after an upgrade is answered by its fix or by a removal).
 */
function alreadyHadAddition(
  change: ChangeFact,
  placed: PlacedVersion | null,
  relation: ChangeRelation,
  releases: readonly string[],
  ask: Ask,
  upgraded: boolean,
): boolean {
  if (!placed || relation !== "at-or-before") return false;
  if ((change.kind !== "enhancement" && change.kind !== "feature") || REMOVES.test(change.text)) return false;
  const distance = positionOf(releases, placed.release) - positionOf(releases, change.release);
  const justUpgradedInto = upgraded && distance >= 0 && distance <= UPGRADED_ACROSS;
  return !justUpgradedInto || ask === "problem" || ask === "both";
}

function platformWeight(doc: IndexedChange, asked: ReadonlySet<string>): number {
  if (doc.platforms.length === 0 || doc.platforms.some((p) => asked.has(p))) return 1;
  return doc.record.product === undefined ? 0.85 : 0.6;
}

/** A compound name (print_as_log, ProcessPoolTaskRunner) is specific; a one-word one (flow, wait) as its word's idf. */
function apiSpecificity(api: string, index: { idf(term: string): number }): number {
  const parts = entryTerms(api.split(".").at(-1)!);
  return parts.length > 1 ? 6 : parts.length === 1 ? index.idf(parts[0]!) : 0;
}

function toFactOf(store: ChangeFactsStore, doc: IndexedChange): ChangeFact {
  return store.fact(doc.index);
}

function relationOf(change: ChangeFact, version: PlacedVersion | null): ChangeRelation {
  if (change.product !== "prefect") return "integration";
  if (!version) return "unknown-version";
  if (version.line !== null) {
    // Within the asker's line: some of its releases have the change, some do not.
    if (change.release.startsWith(`${version.line}.`)) return "within-line";
    return comparePep440(change.release, version.line) > 0 ? "after" : "at-or-before";
  }
  return comparePep440(change.release, version.asked) > 0 ? "after" : "at-or-before";
}

/**
 * How much the release's place matters: a fix the asker already has rarely explains their problem; an entry from
 * another major line than theirs is background at best.
 */
function releaseWeight(
  change: ChangeFact,
  placed: PlacedVersion | null,
  relation: ChangeRelation,
  releases: readonly string[],
  integrationAt?: string,
): number {
  if (!placed) return 1;
  const version = placed.release;
  if (relation === "integration") {
    // The asker's integration version is unknown: only a change far from their core release's time weighs less.
    if (!integrationAt) return 1;
    const ahead = positionOf(releases, integrationAt) - positionOf(releases, version);
    return ahead > 0 ? upgradeWindow(ahead) : ahead < -15 ? 0.85 : 1;
  }
  const major = (v: string) => v.split(".")[0];
  const otherLine = major(change.release) !== major(version) ? 0.75 : 1;
  if (relation === "after") {
    // The upgrade window: a problem someone meets on their release is most often fixed a few releases later (the
    // bug is recent, or it would have been fixed before they got there); an entry dozens of releases on is more
    // often an unrelated change that shares words.
    return otherLine * upgradeWindow(positionOf(releases, change.release) - positionOf(releases, version));
  }
  if (relation !== "at-or-before") return otherLine;
  // A change the asker has just upgraded into explains what they see; one from long before rarely does.
  const distance = positionOf(releases, version) - positionOf(releases, change.release);
  const recency = distance >= 0 && distance <= 3 ? 1 : distance >= 0 && distance <= 15 ? 0.85 : 0.65;
  return otherLine * recency * (change.kind === "fix" ? 0.7 : 1);
}

/**
 * After "since upgrading ...": a change in the releases the asker upgraded across (the upgrade window back, their own
 * included) is the likely cause, a breaking change or deprecation most of all; anything else weighs as usual.
 */
function upgradeWeight(
  change: ChangeFact,
  placed: PlacedVersion | null,
  relation: ChangeRelation,
  releases: readonly string[],
): number {
  if (!placed || relation !== "at-or-before") return 1;
  const distance = positionOf(releases, placed.release) - positionOf(releases, change.release);
  if (distance < 0 || distance > WINDOW) return 1;
  return removes(change) ? 1.3 : change.kind === "fix" ? 1 : 1.15;
}

/** An entry whose verb deprecates or removes something, whatever heading the notes file it under. */
const REMOVES = /^(?:deprecate|remove|drop)\b/i;

/** A breaking change or deprecation; notes file some under another heading, so the entry's verb counts too. */
function removes(change: ChangeFact): boolean {
  return change.kind === "breaking" || change.kind === "deprecation" || REMOVES.test(change.text);
}

/** Each release list's positions, computed once: a lookup weighs hundreds of candidates by their release's place. */
const POSITIONS = new WeakMap<readonly string[], Map<string, number>>();

function positionOf(releases: readonly string[], release: string): number {
  let positions = POSITIONS.get(releases);
  if (!positions) {
    positions = new Map(releases.map((r, i) => [r, i]));
    POSITIONS.set(releases, positions);
  }
  return positions.get(release) ?? -1;
}

/** A release at most WINDOW releases either side of the asker's. */
function withinWindow(releases: readonly string[], asked: string, release: string): boolean {
  const a = positionOf(releases, asked);
  const r = positionOf(releases, release);
  return a >= 0 && r >= 0 && Math.abs(r - a) <= WINDOW;
}

/** The weight of an entry this many releases after the asker's. */
function upgradeWindow(ahead: number): number {
  return ahead <= WINDOW ? 1 : ahead <= 20 ? 0.9 : ahead <= 40 ? 0.8 : 0.7;
}

function statementFor(change: ChangeFact, relation: ChangeRelation, version: string | null): string {
  const ref = change.pr === null ? "" : ` (#${change.pr})`;
  const what = `“${change.text}”`;
  const verb = removes(change) ? "Changed" : change.kind === "fix" ? "Fixed" : "Added";
  if (relation === "integration") {
    return `${verb} in ${change.product} ${change.release}${ref}: ${what}. Upgrade ${change.product} to ${change.release} or later.`;
  }
  if (relation === "unknown-version") {
    return `${verb} in ${change.release}${ref}: ${what}. If you are on an older release, upgrade to ${change.release} or later.`;
  }
  if (relation === "within-line") {
    return `${verb} in ${change.release}${ref}: ${what}. If you are on an older ${version}.x release, upgrade to ${change.release} or later.`;
  }
  if (relation === "after") {
    if (removes(change)) {
      return `Changes in ${change.release}${ref}: ${what}. You are on ${version}, so this applies when you upgrade.`;
    }
    return `${verb} in ${change.release}${ref}: ${what}. You are on ${version}: upgrade to ${change.release} or later.`;
  }
  if (change.kind === "fix" && !removes(change))
    return `Fixed in ${change.release}${ref}, which your ${version} already includes: ${what}.`;
  return `Since ${change.release}${ref}: ${what} (you are on ${version}).`;
}

/** APIs and keyword arguments the question or code uses that arrived after the asker's version. */
function findAvailability(facts: PrefectFacts, query: ChangeQuery, version: string, asked: string): Availability[] {
  const out: Availability[] = [];
  const seen = new Set<string>();
  const sources = [...inlineCode(query.text), ...fencedCode(query.text), ...(query.code ? [query.code] : [])];
  for (const { callable, keyword, written } of keywordCalls(sources)) {
    const fq = resolveCallable(facts, callable, version);
    if (!fq || seen.has(`${fq}(${keyword})`)) continue;
    seen.add(`${fq}(${keyword})`);
    // A keyword can only have "arrived" on a callable the asker's release has; when it lacks the callable, the
    // callable is what arrived (a release the asker can upgrade to) or what moved (nothing to say about the keyword).
    if (!facts.params(fq, version)) {
      const presence = facts.presence(fq, version);
      if (presence.status !== "not-yet" || seen.has(fq)) continue;
      seen.add(fq);
      const short = callable.replace(/^@/, "").split(".").at(-1)!;
      out.push({
        name: fq,
        written: short,
        firstRelease: presence.firstRelease,
        statement: `\`${short}\` arrived in ${presence.firstRelease}; you are on ${asked}: upgrade to ${presence.firstRelease} or later.`,
      });
      continue;
    }
    const has = (release: string) => facts.params(fq, release)?.some((p) => p.name === keyword) ?? false;
    if (has(version)) continue;
    const first = firstReleaseAfter(facts, version, has);
    if (!first) continue;
    out.push({
      name: `${fq}(${keyword})`,
      written,
      firstRelease: first,
      statement: `\`${written}\` arrived in ${first}; you are on ${asked}: upgrade to ${first} or later.${siblingNote(facts, fq, keyword, version)}`,
    });
  }
  for (const name of query.apis ?? []) {
    const fq = name.includes(".") ? name : resolveCallable(facts, name, version);
    if (!fq || seen.has(fq)) continue;
    seen.add(fq);
    const presence = facts.presence(fq, version);
    if (presence.status !== "not-yet") continue;
    out.push({
      name: fq,
      written: name,
      firstRelease: presence.firstRelease,
      statement: `\`${name}\` arrived in ${presence.firstRelease}; you are on ${asked}: upgrade to ${presence.firstRelease} or later.`,
    });
  }
  // What the code imports, and what an import error quotes (`cannot import name 'X' from 'prefect.y'`).
  for (const fq of [...importedNames(sources.join("\n")), ...namesInImportErrors(query.text)]) {
    if (seen.has(fq)) continue;
    seen.add(fq);
    const presence = facts.presence(fq, version);
    // Across a major line a missing name is a migration (the upgrade guide's), not one release to upgrade to.
    if (presence.status === "not-yet" && presence.firstRelease.split(".")[0] === version.split(".")[0]) {
      out.push({
        name: fq,
        written: fq,
        firstRelease: presence.firstRelease,
        statement: `\`${fq}\` arrived in ${presence.firstRelease}; you are on ${asked}: upgrade to ${presence.firstRelease} or later.`,
      });
      continue;
    }
    if (presence.status !== "removed") continue;
    const gone = facts.releases[facts.releases.indexOf(presence.lastRelease) + 1];
    if (!gone) continue;
    const instead = presence.replacement ? ` ${presence.replacement}` : "";
    out.push({
      name: fq,
      written: fq,
      firstRelease: gone,
      change: "removed",
      statement: `\`${fq}\` was removed in ${gone} (the last release with it is ${presence.lastRelease}); you are on ${asked}.${instead}`,
    });
  }
  return out;
}

/** Prefect names a text imports (`from prefect.blocks.system import JSON`) or spells out (`prefect.runner.serve`). */
function importedNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/from\s+(prefect[\w.]*)\s+import\s+\(?([\w, \n]+)\)?/g)) {
    for (const name of m[2]!.split(",")) {
      const bare = name.trim().split(/\s+/)[0];
      if (bare) out.add(`${m[1]}.${bare}`);
    }
  }
  for (const m of text.matchAll(/\bprefect(?:\.[A-Za-z_]\w*)+/g)) out.add(m[0]);
  return [...out];
}

/**
 * Names an import error quotes: Python's `cannot import name 'X' from 'prefect.y'` and `No module named 'prefect.y'`,
 * with or without the quotes a chat strips.
 */
export function namesInImportErrors(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/cannot import name ['"`]?(\w+)['"`]?\s+from\s+['"`]?(prefect[\w.]*)/gi)) {
    out.add(`${m[2]!.replace(/\.$/, "")}.${m[1]}`);
  }
  for (const m of text.matchAll(/no module named ['"`]?(prefect\.[\w.]*\w)/gi)) out.add(m[1]!);
  return [...out];
}

/** "(flows have had `on_running` since 2.16.3)": the same keyword on the sibling decorator, when it had it earlier. */
function siblingNote(facts: PrefectFacts, fq: string, keyword: string, version: string): string {
  const siblings: Record<string, string> = {
    "prefect.tasks.task": "prefect.flows.flow",
    "prefect.flows.flow": "prefect.tasks.task",
  };
  const other = siblings[fq];
  if (!other || !facts.params(other, version)?.some((p) => p.name === keyword)) return "";
  const first = firstReleaseAfter(
    facts,
    facts.releases[0]!,
    (r) => facts.params(other, r)?.some((p) => p.name === keyword) ?? false,
    true,
  );
  const noun = other.endsWith(".flow") ? "flows" : "tasks";
  return first ? ` (${noun} have had \`${keyword}\` since ${first})` : "";
}

function firstReleaseAfter(
  facts: PrefectFacts,
  version: string,
  has: (release: string) => boolean,
  inclusive = false,
): string | undefined {
  const start = facts.releases.indexOf(version);
  for (let i = inclusive ? start : start + 1; i < facts.releases.length; i++) {
    if (i >= 0 && has(facts.releases[i]!)) return facts.releases[i];
  }
  return undefined;
}

/** A callable's full name, where the asker's release has it (else where the newest release does). */
function resolveCallable(facts: PrefectFacts, name: string, version: string): string | undefined {
  const bare = name.replace(/^@/, "");
  if (bare.startsWith("prefect.") && facts.symbol(bare)) return bare;
  const user = (fq: string) => !/^prefect\.(server|cli|_)/.test(fq);
  const short = bare.split(".").at(-1)!;
  return facts.locate(short, version).find(user) ?? facts.locate(short, facts.latest).find(user);
}

/** Fenced code blocks of a text. */
function fencedCode(text: string): string[] {
  return codeFences(text)
    .filter((f) => f.closed)
    .map((f) => f.body);
}

/** Inline code spans of a text (`...`). */
function inlineCode(text: string): string[] {
  return [...text.matchAll(/`([^`\n]{1,200})`/g)].map((m) => m[1]!);
}

/** `name(kw=...)` calls (decorators included) and their keywords, read from code or inline code. */
function keywordCalls(sources: string[]): { callable: string; keyword: string; written: string }[] {
  const out: { callable: string; keyword: string; written: string }[] = [];
  for (const source of sources) {
    for (const call of source.matchAll(/(@?)([A-Za-z_][\w.]*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
      const [, at, callable, args] = call;
      for (const kw of args!.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)/g)) {
        out.push({ callable: callable!, keyword: kw[1]!, written: `${at}${callable}(${kw[1]}=...)` });
      }
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
