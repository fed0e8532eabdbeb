// Claim extractors: one clause of a sentence → the typed claims it makes. Each shape is a small reader over the
// clause's tokens (inline code, API names, cue words from the lexicon); none is tied to one wording.

import type { PrefectApiFacts, SettingsFacts } from "../facts/index.js";
import {
  NUMBER_WORDS,
  readInlineCalls,
  readLoneFlags,
  readNamedParams,
  readParamTopics,
  readPlacedNames,
  readReturnedFrom,
  readSettingTopics,
  statedQuantity,
} from "./inline-facts.js";
import {
  ASIDE_WORDS,
  BACK_VERBS,
  BEHAVIOURS,
  CACHE_POLICY_MODULE,
  CHANGE_NOUNS,
  CLAUSE_BREAKS,
  CORE_PLACES,
  DEFAULT_CACHE_POLICY_PARTS,
  DEFAULT_CUES,
  DENIALS,
  DEPRECATED_SINCE,
  EVENT_BOUNDS,
  EXISTENCE_KINDS,
  EXISTENCE_WORDS,
  FEATURE_NOUNS,
  FILE_SUFFIXES,
  FILLER_WORDS,
  IMPORT_CUES,
  MEMBER_CUES,
  MEMBER_OWNERS,
  NAME_NOUNS,
  NEGATORS,
  NOT_DEPRECATED,
  PARAM_CUES,
  PASSIVE_MEMBERS,
  PYTHON_SUPPORT,
  PYTHON_SUPPORT_WORDS,
  QUANTITY_UNITS,
  REMOVAL_WORDS,
  REPORT_NOUNS,
  RETURN_CUES,
  RETURN_NOUNS,
  RUN_OWNERS,
  RUN_WORDS,
  STATE_START_WORDS,
  STILL_WORDS,
  TAKING_WORDS,
  TYPE_NOUNS,
  TYPE_QUALIFIERS,
  UNLESS_TOLD_OTHERWISE,
  UNTIL_WORDS,
  VERSION_EVENTS,
} from "./lexicon.js";
import { moduleAttributeNamed } from "./module-attributes.js";
import { splitArgs } from "./python-chain.js";
import type { NameResolver } from "./resolve-names.js";
import { ANY_DEFAULT, APART, DECORATOR_MARK, hasPunctuation, isIdentifier, withoutSuffix } from "./text.js";
import {
  deniesOrTellsHistory,
  inTrailingCondition,
  isNegator,
  leadingConditionComma,
  leadingConditionEnd,
  phraseText,
  type Token,
  valueChangeAt,
  withoutNamesCode,
  withoutTrailingCondition,
} from "./tokens.js";
import type { Claim } from "./types.js";
import { covers, versionMentions } from "./versions.js";

export interface FoundClaim {
  claim: Claim;
  skip?: "negated";
  /** The release the clause is about when it names another one ("in 2.x …"): the claim is checked there. */
  release?: string;
  /** When the clause names a whole line ("in 2.x"): its first release, for claims that hold only in part of it. */
  from?: string;
}

export interface ExtractContext {
  facts: PrefectApiFacts;
  /** The settings table (for the names a setting was renamed from). */
  settings?: SettingsFacts;
  release: string;
  names: NameResolver;
  /** Major version the surrounding text is about, when a heading or "If you're on …" line says so. */
  scopeMajor?: number;
  /** The whole sentence negates or speaks of removal: a bare mention of a name in it claims nothing. */
  sentenceDenies?: boolean;
  /** All tokens of the sentence, for what a clause leaves to its sentence (the release it is about). */
  sentenceTokens?: Token[];
  /** The callable whose return value the sentence described so far ("`run_deployment` returns …; call `.wait()` on it"). */
  sentenceReturned?: string;
  /** The callable the previous sentences were about (for "pass `timeout=`" with no callable of its own). */
  lastCallable?: string;
  /**
   * Every callable an earlier clause of this sentence passed keywords to, the latest first ("`f(x=1)`; `x` defaults
   * to …").
   */
  sentenceCallables?: string[];
  /** The `prefect …` command the text named last (whose flags a lone `--flag` most likely is). */
  lastCommand?: string;
  /** The one setting the previous sentences named last ("that setting defaults to …"). */
  lastSetting?: string;
  /** What the previous sentence named in code, for a sentence that opens with a pronoun ("They were removed in …"). */
  lastSubjects?: string[];
}

/** A member named further than this many tokens from a type noun is not said of it. */
const MAX_OWNER_DISTANCE = 6;
/** … unless it continues a list of that noun's members, at most this many tokens after the previous one. */
const MAX_LIST_GAP = 4;
/** Words after a denial's verb where the clause goes on to something else ("…, use `Y` instead"). */
const SUBORDINATORS = new Set(["if", "when", "unless", "because", "that", "which", "where", "whether", "once"]);
const DENIAL_STOPS = new Set(["use", "instead", "so", "but", "and", "only", "because", "since", "try"]);
const PASSIVE_AUX = new Set(["be", "are", "is", "get", "can", "also", "both", "all", "only", "now", "not"]);
/** Words between a list of parameters and the preposition that names whose they are ("… are set on the flow"). */
const LIST_WORDS = new Set([
  "and",
  "or",
  ",",
  "is",
  "are",
  "set",
  "go",
  "goes",
  "belong",
  "belongs",
  "passed",
  "given",
  "also",
  "only",
  "both",
  "all",
]);
const OWNER_PREPOSITIONS = new Set(["on", "to", "for", "of"]);
/** Verbs that date an arrival only when a name in code is their subject ("`X` needs 3.2"). */
const NEED_WORDS = new Set(["needs", "requires"]);
/** Words a clause may start with when its subject is the sentence's earlier name ("… were introduced in 2.14"). */
const ELIDED_SUBJECT = new Set(["was", "were", "is", "are", "has", "have", "been", "had", "only", "first", "later"]);
/** Verbs that give a thing a new name: "renamed to `Y` in V" dates `Y`'s arrival. */
const RENAME_WORDS = new Set(["renamed", "rebranded"]);
/** "`Y` replaced `X` in V", "`X` was replaced by `Y` in V": `Y` arrived in V. */
const REPLACED_WORDS = new Set(["replaced", "superseded"]);
const PRONOUNS = new Set(["it", "them", "this", "that", "these", "those"]);

const isSetting = (text: string) => text.startsWith("PREFECT_") && text === text.toUpperCase() && text.length > 9;
const bare = (text: string) => withoutSuffix(text.replace("()", ""), "=");

/** Every claim of one clause, marked when the clause negates it, with the release it is about. */
export function extractClause(whole: Token[], ctx: ExtractContext): FoundClaim[] {
  // "If you don't need the task's result, call `.wait()`": a leading condition that names no code is no claim, and
  // its nouns and negations are not the claim's (its version still scopes the clause, through the sentence).
  const condition = leadingConditionEnd(whole);
  const clause = condition >= 0 ? whole.slice(condition + 1) : whole;
  if (clause.length === 0) return [];
  const denied = readDenial(clause, ctx);
  if (denied.length > 0) return denied;
  const oldNames = readOldNamesGone(clause, ctx);
  if (oldNames.length > 0) return oldNames;
  const removed = readUndatedRemoval(clause, ctx);
  if (removed.length > 0) return removed;
  const current = readNotDeprecated(clause, ctx);
  if (current.length > 0) return current;
  const claims: Claim[] = [];
  const used = new Set<number>();
  // "`parameters`: a dictionary of values to pass to runs of this flow": a list label is described, not owned by the
  // nouns of its description.
  const label = clause[0];
  if (label?.type === "code" && clause[1]?.text === ":" && isIdentifier(label.text) && label.text === label.lower)
    used.add(0);
  // "If you don't set `retries`, tasks fall back to `PREFECT_…`": a leading condition that names code keeps its nouns
  // for the whole clause, but its negation is only its own claims' (those its words alone make).
  const codeCondition = negatedCodeConditionEnd(clause);
  const negatorAt = ownNegator(clause, codeCondition);
  const versionClaims = readVersions(clause, ctx, used);
  claims.push(...readAll(clause, ctx, used));
  const conditionClaims =
    codeCondition >= 0
      ? conditionOwn(clause, codeCondition, readAll(clause.slice(0, codeCondition), ctx, new Set()))
      : undefined;
  const release = aboutRelease(clause, ctx);
  // A clause of names alone ("`S3`, `GitHub`", a list label before ":") and a sentence that denies or tells history
  // say nothing about what exists now.
  // "The old classes live elsewhere, so `from … import Cron` works": a consequence that itself neither denies nor
  // tells history says what holds now.
  const denies =
    ctx.sentenceDenies &&
    !(
      clause[0]?.lower === "so" &&
      !deniesOrTellsHistory(clause) &&
      !clause.some((t) => FAILURE_WORDS.has(t.lower) || REPLACING_WORDS.has(t.lower))
    );
  const predicate = clause.some(
    (t) => t.type === "word" && !FILLER_WORDS.has(t.lower) && !ctx.names.distinctive(t.text) && t.lower !== "prefect",
  );
  // "`X` is the 3.x name": a version between an article and a noun says whose the name is; on another release,
  // naming it claims nothing about the asker's ("the 2.x shortcut `X` is still there" does).
  const elsewhere =
    !clause.some((t) => t.lower === "still" || STILL_WORDS.has(t.lower)) &&
    clause.some(
      (t, i) =>
        t.type === "version" &&
        ["the", "a", "an"].includes(clause[i - 1]?.lower ?? "") &&
        clause[i + 1]?.type === "word" &&
        !covers({ text: withoutSuffix(t.text, "+"), bound: "in" }, ctx.release),
    );
  // "3.0 and 3.1 dropped the single `schedule=` argument": a keyword in a clause that tells its removal is history,
  // whichever callable the sentence gave it.
  const removal = clause.some((t) => VERSION_EVENTS[t.lower] === "removed");
  for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i]!;
    const mention =
      c.mention ||
      (EXISTENCE_KINDS.has(c.kind) && c.kind !== "setting") ||
      (c.kind === "setting" && !c.detail) ||
      (removal && c.kind === "param");
    if (!mention || !(denies || !predicate || elsewhere)) continue;
    claims.splice(i, 1);
    // Not judged, the command named is still what a flag denied later in the sentence belongs to.
    if (c.kind === "cli" && !c.subject.startsWith("flag:")) ctx.lastCommand = c.subject;
  }
  // A version statement is negated only by a negation before its event ("was not removed in 3.0"), not by what
  // follows it ("was removed in 3.1 and no longer works").
  const out: FoundClaim[] = versionClaims.map(({ claim, cueAt }) =>
    (negatorAt >= 0 && (cueAt < 0 ? false : negatorAt < cueAt)) || (cueAt >= 0 && cueAt < codeCondition)
      ? { claim, skip: "negated" as const }
      : { claim },
  );
  for (const { claim, cueAt } of readDeprecatedSince(clause, ctx))
    out.push(negatorAt >= 0 && negatorAt < cueAt ? { claim, skip: "negated" } : { claim });
  const relativeDefault = negatorAt >= 0 ? relativeDefaultOf(clause, negatorAt) : undefined;
  for (const claim of claims) {
    const ownPolarity = relativeDefault !== undefined && statesDefaultOf(claim, relativeDefault);
    if ((negatorAt >= 0 && !ownPolarity) || conditionClaims?.(claim)) out.push({ claim, skip: "negated" });
    else out.push(release ? { claim, ...release } : { claim });
  }
  // A behaviour is read in each part of a clause around ":" ("Don't worry about `.wait()`: the flow will wait …"),
  // with that part's own polarity.
  // Behaviours are phrases over the whole clause: a condition may be half of one ("When a suspended run is resumed,
  // it continues …").
  const sentence = ctx.sentenceTokens ?? whole;
  for (const part of splitAt(whole, ":")) {
    // "If the variable does not exist …, it raises": a negation inside a leading condition is the condition's.
    const conditionEnd = Math.max(leadingConditionComma(part), -1);
    // "only on flow runs, not task runs", "a task that fails", "a missing limit": words that negate nothing in their
    // place (`isNegator`); "instead" keeps negating here however it stands.
    // "… raises when the futures are not all finished": a negation in a trailing condition is the condition's too.
    const negatorAt = (t: Token, k: number) =>
      k > conditionEnd &&
      t.type === "word" &&
      NEGATORS.has(t.lower) &&
      (t.lower === "instead" || isNegator(part, k)) &&
      !inTrailingCondition(part, k);
    const negated = part.some(negatorAt);
    // "`as_completed` behaves the same way: on timeout it just stops …", "…, so it now works from tasks too": a part
    // whose subject is a pronoun is read with what the sentence said before it (its own polarity still decides).
    const before = sentence.slice(0, Math.max(0, sentence.indexOf(part[0]!)));
    // The part must say something of its own: what the earlier words state alone was read (with its polarity) there.
    const carried = pronounSubject(part) && before.length > 0;
    const earlier = carried ? new Set(readBehaviours(before, ctx).map((c) => c.subject)) : undefined;
    const behaviours = carried
      ? readBehaviours([...before, ...part], ctx).filter((c) => !earlier!.has(c.subject))
      : readBehaviours(part, ctx);
    for (const claim of [...behaviours, ...readDefaultPolicy(part, ctx), ...readPythonSupport(part)]) {
      // A word of the behaviour itself ("… fails if a task failed") states it rather than negating it.
      const own = BEHAVIOUR_WORDS.get(claim.subject);
      // "… returns a `Failed` state instead of raising": "instead of" negates what follows it; a behaviour stated
      // before it keeps the polarity of the words before it.
      const insteadOf = part.findIndex((t, k) => t.lower === "instead" && part[k + 1]?.lower === "of");
      const scope =
        insteadOf > 0 &&
        readBehaviours(carried ? [...before, ...part.slice(0, insteadOf)] : part.slice(0, insteadOf), ctx).some(
          (c) => c.subject === claim.subject,
        )
          ? part.slice(0, insteadOf)
          : part;
      const denied = negated && scope.some((t, k) => negatorAt(t, k) && !own?.has(t.lower));
      out.push(denied ? { claim, skip: "negated" } : release ? { claim, ...release } : { claim });
    }
  }
  return out;
}

/**
 * "Don't confuse these with `PREFECT_X`, which … defaults to 3": a relative clause after a comma says what its
 * antecedent is, outside the negation of the clause before it. The name in code right before ", which", when the
 * negation comes before it, the relative clause states a default and negates nothing itself.
 */
function relativeDefaultOf(clause: Token[], negatorAt: number): string | undefined {
  const which = clause.findIndex(
    (t, i) => i > negatorAt && REASON_OR_RELATIVE.has(t.lower) && clause[i - 1]?.text === ",",
  );
  // "…, because its `timeout` now defaults to 0": a reason given after the negated statement is a statement of its
  // own about the name that opens it.
  const antecedent =
    clause[which]?.lower === "which"
      ? clause[which - 2]
      : clause.slice(which + 1, which + 4).find((t) => t.type === "code");
  if (which < 0 || antecedent?.type !== "code") return undefined;
  const relative = clause.slice(which);
  if (!relative.some((t) => t.lower === "defaults" || t.lower === "default")) return undefined;
  if (relative.some((_, i) => isNegator(relative, i))) return undefined;
  return antecedent.text.split("=")[0]!;
}

const REASON_OR_RELATIVE = new Set(["which", "because", "since", "as"]);

/** A stated default (of a setting or a parameter) of the named thing. */
function statesDefaultOf(claim: Claim, name: string): boolean {
  if (claim.kind === "setting") return claim.detail !== undefined && claim.subject === name;
  return claim.kind === "default" && claim.detail?.split("=")[0] === bare(name);
}

/** The readers of claims about names, in order; `used` marks tokens a reader has taken. */
function readAll(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  return [
    ...readCli(clause, ctx, used),
    ...readSettings(clause, ctx, used),
    ...readSettingTopics(clause, ctx.sentenceTokens ?? clause),
    ...readParamTopics(clause, ctx, { callees: (text) => calleeReadings(ctx, text) }, ctx.sentenceTokens ?? clause),
    ...readImports(clause, ctx, used),
    ...readPlacedNames(clause, ctx, used),
    ...readReturns(clause, ctx, used),
    ...readMembers(clause, ctx, used),
    ...readLoneFlags(clause, ctx, used),
    ...readInlineCalls(clause, ctx, used, { callees: (text) => calleeReadings(ctx, text) }),
    ...readRelativeTaking(clause, ctx, used),
    ...readVerbSwitch(clause, ctx),
    ...readThatOptionDefault(clause, ctx),
    ...readTypeDefault(clause, ctx, used),
    ...readParams(
      clause,
      ctx,
      used,
      clause.map((t) => t.lower),
    ),
    ...readNamedParams(clause, ctx, used),
    ...readExists(clause, ctx, used),
  ];
}

/**
 * Which claims are a leading condition's own: those its words alone make, and those about a name written in code
 * only inside it (read with the clause's nouns, `retries` may be the task's there).
 */
function conditionOwn(clause: Token[], end: number, alone: Claim[]): (c: Claim) => boolean {
  const keys = new Set(alone.map(claimKey));
  const names = (ts: Token[]) =>
    new Set(ts.filter((t) => t.type === "code").map((t) => bare(t.text.split("=")[0]!.split("(")[0]!)));
  const inside = names(clause.slice(0, end));
  const after = names(clause.slice(end + 1));
  const written = (n: string | undefined) => n !== undefined && inside.has(n) && !after.has(n);
  return (c) => keys.has(claimKey(c)) || written(c.detail) || written(c.subject.split(".").pop());
}

const claimKey = (c: Claim) => `${c.kind}\u0000${c.subject}\u0000${c.detail ?? ""}`;

/**
 * Where a leading condition that names code and negates ends ("If you don't set `retries`, …"): its comma, or -1.
 * Its negation is its own; what follows the comma keeps its own polarity.
 */
function negatedCodeConditionEnd(clause: Token[]): number {
  if (!CONDITIONS.has(clause[0]?.lower ?? "")) return -1;
  const comma = clause.findIndex((t) => t.text === ",");
  if (comma < 0 || !clause.slice(0, comma).some((t) => t.type === "code" || t.type === "flag")) return -1;
  return clause.slice(0, comma).some((_, i) => isNegator(clause, i)) ? comma : -1;
}

/**
 * Where a contrast that closes the clause starts ("`wait` lives in `prefect.futures`, not in `prefect`"): its comma,
 * or -1. Its "not" denies only the place named after it; what the clause said before the comma stands.
 */
function contrastTail(clause: Token[]): number {
  const comma = clause.findIndex((t, i) => t.text === "," && clause[i + 1]?.lower === "not");
  if (comma <= 0 || !clause.slice(0, comma).some((t) => t.type === "code")) return -1;
  const tail = clause.slice(comma + 2).filter((t) => t.type !== "punct");
  // The tail is a place and nothing more: a name in code, after at most a preposition and an article or two.
  const code = tail.findIndex((t) => t.type === "code");
  return code >= 0 && code <= 3 && tail.length - code <= 3 ? comma : -1;
}

const CONDITIONS = new Set(["if", "unless", "when", "whenever"]);
/** "…, so `prefect worker start` replaces `prefect agent start`": what is replaced is the old thing. */
const REPLACING_WORDS = new Set(["replaces", "replace", "replacing", "supersedes", "instead", "successor", "over"]);
/** "…, so `from … import Deployment` will fail": a consequence that breaks says what no longer works. */
const FAILURE_WORDS = new Set(["fail", "fails", "failing", "break", "breaks", "error", "errors", "raise", "raises"]);

/**
 * Where the clause negates what it says, or -1. A negation inside a trailing condition that names no API ("`X`
 * accepts `y=False` if you don't want …") is the condition's own, not the claim's.
 */
function ownNegator(clause: Token[], conditionEnd = -1): number {
  const firstCode = clause.findIndex((t) => t.type === "code");
  const condition = clause.findIndex((t, i) => firstCode >= 0 && i > firstCode && CONDITIONS.has(t.lower));
  const trailing = condition >= 0 && !clause.slice(condition).some((t) => t.type === "code");
  // "`f(…)` deploys without an image build": "without" negates only its own phrase, so with no code in it the
  // claims around it stand.
  // "If the limit doesn't exist yet, pass `create_if_missing=True`": a leading condition's negation is its own.
  const leading = Math.max(leadingConditionEnd(clause), conditionEnd);
  const contrast = contrastTail(clause);
  return clause.findIndex(
    (t, i) =>
      isNegator(clause, i) &&
      !(trailing && i > condition) &&
      i > leading &&
      !(contrast >= 0 && i > contrast) &&
      !(t.lower === "without" && !withoutNamesCode(clause, i)),
  );
}

/**
 * "`X` no longer exists", "`schedule=` never existed in 3.x", "`from … import Y` no longer imports", "there is no
 * `X` in 2.x": a denial that something exists is itself a claim, true exactly when the thing is absent.
 */
/** The type that a "<type>-only" name is said not to be for: tasks and flows take most of the same options. */
const OTHER_TYPE: Record<string, string> = { task: "prefect.flows.Flow", flow: "prefect.tasks.Task" };

/** Words between "only" and the place of a type ("only available on flows", "only works for tasks"). */
const ONLY_PLACE_WORDS = new Set(["available", "supported", "works", "work", "exists", "exist", "allowed", "accepted"]);
const ONLY_PLACE_PREPOSITIONS = new Set(["on", "for", "in", "to", "with"]);

/**
 * "`on_commit` is only available on flows (, not on tasks)", "…, but it only works for tasks": a parameter said to
 * be one type's only is that type's, and is denied of the other. The name is in code before "only", or, for a part
 * opening with a pronoun, the parameter its sentence named before it.
 */
function readOnlyOnType(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  const j = clause.findIndex((t) => t.lower === "only");
  if (j < 0 || clause.slice(0, j).some((t) => SUBORDINATORS.has(t.lower) || CONDITIONS.has(t.lower))) return [];
  let k = j + 1;
  while (ONLY_PLACE_WORDS.has(clause[k]?.lower ?? "")) k++;
  if (!ONLY_PLACE_PREPOSITIONS.has(clause[k]?.lower ?? "")) return [];
  if (["the", "a", "your"].includes(clause[k + 1]?.lower ?? "")) k++;
  const noun = clause[k + 1]?.lower ?? "";
  const own = ["flow", "flows", "task", "tasks"].includes(noun) ? TYPE_NOUNS[noun] : undefined;
  // "only on flows that …" narrows the flows; the type is the statement's only when the noun ends it or a comma does.
  if (!own || !(k + 2 >= clause.length || [",", "."].includes(clause[k + 2]!.text))) return [];
  const other = OTHER_TYPE[noun.replace(/s$/, "")]!;
  const written = clause.slice(Math.max(0, j - 6), j).findLast((x) => x.type === "code");
  const sentence = ctx.sentenceTokens ?? clause;
  const opener = CLAUSE_BREAKS.has(clause[0]?.lower ?? "") ? 1 : 0;
  const carried =
    !written && SUBJECT_PRONOUNS.has(clause[opener]?.lower ?? "")
      ? sentence.slice(0, Math.max(0, sentence.indexOf(clause[0]!))).findLast((x) => x.type === "code")
      : undefined;
  const name = (written ?? carried)?.text.split("=")[0] ?? "";
  if (!isIdentifier(name) || !name.includes("_") || ctx.facts.callablesTaking(name).length === 0) return [];
  const release = aboutRelease(clause, ctx);
  const denial: Claim = {
    ...paramClaim([other], name, false),
    statement: `not: \`${other}\` takes \`${name}\``,
    denied: true,
  };
  return [paramClaim([own], name, false), denial].map((claim) => (release ? { claim, ...release } : { claim }));
}

/**
 * "`retry_delay_seconds` is task-only", "`log_prints` is a flow-only option": a parameter said to be one type's only
 * is denied of the other (true exactly when the other does not take it).
 */
function readTypeOnly(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  if (clause.some((_, i) => isNegator(clause, i))) return [];
  const out: FoundClaim[] = [...readOnlyOnType(clause, ctx)];
  if (out.length > 0) return out;
  clause.forEach((t, j) => {
    const other = t.type === "word" ? OTHER_TYPE[t.lower] : undefined;
    if (!other || clause[j + 1]?.lower !== "-only") return;
    const code = clause.slice(Math.max(0, j - 4), j).findLast((x) => x.type === "code");
    const name = code ? code.text.split("=")[0]! : "";
    if (!isIdentifier(name) || !name.includes("_") || ctx.facts.callablesTaking(name).length === 0) return;
    const release = aboutRelease(clause, ctx);
    const claim: Claim = {
      ...paramClaim([other], name, false),
      statement: `not: \`${other}\` takes \`${name}\``,
      denied: true,
    };
    out.push(release ? { claim, ...release } : { claim });
  });
  return out;
}

/** What follows a reply's opening "Yes" or "No" ("No — …", "No, …", "No: …"). */
const ANSWER_OPENER_MARKS = new Set(["—", "–", "-", ",", ":"]);
/** "`X` has no `Y`", "flows have no `Y`". */
const HAVING = new Set(["has", "have"]);

function readDenial(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  const only = readTypeOnly(clause, ctx);
  if (only.length > 0) return only;
  // "`wait` lives in `prefect.futures`, not in `prefect`": a closing contrast denies only its own place.
  const contrast = contrastTail(clause);
  if (contrast >= 0 && !clause.slice(0, contrast).some((_, i) => isNegator(clause, i))) return [];
  // "there is no `X`" (the name right after "no"; "there is no concept of `X`" says something else).
  const thereIsNo = (i: number) =>
    clause[i]!.lower === "no" &&
    clause[i + 1]?.type === "code" &&
    clause.slice(Math.max(0, i - 3), i).some((x) => x.lower.startsWith("there"));
  // "doesn't accept `as_subflow`": a verb of taking right after the negation, with a name in code after it.
  // The owner is code or a type noun ("flows do not take `retry_jitter_factor`").
  const takes = (j: number) =>
    TAKING_WORDS.has(clause[j]!.lower) &&
    clause.slice(j + 1, j + 4).some((x) => x.type === "code") &&
    clause.slice(0, j).some((x) => x.type === "code" || (x.type === "word" && Object.hasOwn(TYPE_NOUNS, x.lower)));
  // "the old `PREFECT_X` setting no longer does anything": a setting said to have no effect is said to be gone.
  const settingBefore = (i: number) => clause.slice(0, i).some((x) => x.type === "code" && isSetting(x.text));
  // … as the whole statement: "does not do anything special", "is not honored by workers" say something narrower.
  const effectAt = (i: number, j: number) => {
    if (!SETTING_EFFECT_WORDS.has(clause[j]!.lower) || !settingBefore(i)) return false;
    const next = clause[j + 1];
    return (
      !next || next.type === "punct" || next.type === "version" || ["in", "on", "anymore", "now"].includes(next.lower)
    );
  };
  const existenceAt = (i: number) =>
    clause.findIndex(
      (x, j) =>
        j > i &&
        j < i + 6 &&
        (j < i + 4 || SETTING_EFFECT_WORDS.has(x.lower)) &&
        x.type === "word" &&
        (EXISTENCE_WORDS.has(x.lower) || corePlace(j) || (j <= i + 2 && takes(j)) || effectAt(i, j)),
    );
  // "… isn't in core", "… is not part of Prefect": the package itself as the place is a statement of existence.
  const corePlace = (j: number) =>
    ["in", "of"].includes(clause[j]!.lower) && CORE_PLACES.has(clause[j + 1]?.lower ?? "");
  // "No — `.deploy()` has no `schedule` …": a reply's opening "No" answers the question; it denies nothing after it.
  const opener = (i: number) => i === 0 && ANSWER_OPENER_MARKS.has(clause[1]?.text ?? "");
  // "`FlowRun` has no `.wait()`" denies the member after "no", not the owner before it: not read as a denial of either.
  const hasNo = (i: number) =>
    clause[i]!.lower === "no" && HAVING.has(clause[i - 1]?.lower ?? "") && clause[i + 1]?.type === "code";
  const n = clause.findIndex(
    (t, i) => DENIALS.has(t.lower) && !opener(i) && !hasNo(i) && (existenceAt(i) > 0 || thereIsNo(i)),
  );
  // "not available until 3.2" dates an arrival; a clause denying two things at once is not read.
  if (n < 0 || clause.some((t) => t.lower === "until") || clause.filter((t) => DENIALS.has(t.lower)).length > 1)
    return [];
  const verb = thereIsNo(n) ? n : existenceAt(n);
  // "does not exist as a real class", "… as a method on flows": a qualified denial says what it is not, not that
  // it is absent.
  if (clause[verb + 1]?.lower === "as") return [];
  // What is denied: the words before the negation and the place after the verb ("… from `prefect`", "… on
  // flows"), up to where the clause goes on to something else ("…, use `Y` instead").
  // "there is no `X`" denies just that name (and the noun after it); ":" starts what to do instead.
  // … and the place after it ("there is no `.wait()` on it": whatever "it" is).
  const place = clause[n + 2]?.lower === "on" ? 2 : 0;
  const end = thereIsNo(n) ? Math.min(clause.length, n + 3 + place) : clause.length;
  const stop = clause.findIndex(
    (t, j) => j > verb && (j >= end || t.text === "," || t.text === ":" || DENIAL_STOPS.has(t.lower)),
  );
  // The subject starts after a condition or relative word before the negation ("… are `None` if a value is not
  // available" denies nothing about `None`).
  // A denial of taking is about the owner right before it ("…, and flows do not take `x`"), not earlier code.
  const taking = TAKING_WORDS.has(clause[verb]!.lower);
  // "…: read `.state`, there is no `.wait()` on it" denies only what follows "there is no", not the names before.
  const after = thereIsNo(n)
    ? Math.max(0, n - 3)
    : clause
        .slice(0, n)
        .findLastIndex((t) => SUBORDINATORS.has(t.lower) || (taking && (t.text === "," || t.lower === "and"))) + 1;
  // "`X`, which you cannot import from `M`": a relative clause's denial is about the name before ", which".
  const lead =
    !thereIsNo(n) &&
    clause[after - 1]?.lower === "which" &&
    clause[after - 2]?.text === "," &&
    clause[after - 3]?.type === "code"
      ? after - 3
      : after;
  const subject = [...clause.slice(lead, n), clause[verb]!, ...clause.slice(verb + 1, stop < 0 ? clause.length : stop)];
  const used = new Set<number>();
  // "… does not take / support `x`" is read as "… takes `x`", denied.
  const words = subject.map((t) => (taking && TAKING_WORDS.has(t.lower) ? "takes" : t.lower));
  const claims = [
    ...readCli(subject, ctx, used),
    // "… but there is no `--anchor-date` flag": a flag denied alone is the command the text named before.
    ...readLoneFlags(subject, ctx, used),
    ...readSettings(subject, ctx, used),
    ...readImports(subject, ctx, used),
    ...readPlacedNames(subject, ctx, used),
    ...readMembers(subject, ctx, used),
    ...readInlineCalls(subject, ctx, used, { callees: (text) => calleeReadings(ctx, text) }),
    ...readParams(subject, ctx, used, words),
    ...readExists(subject, ctx, used),
  ]
    .filter((c) => c.kind !== "setting" || !c.detail)
    // A flag denied of a command is that command's, wherever it is written.
    .map((c) => (c.kind === "cli" && c.detail ? { ...c, detail: c.detail.replaceAll(APART, "") } : c))
    // "`f` doesn't accept `p`" denies the parameter, not that `f` exists; "`prefect x` doesn't take `--y`" the flag.
    .filter((c) => !taking || c.kind === "param" || (c.kind === "cli" && c.detail?.startsWith("-") === true))
    // "there is no `p` on `f`": once `p` is read as `f`'s keyword, the place is where it is denied, not a denial
    // that `f` exists.
    .filter((c, _, all) => !(place > 0 && c.kind === "exists" && all.some((o) => o.kind === "param")));
  if (claims.length === 0) return [];
  const release = aboutRelease(clause, ctx);
  return claims.map((c) => {
    const statement = taking && c.kind === "cli" ? `\`prefect ${c.subject}\` takes \`${c.detail}\`` : c.statement;
    const claim: Claim = { ...c, statement: `not: ${statement}`, denied: true, mention: false };
    return release ? { claim, ...release } : { claim };
  });
}

/**
 * Words that, denied after a setting, say it has no effect ("no longer does anything", "has no effect", "no longer
 * works on 3.2"): as the whole statement only, not "does not work with workers".
 */
const SETTING_EFFECT_WORDS = new Set(["anything", "effect", "honored", "honoured", "respected", "works", "work"]);

/** Nouns for what a removed name is, between it and its verb ("the old `X` name was dropped"). */
const REMOVED_THING_NOUNS = new Set([
  "name",
  "setting",
  "option",
  "flag",
  "alias",
  "class",
  "module",
  "function",
  "method",
  "command",
]);
/** Words between a name and its removal verb ("`X` has already been dropped"); "will be removed" is no fact yet. */
const REMOVAL_AUX = new Set([
  "was",
  "were",
  "has",
  "have",
  "had",
  "been",
  "is",
  "are",
  "got",
  "already",
  "now",
  "since",
]);

/**
 * "`X` was dropped", "`X` has been removed", "`X` is gone", with no version anywhere in the sentence: a removal
 * undated is a denial that the thing exists in the release the clause is about (a setting kept as an alias, or an
 * API still there, makes it false).
 */
const OLD_WORDS = new Set(["old", "older", "former", "previous"]);
/** Words after "the old names" that say they no longer work. */
const STOPPED_WORDS = new Set(["stopped", "removed", "dropped", "gone", "ignored", "break", "broke"]);

/**
 * "… were renamed to `PREFECT_TASKS_DEFAULT_RETRIES`, and the old names stopped working": the names a setting was
 * renamed from are denied, each (true exactly when the release no longer accepts it as an alias).
 */
function readOldNamesGone(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  // The rename may be the sentence's earlier part ("… renamed to `Y`; the old name no longer works").
  const sentence = ctx.sentenceTokens ?? clause;
  const renamed = sentence.findIndex((t, i) => RENAME_WORDS.has(t.lower) && sentence[i + 1]?.lower === "to");
  if (renamed < 0 || !ctx.settings) return [];
  const target = sentence.slice(renamed + 2, renamed + 4).find((t) => t.type === "code" && isSetting(t.text));
  const old = clause.findIndex(
    (t, i) =>
      sentence.indexOf(t) > renamed && OLD_WORDS.has(t.lower) && ["name", "names"].includes(clause[i + 1]?.lower ?? ""),
  );
  if (!target || old < 0) return [];
  // "no longer works" is the removal itself; another negation ("have not stopped working") takes it back.
  const negated = clause
    .slice(old)
    .some((_, k) => isNegator(clause, old + k) && clause[old + k + 1]?.lower !== "longer");
  if (negated) return [];
  const rest = clause.slice(old + 2, old + 6).map((t) => t.lower);
  const stopped = rest.some((w) => STOPPED_WORDS.has(w)) || rest.join(" ").includes("no longer work");
  if (!stopped) return [];
  const release = aboutRelease(clause, ctx);
  return (ctx.settings.get(target.text)?.aliases ?? []).map((alias) => {
    const claim: Claim = { kind: "setting", statement: `not: setting ${alias} exists`, subject: alias, denied: true };
    return release ? { claim, ...release } : { claim };
  });
}

function readUndatedRemoval(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  if (versionMentions(ctx.sentenceTokens ?? clause).length > 0) return [];
  const out: FoundClaim[] = [];
  clause.forEach((t, i) => {
    if (t.type !== "code") return;
    // "The old `X` name was dropped": a noun for what the name is may stand between.
    const start = REMOVED_THING_NOUNS.has(clause[i + 1]?.lower ?? "") ? i + 2 : i + 1;
    let j = start;
    while (j < clause.length && j <= start + 3 && REMOVAL_AUX.has(clause[j]!.lower)) j++;
    // "`X` was removed from `prefect`" places it; "… in favour of `Y`" still removes it.
    if (j === start || VERSION_EVENTS[clause[j]?.lower ?? ""] !== "removed" || clause[j + 1]?.lower === "from") return;
    if (clause.slice(0, j).some((_, k) => isNegator(clause, k))) return;
    const text = bare(t.text.split("(")[0]!);
    const subject: Pick<Claim, "kind" | "subject" | "detail"> | undefined = isSetting(text)
      ? { kind: "setting", subject: text }
      : text.startsWith("prefect ")
        ? ((key) => (key ? { kind: "cli" as const, subject: key } : undefined))(
            commandKey(ctx.facts, text.split(" ").slice(1)),
          )
        : ((fq) =>
            // A module often stays on as a stub after what it held is gone (`prefect.infrastructure`): not judged.
            fq && ctx.facts.symbol(fq)?.kind !== "module"
              ? { kind: "exists" as const, subject: fq, detail: text }
              : undefined)(
            // `flow.serve()` is the method of the type the variable is named for.
            (text.startsWith("prefect.") || ctx.names.distinctive(text) ? ctx.names.api(text) : undefined) ??
              variableMethod(ctx, t),
          );
    // A capitalised name in code (`Secret`) is a class however plain, when it has one reading: several (2.x's
    // `Deployment` and the client's) leave it open, and an API schema (`prefect.client.schemas.objects.Agent`) is a
    // record, not what a plain name in an answer means.
    const readings = !subject && /^[A-Z][A-Za-z0-9]*$/.test(text) ? ctx.names.readings(text) : [];
    const only = readings.length === 1 && !/\.(client|server)\./.test(readings[0]!) ? readings[0] : undefined;
    const named: Pick<Claim, "kind" | "subject" | "detail"> | undefined =
      subject ?? (only ? { kind: "exists", subject: only, detail: text } : undefined);
    if (!named) return;
    const claim: Claim = { ...named, statement: `not: \`${text}\` exists`, denied: true, undated: true };
    const release = aboutRelease(clause, ctx);
    out.push(release ? { claim, ...release } : { claim });
  });
  return out;
}

/**
 * The release a clause speaks of when it is not the asker's: a version it names that does not cover the asker's
 * release ("in 2.x", "before 3.0"), or the major of the section it sits in.
 */
function aboutRelease(clause: Token[], ctx: ExtractContext): { release: string; from?: string } | undefined {
  const { facts } = ctx;
  // A clause that names no version is about the one its sentence names ("…, so forgetting is harmless in 2.x").
  const own = versionMentions(clause);
  // "… is 30 seconds on your version": the clause says outright it is about the asker's release.
  if (
    own.length === 0 &&
    clause.some((t, i) => t.lower === "your" && ASKER_RELEASE_NOUNS.has(clause[i + 1]?.lower ?? ""))
  )
    return undefined;
  // "…; before that they lived under …": the sentence's version, as an upper bound.
  const before = own.length === 0 && clause.some((t) => UNTIL_WORDS.has(t.lower));
  // Of the sentence's versions, the last one before this clause is its context (else the first after it).
  const sentence = ctx.sentenceTokens ?? [];
  const at = sentence.indexOf(clause[0]!);
  const end = sentence.indexOf(clause[clause.length - 1]!);
  // A version in an aside ("(or `Y` in 2.x)") or after a contrast ("; in 2.x it was `Y`") is that part's own.
  // A version inside brackets is that aside's own: it applies to what is in the same brackets only. A later version
  // is not this clause's after a contrast ("…, or `Y` in 2.x") or when a later part opens with it ("; in 2.x use …").
  const groups = bracketGroups(sentence);
  // Brackets holding only a qualifier ("(3.x only)") qualify what is around them.
  const qualifier = (g: number) => !sentence.some((t, i) => groups[i] === g && t.type === "code");
  const sameGroup = (v: { at: number }) =>
    groups[v.at] === -1 || groups[v.at] === groups[Math.max(0, at)] || qualifier(groups[v.at]!);
  // A version that opens a part after ";" is that part's ("; in 2.x use …", "…; before 2.12 it was 30"); one that
  // qualifies what came before ("…; available 3.0.0+") is not.
  // So is one in a part with a subject of its own ("…; it was raised to 60 in 2.12.0"): a new statement.
  const opensPart = (v: { at: number }) => {
    const semi = sentence.slice(0, v.at).findLastIndex((t) => t.text === ";");
    return (
      semi > end &&
      ((v.at - semi <= 3 && PART_OPENERS.has(sentence[semi + 1]?.lower ?? "")) ||
        PART_SUBJECTS.has(sentence[semi + 1]?.lower ?? ""))
    );
  };
  // "… 30 seconds here and only drops to 10 in 3.6.23": a later part about another value has its own version.
  const contrast = (v: { at: number }) =>
    sentence.slice(end + 1, v.at).some((t, k) => ASIDE_WORDS.has(t.lower) || valueChangeAt(sentence, end + 1 + k));
  const around = versionMentions(sentence).filter(sameGroup);
  // "prefer `flow.deploy()` (2.14+)": a qualifier in brackets right after the clause is its own version.
  const next = sentence[end + 1];
  // "set `X` (3.0.11+; `Y` before)": a version that is the whole first part of the brackets qualifies it too.
  const leadEnd = sentence.findIndex((t, i) => i > end + 1 && (groups[i] !== end + 1 || [";", ","].includes(t.text)));
  const lead = next?.text === "(" ? sentence.slice(end + 2, leadEnd < 0 ? sentence.length : leadEnd) : [];
  const leadQualifier = lead.length > 0 && lead.every((t) => t.type === "version" || t.type === "word");
  const qualified =
    next?.text === "(" && qualifier(end + 1)
      ? around.find((v) => groups[v.at] === end + 1)
      : leadQualifier
        ? versionMentions(sentence).find((v) => v.at > end + 1 && v.at < end + 2 + lead.length)
        : undefined;
  const context =
    qualified ??
    [...around.filter((v) => v.at < at)].reverse()[0] ??
    around.find((v) => v.at > end && !contrast(v) && !opensPart(v));
  const versions = own.length > 0 ? own : context ? [before ? { ...context, bound: "until" as const } : context] : [];
  if (versions.length > 0) {
    if (versions.some((v) => covers(v, ctx.release))) return undefined;
    const v = versions[0]!;
    // "in 2.x" names a whole line: its first release is kept, as what holds at its end may not hold at its start.
    const line = !v.text.includes(".") || v.text.endsWith(".x");
    if (v.bound === "in")
      return { release: facts.resolveRelease(v.text), ...(line ? { from: firstOfMajor(ctx, v.text) } : {}) };
    const floor = [...v.text.split(".").filter((p) => p !== "x"), "0", "0"].slice(0, 3).join(".");
    const at = facts.releases.indexOf(facts.resolveRelease(floor));
    const release = v.bound === "from" ? facts.releases[at] : facts.releases[Math.max(0, at - 1)];
    return release ? { release } : undefined;
  }
  const major = Number(ctx.release.split(".")[0]);
  return ctx.scopeMajor !== undefined && ctx.scopeMajor !== major
    ? { release: facts.latestOfMajor(ctx.scopeMajor as 2 | 3), from: firstOfMajor(ctx, String(ctx.scopeMajor)) }
    : undefined;
}

/** Nouns that, after "your", name the asker's release ("on your version"). */
const ASKER_RELEASE_NOUNS = new Set(["version", "release", "install", "installation"]);

/** Words that open a part of a sentence about another release: "in 2.x", "before 2.12", "from 3.0 on". */
const PART_OPENERS = new Set(["in", "on", "for", "before", "after", "until", "since", "from", "prior"]);
/** Subjects that open a new statement after ";" ("; it was raised …", "; that was 30 seconds before 2.12"). */
const PART_SUBJECTS = new Set(["it", "it's", "they", "they're", "that", "that's", "this", "these", "those"]);

/** For each token, the index of the "(" or "[" that encloses it (the innermost), or -1 outside brackets. */
function bracketGroups(tokens: Token[]): number[] {
  const open: number[] = [];
  return tokens.map((t, i) => {
    if (t.type === "punct" && (t.text === "(" || t.text === "[")) {
      open.push(i);
      return i;
    }
    const inside = open.at(-1) ?? -1;
    if (t.type === "punct" && (t.text === ")" || t.text === "]")) open.pop();
    return inside;
  });
}

function firstOfMajor(ctx: ExtractContext, stated: string): string | undefined {
  const major = stated.split(".")[0];
  return ctx.facts.releases.find((r) => r.split(".")[0] === major);
}

/** "`prefect worker start --pool`", "prefect agent start": a command (and its flags) exists in the release. */
/** "`prefect config set|unset|view`": one command per alternative, the way usage lines write them. */
function alternatives(token: Token): Token[] {
  const words = token.text.split(" ");
  const at = words.findIndex((w) => w.includes("|") && !w.startsWith("-"));
  if (token.type !== "code" || at < 1) return [token];
  return words[at]!.split("|")
    .filter(Boolean)
    .flatMap((w) => alternatives({ ...token, text: [...words.slice(0, at), w, ...words.slice(at + 1)].join(" ") }));
}

function readCli(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((whole, i) => {
    for (const t of alternatives(whole)) readCommand(t, i);
  });
  return out;

  function readCommand(t: Token, i: number): void {
    let words: string[];
    if (t.type === "code" && t.text.startsWith("prefect ")) words = t.text.split(" ").slice(1);
    else if (t.type === "word" && t.text === "prefect") {
      const next = clause.slice(i + 1, i + 8);
      const cut = next.findIndex((x) => x.type !== "word" && x.type !== "flag");
      words = (cut < 0 ? next : next.slice(0, cut)).map((x) => x.text);
    } else return;
    const key = commandKey(ctx.facts, words);
    if (!key && t.type !== "code") return;
    const name = key ?? words.filter((w) => !w.startsWith("-")).join(" ");
    if (!name) return;
    used.add(i);
    // The flags are the ones written right after the command's own words (prose goes on after them).
    const own = key ? key.split(" ") : [];
    const rest = words.slice(
      Math.max(
        0,
        words.findIndex((w) => w === own[own.length - 1]),
      ) + 1,
    );
    const lead = rest.findIndex((w) => !w.startsWith("-"));
    const flags = (t.type === "code" || lead < 0 ? rest : rest.slice(0, lead))
      .filter((w) => w.startsWith("-") && w.length > 1)
      .map((w) => w.split("=")[0]!);
    // "`prefect task serve` accepts `--module`": flags written as code of their own belong to the command.
    // "add `-o json` to `prefect flow-run logs`": so do flags written before it, given to it ("to", "onto").
    const givenTo = (j: number) => {
      const between = clause.slice(j + 1, i);
      return (
        between.length <= 3 &&
        between.some((w) => DESTINATION_WORDS.has(w.lower)) &&
        between.every((w) => w.type === "word")
      );
    };
    if (t.type === "code")
      clause.forEach((x, j) => {
        if (
          x.type === "code" &&
          /^--?[A-Za-z]/.test(x.text) &&
          ((j > i && !anotherActor(clause, i, j)) || (j < i && givenTo(j)))
        ) {
          used.add(j);
          // Marked as written apart: after a second action ("dump it with `prefect x` and pass it back via `--y`") a
          // flag the command never took may be another command's (`check.ts`), unless the words between say the
          // command takes it ("`prefect x` accepts `--y`").
          const between = clause.slice(i + 1, j);
          const apart =
            between.some((w) => NEXT_ACTION.has(w.lower)) && !between.some((w) => TAKING_WORDS.has(w.lower))
              ? APART
              : "";
          flags.push(
            ...x.text
              .split(" ")[0]!
              .split("/")
              .map((f) => `${apart}${f.split("=")[0]!}`),
          );
        }
      });
    out.push({ kind: "cli", statement: `\`prefect ${name}\` exists`, subject: name, detail: flags.join(" ") });
  }
}

/** Words that start a second action after a command ("… and pass it back via …", "…, then …"). */
const NEXT_ACTION = new Set(["and", "then"]);

const ACTORS = new Set(["you", "we", "they"]);
/** Words after which "you" goes on with the same action ("… still works if you pass `--pool`"). */
const SAME_ACTION = new Set([
  "if",
  "when",
  "whenever",
  "once",
  "unless",
  "as",
  "so",
  "and",
  "then",
  "after",
  "before",
  "until",
  "because",
  "since",
  "while",
  "or",
  "but",
]);

/**
 * "`prefect … get-default-base-job-template` prints the template you can edit and pass back with
 * `--base-job-template`": a relative clause with a subject of its own ("the template you …") between a command and a
 * flag starts another action, whose command the flag is (any command of the release may take it).
 */
export function anotherActor(clause: Token[], from: number, to: number): boolean {
  return clause.slice(from + 1, to).some((t, k) => {
    const before = clause[from + k];
    return (
      t.type === "word" && ACTORS.has(t.lower) && before?.type === "word" && !SAME_ACTION.has(before.lower) && k > 0
    );
  });
}

/** The history key of a command's words: "group command", a nested group's "sub command", or a root "command". */
export function commandKey(facts: PrefectApiFacts, words: string[]): string | undefined {
  const plain = words.filter((w) => !w.startsWith("-") && !w.startsWith("<") && !w.includes("/"));
  const candidates = [plain.slice(0, 2).join(" "), plain.slice(1, 3).join(" "), plain[0] ?? ""];
  return candidates.find((k) => k && facts.commandHistory(k, facts.latest) !== undefined);
}

const RAISE_WORDS = new Set(["raise", "increase", "lower", "decrease", "bump", "reduce"]);
const LIMIT_WORDS = new Set(["than", "over", "above", "beyond", "exceeding", "below", "under"]);

/** PREFECT_* names, with a stated default when the clause gives one. */
function readSettings(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  // "Workers poll every 15 seconds by default, controlled by `PREFECT_…`": a sentence naming one setting states its
  // default in a quantity before "by default", wherever the setting's name stands.
  const sentence = ctx.sentenceTokens ?? clause;
  // `prefect config set PREFECT_X=120` names the setting it sets.
  const settingsNamed = new Set(sentence.flatMap(settingsWritten));
  // … or one quantity stated as what the value is, in the setting's own clause ("larger than 10 KB is dropped, per
  // `PREFECT_…`") or before an aside that is only the setting ("every 30 seconds (`PREFECT_…`)"); a quantity in
  // another clause ("… 90 seconds after …, but you can configure `PREFECT_…`") is some other value.
  const earlier = sentence.slice(0, Math.max(0, sentence.indexOf(clause[0]!)));
  // "… longer than 10,000 characters are dropped; raise `PREFECT_…`": to raise or lower the setting past a limit
  // the sentence stated as a comparison says that limit is its value now.
  const raised =
    RAISE_WORDS.has(clause[0]?.lower ?? "") &&
    clause.slice(1, 3).some((t) => isSetting(t.text)) &&
    earlier.some((t) => LIMIT_WORDS.has(t.lower));
  const aside = clause.length <= 2 || raised ? earlier : [];
  const stated = statedQuantity(clause) ?? (aside.length > 0 ? statedQuantity(aside) : undefined);
  // A switch named for turning something off (`PREFECT_TASKS_DISABLE_CACHING`) reads on and off the other way round.
  const inverted = [...settingsNamed].some((n) => n.includes("DISABLE") || n.includes("_NO_"));
  const before =
    settingsNamed.size === 1
      ? (stated ??
        quantityByDefault(sentence) ??
        codeValueByDefault(sentence, ctx) ??
        codeValueLinked(sentence, ctx) ??
        defaultInOtherPart(sentence, clause) ??
        (inverted
          ? undefined
          : (switchedByDefault(sentence) ?? namedActionByDefault(sentence, [...settingsNamed][0]!))))
      : undefined;
  // "Set `PREFECT_X` to `DEBUG`; it defaults to `INFO`": a part that opens with a pronoun and a default, in a
  // sentence naming one setting, states that setting's default.
  const pronounDefault = pronounDefaultOf(clause);
  if (pronounDefault && settingsNamed.size === 1 && !clause.some((t) => isSetting(t.text.split("=")[0]!))) {
    const name = [...settingsNamed][0]!.split("=")[0]!;
    out.push({
      kind: "setting",
      statement: `${name} defaults to ${pronounDefault}`,
      subject: name,
      detail: pronounDefault,
    });
  }
  // "On 3.1 that setting defaults to an empty string": with no setting named in its sentence, "that setting" is
  // the one the previous sentence named.
  const earlierDefault =
    settingsNamed.size === 0 && ctx.lastSetting
      ? (settingNounDefault(clause) ?? openingPronounDefault(clause, ctx))
      : undefined;
  if (earlierDefault)
    out.push({
      kind: "setting",
      statement: `${ctx.lastSetting} defaults to ${earlierDefault}`,
      subject: ctx.lastSetting!,
      detail: earlierDefault,
    });
  clause.forEach((t, i) => {
    const name = t.text.split("=")[0]!;
    if (!isSetting(name)) return;
    used.add(i);
    // `X=v` is what to set, unless the sentence says what the default is: "…, which defaults to `True`" after it,
    // or the aside `(X=v)` of a sentence about the default ("… is enabled by default (`X=True`)").
    const value = t.text.includes("=")
      ? (statedDefault(clause, i) ?? assignedDefault(clause, sentence, t) ?? switchedBack(sentence, t))
      : (statedDefault(clause, i) ?? statedIs(clause, i) ?? before);
    out.push({ kind: "setting", statement: `setting ${name} exists`, subject: name });
    if (value) out.push({ kind: "setting", statement: `${name} defaults to ${value}`, subject: name, detail: value });
  });
  return out;
}

/** The settings a code token names: a `PREFECT_X` (`=v`), or those a `prefect config set …` line sets. */
function settingsWritten(t: Token): string[] {
  if (isSetting(t.text.split("=")[0]!)) return [t.text];
  if (t.type !== "code" || !t.text.startsWith("prefect config set ")) return [];
  return t.text
    .split(" ")
    .slice(3)
    .filter((w) => isSetting(w.split("=")[0]!));
}

/** "that setting defaults to `None`", "the setting's default is 5": the value stated for "that / this setting". */
function settingNounDefault(clause: Token[]): string | undefined {
  const at = clause.findIndex(
    (t, i) =>
      ["setting", "setting's", "variable"].includes(t.lower) &&
      ["that", "this", "the"].includes(clause[i - 1]?.lower ?? ""),
  );
  // "Out of the box that default is 3 retries": the default itself as the noun.
  const noun = clause.findIndex(
    (t, i) =>
      t.lower === "default" && ["that", "this"].includes(clause[i - 1]?.lower ?? "") && clause[i + 1]?.lower === "is",
  );
  if (at < 0 && noun >= 0) {
    const value = clause[noun + 2];
    return value && isValue(value) ? numberStartingAt(clause, noun + 2) : undefined;
  }
  if (at < 0) return undefined;
  let cue = at + 1;
  if (clause[cue]?.lower === "default" || DEFAULT_CUES.has(clause[cue]?.lower ?? "")) {
    const link = ["to", "is"].includes(clause[cue + 1]?.lower ?? "") ? cue + 2 : -1;
    // "defaults to an empty string": a value in words.
    const words = link > 0 ? clause.slice(link, link + 3).map((t) => t.lower) : [];
    if (words[0] === "an" && words[1] === "empty" && words[2] === "string") return "''";
    const value = link > 0 ? clause[link] : undefined;
    return value && isValue(value) ? numberStartingAt(clause, link) : undefined;
  }
  cue = -1;
  return undefined;
}

/**
 * "On 3.6.15 the heartbeat is configured with `PREFECT_X`. It defaults to 180 seconds": a sentence that opens with
 * "it" / "its default" and names no code states the default of the one setting the previous sentence named, when that
 * sentence named nothing else in code (an old name of the same setting aside) and the value is of a kind the setting
 * ever defaulted to (a number for a number, a switch state for a switch).
 */
function openingPronounDefault(clause: Token[], ctx: ExtractContext): string | undefined {
  const sentence = ctx.sentenceTokens ?? clause;
  const setting = ctx.lastSetting!;
  const settings = ctx.settings;
  if (!settings || clause[0] !== sentence[0] || !["it", "its"].includes(sentence[0]?.lower ?? "")) return undefined;
  const value = pronounDefaultOf(clause);
  // The value itself may be written in code ("It defaults to `True`"); nothing else may.
  if (sentence.some((t) => t.type === "flag" || (t.type === "code" && t.text !== value))) return undefined;
  const same = (name: string) =>
    name === setting || settings.renamedTo(name)?.name === setting || settings.renamedTo(setting)?.name === name;
  const subjects = ctx.lastSubjects ?? [];
  if (subjects.length === 0 || !subjects.every((s) => s.startsWith("setting:") && same(s.slice(8)))) return undefined;
  const record = settings.get(setting) ?? settings.renamedTo(setting);
  if (!value || !record) return undefined;
  const kind = (v: string) => (/^\d/.test(v) ? "number" : /^(?:true|false)$/i.test(v) ? "switch" : "other");
  const defaults = [record.default, ...(record.defaults ?? []).map((d) => d[2])];
  return defaults.some((d) => kind(d) === kind(value)) ? value : undefined;
}

/** "it defaults to `INFO`", "its default is 5": the value a part opening with a pronoun states as a default. */
function pronounDefaultOf(clause: Token[]): string | undefined {
  const start = CLAUSE_BREAKS.has(clause[0]?.lower ?? "") || clause[0]?.lower === "and" ? 1 : 0;
  const pronoun = clause[start]?.lower ?? "";
  // "…; the default is `error`", "…; the default request timeout is 30 seconds": the default as the part's subject,
  // named by at most a few plain words.
  if (pronoun === "the" && clause[start + 1]?.lower === "default") {
    const is = clause.findIndex((t, k) => k > start + 1 && k <= start + 5 && t.lower === "is");
    const named = clause.slice(start + 2, is);
    if (is < 0 || !named.every((t) => t.type === "word" && !DEFAULT_CUES.has(t.lower))) return undefined;
    const value = clause[is + 1];
    return value && isValue(value) ? withUnit(clause, is + 1) : undefined;
  }
  if (!["it", "its", "this", "that"].includes(pronoun)) return undefined;
  const cue =
    clause[start + 1]?.lower === "default" || DEFAULT_CUES.has(clause[start + 1]?.lower ?? "") ? start + 1 : -1;
  if (cue < 0) return undefined;
  const link = ["to", "is"].includes(clause[cue + 1]?.lower ?? "") ? cue + 2 : -1;
  const value = link > 0 ? clause[link] : undefined;
  // The value ends the statement ("it defaults to 30 seconds"), or a condition follows it.
  return value && isValue(value) ? withUnit(clause, link) : undefined;
}

/** The value at token k with the unit after it, when one follows ("1 minute" is 60 seconds, not 1). */
function withUnit(clause: Token[], k: number): string {
  const value = numberStartingAt(clause, k);
  const unit = clause[k + 1]?.lower ?? "";
  return /^\d/.test(value) && value === clause[k]!.text && Object.hasOwn(QUANTITY_UNITS, unit)
    ? `${value} ${unit}`
    : value;
}

/**
 * "By default the server keeps events for 30 days; change that with `PREFECT_…`": in a sentence naming one setting,
 * another part (split at ";" or a dash) that says what happens by default and names no code states the setting's
 * value in its one quantity.
 */
function defaultInOtherPart(sentence: Token[], clause: Token[]): string | undefined {
  const parts: Token[][] = [[]];
  for (const t of sentence) {
    if (t.type === "punct" && ";—–".includes(t.text)) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  const others = parts.filter((p) => p.length > 0 && !p.some((t) => clause.includes(t)));
  // A number in the setting's own part ("it plans 30 days ahead via `X`") is the setting's, not the other part's.
  const own = parts.filter((p) => p.some((t) => clause.includes(t))).flat();
  if (own.some((t) => /^\d/.test(t.text) && t.type !== "code")) return undefined;
  const stated = others.filter(
    (p) =>
      !p.some((t) => t.type === "code") &&
      p.some((t, j) => (t.lower === "default" && p[j - 1]?.lower === "by") || t.lower === "defaults"),
  );
  if (stated.length !== 1 || others.some((p) => p !== stated[0] && statedQuantity(p))) return undefined;
  return statedQuantity(stated[0]!);
}

const SWITCHED_ON = [
  " enabled ",
  " turned on ",
  " switched on ",
  " is on ",
  " are on ",
  " on by default ",
  " on out of the box ",
];
const SWITCHED_OFF = [
  " disabled ",
  " turned off ",
  " switched off ",
  " is off ",
  " are off ",
  " off by default ",
  " off out of the box ",
];
const SWITCH_CONDITIONS = new Set(["if", "unless", "when", "whenever", "once", "want", "wants", "need", "needs"]);
const DEFAULT_STATES = [" by default ", " out of the box ", " ships ", " default "];

/**
 * "`PREFECT_LOGGING_TO_API_ENABLED` ships turned off", "… is enabled by default": a switch's default said as on or
 * off, in a sentence about the default that sets nothing and states no condition.
 */
function switchedByDefault(sentence: Token[]): string | undefined {
  const text = ` ${sentence.map((t) => t.lower).join(" ")} `;
  if (!DEFAULT_STATES.some((p) => text.includes(p))) return undefined;
  if (sentence.some((x) => SET_VERBS.has(x.lower) || SWITCH_CONDITIONS.has(x.lower) || NEGATORS.has(x.lower)))
    return undefined;
  const on = SWITCHED_ON.some((p) => text.includes(p));
  const off = SWITCHED_OFF.some((p) => text.includes(p));
  return on === off ? undefined : on ? "True" : "False";
}

/**
 * "Results are persisted by default (`PREFECT_RESULTS_PERSIST_BY_DEFAULT`)": a participle before "by default" whose
 * stem is a word of the one switch named says the switch is on, in a sentence that sets nothing and states no
 * condition or negation.
 */
function namedActionByDefault(sentence: Token[], setting: string): string | undefined {
  const name = setting.split("=")[0]!;
  const cue = sentence.findIndex((t, j) => t.lower === "default" && sentence[j - 1]?.lower === "by");
  const verb = sentence[cue - 2];
  if (cue < 2 || verb?.type !== "word" || !/ed$/.test(verb.lower)) return undefined;
  if (sentence.some((x, j) => SET_VERBS.has(x.lower) || SWITCH_CONDITIONS.has(x.lower) || isNegator(sentence, j)))
    return undefined;
  const stem = verb.lower.replace(/e?d$/, "");
  if (stem.length < 4) return undefined;
  const words = name.toLowerCase().split("_").slice(1);
  return words.some((w) => w.startsWith(stem)) ? "True" : undefined;
}

/**
 * "HTTP/2 is enabled by default, so set `PREFECT_API_ENABLE_HTTP2=false` if …": a part before the setting that says
 * something is on (off) by default and names no code, then the switch set to the opposite, states the switch's
 * default as on (off). Setting it to the same state, or a switch named for turning off, says nothing of the default.
 */
function switchedBack(sentence: Token[], t: Token): string | undefined {
  const at = sentence.indexOf(t);
  const name = t.text.split("=")[0]!;
  const value = t.text
    .slice(t.text.indexOf("=") + 1)
    .trim()
    .toLowerCase();
  if (!["true", "false"].includes(value) || name.includes("DISABLE") || name.includes("_NO_")) return undefined;
  if (sentence.filter((x) => isSetting(x.text.split("=")[0]!)).length !== 1) return undefined;
  // The statement of the default ends where the instruction starts ("so", ",", ";").
  const end = sentence.findIndex((x, j) => j < at && ([",", ";"].includes(x.text) || CLAUSE_BREAKS.has(x.lower)));
  if (end <= 0) return undefined;
  const part = sentence.slice(0, end);
  if (part.some((x, j) => x.type === "code" || x.type === "flag" || isNegator(part, j))) return undefined;
  const state = switchedByDefault(part);
  if (!state || state.toLowerCase() === value) return undefined;
  return state;
}

/** Verbs that make a value one to set, not the one that is: "turn it on with `X=true` (off by default)". */
const SET_VERBS = new Set(["set", "setting", "turn", "enable", "disable", "export", "use", "change", "override"]);

/** The value of `X=v` standing alone in brackets, in a sentence that says what happens by default and sets nothing. */
function assignedDefault(clause: Token[], sentence: Token[], t: Token): string | undefined {
  if (clause.filter((x) => x.type !== "punct").length !== 1) return undefined;
  const cue = sentence.findIndex((x, j) => x.lower === "default" && sentence[j - 1]?.lower === "by");
  if (cue < 0 || sentence.some((x) => SET_VERBS.has(x.lower) || CONDITION_WORDS.has(x.lower))) return undefined;
  // The aside must follow the statement of the default, with nothing that starts another statement between
  // ("off by default, so start the worker with (`X=true`)" is what to set).
  const at = sentence.indexOf(t);
  if (
    at < cue ||
    sentence.slice(cue + 1, at).some((x) => [",", ";", ":"].includes(x.text) || CLAUSE_BREAKS.has(x.lower))
  )
    return undefined;
  const value = t.text.slice(t.text.indexOf("=") + 1).trim();
  return value === "" ? undefined : value;
}
const CONDITION_WORDS = new Set(["if", "unless", "when", "want", "to"]);

const STATE_CONDITIONS = new Set(["if", "when", "unless", "whether", "once", "while", "until"]);

/**
 * "`PREFECT_X` is `True`": a setting's value stated as what it is (its default), unless a condition ("if `X` is
 * `True`") or a verb of setting ("set `X` …") makes it a case or an instruction.
 */
function statedIs(clause: Token[], i: number): string | undefined {
  // "… `PREFECT_X`, which is `0`": a relative clause right after the name states its value too.
  const relative = clause[i + 1]?.text === "," && ["which", "whose"].includes(clause[i + 2]?.lower ?? "") ? 2 : 0;
  const verb = clause[i + 1 + relative];
  const value = clause[i + 2 + relative];
  // "`PREFECT_X`, which is off by default": a switch said on or off, with the default as the cue right after it.
  const state = value && verb?.lower === "is" ? SWITCH_STATES[value.lower] : undefined;
  const cued =
    state !== undefined &&
    (phraseText(clause.slice(i + 3 + relative, i + 6 + relative)).startsWith(" by default ") ||
      phraseText(clause.slice(i + 3 + relative, i + 7 + relative)).startsWith(" out of the box "));
  if (cued) {
    const start = clause.slice(0, i).findLastIndex((t) => t.text === ",") + 1;
    if (!relative && clause.slice(start, i).some((t) => STATE_CONDITIONS.has(t.lower) || PARAM_CUES.has(t.lower)))
      return undefined;
    return state === "on" ? "True" : "False";
  }
  if (!verb || !value || !["is", "="].includes(verb.lower) || !isValue(value)) return undefined;
  const start = clause.slice(0, i).findLastIndex((t) => t.text === ",") + 1;
  const lead = clause.slice(start, i);
  if (lead.some((t) => STATE_CONDITIONS.has(t.lower) || PARAM_CUES.has(t.lower))) return undefined;
  return value.text;
}

/** "15 seconds by default", "30 s by default", "5 by default": the quantity right before "by default". */
function quantityByDefault(tokens: Token[]): string | undefined {
  const cue = tokens.findIndex((t, j) => t.lower === "default" && tokens[j - 1]?.lower === "by");
  if (cue < 2) return undefined;
  const number = (t: Token | undefined) => t !== undefined && /^\d+(?:\.\d+)?$/.test(t.text);
  const unit = tokens[cue - 2]!;
  if (Object.hasOwn(QUANTITY_UNITS, unit.lower) && number(tokens[cue - 3]))
    return `${numberEndingAt(tokens, cue - 3)} ${unit.lower}`;
  return number(unit) ? numberEndingAt(tokens, cue - 2) : undefined;
}

/**
 * "logs at `WARNING` by default": a plain value in code right before "by default" (a level, a mode), not a Prefect
 * name, a setting or a keyword.
 */
function codeValueByDefault(tokens: Token[], ctx: ExtractContext): string | undefined {
  const cue = tokens.findIndex((t, j) => t.lower === "default" && tokens[j - 1]?.lower === "by");
  // "By default Prefect logs at `INFO`, …": opening the sentence, the cue states the first value of its part.
  const after =
    cue === 1
      ? tokens.slice(2, 9).find((t, k) => t.type === "code" && !tokens.slice(2, 2 + k).some((x) => x.text === ","))
      : undefined;
  const value = after ?? tokens[cue - 2];
  if (cue < 1 || value?.type !== "code" || !/^[A-Za-z]\w*$/.test(value.text)) return undefined;
  if (isSetting(value.text) || ctx.names.api(value.text)) return undefined;
  return value.text === value.text.toUpperCase() || value.text === value.text.toLowerCase() ? value.text : undefined;
}

/** Words that link a stated default to the setting that holds it ("defaults to `json` via `PREFECT_…`"). */
const SETTING_LINKS = new Set(["via", "through", "per", "from", "in", "by", "(", "controlled", "set", "governed"]);

/**
 * "The serializer defaults to `json` via `PREFECT_RESULTS_DEFAULT_SERIALIZER`": a plain value in code right after
 * "defaults to" said of a plain noun, with the one setting named right after it through a linking word, is the
 * setting's default.
 */
function codeValueLinked(tokens: Token[], ctx: ExtractContext): string | undefined {
  let at = -1;
  const cue = tokens.findIndex((t, j) => t.lower === "defaults" && tokens[j + 1]?.lower === "to");
  if (cue >= 1 && tokens[cue - 1]!.type === "word") at = cue + 2;
  // "The default serializer is `json`, controlled by `PREFECT_…`": the default of a plain noun, named before it.
  const named = tokens.findIndex(
    (t, j) =>
      t.lower === "default" &&
      ["the", "its"].includes(tokens[j - 1]?.lower ?? "") &&
      tokens[j + 1]?.type === "word" &&
      tokens[j + 2]?.lower === "is",
  );
  if (at < 0 && named >= 1) at = named + 3;
  const value = tokens[at];
  if (value?.type !== "code" || !/^[A-Za-z]\w*$/.test(value.text)) return undefined;
  if (isSetting(value.text) || ctx.names.api(value.text)) return undefined;
  // "…, controlled by `PREFECT_…`": a comma may open the link after a value named before "is".
  const link = tokens.slice(at + 1, at + (at === cue + 2 ? 4 : 5));
  const setting = link.findIndex((t) => isSetting(t.text));
  const linking = (t: Token, k: number) => SETTING_LINKS.has(t.lower) || (k === 0 && at !== cue + 2 && t.text === ",");
  if (setting < 1 || !link.slice(0, setting).every(linking)) return undefined;
  // A comma alone links nothing ("…is `json`, `PREFECT_X` …").
  if (link.slice(0, setting).every((t) => t.text === ",")) return undefined;
  return value.text;
}

/** The number whose last digits are token k, with thousands written with commas ("1,000,000" is three tokens). */
function numberEndingAt(tokens: Token[], k: number): string {
  let text = tokens[k]!.text;
  let j = k;
  while (
    /^\d{3}$/.test(tokens[j]!.text) &&
    tokens[j - 1]?.text === "," &&
    /^\d{1,3}$/.test(tokens[j - 2]?.text ?? "")
  ) {
    text = tokens[j - 2]!.text + text;
    j -= 2;
  }
  return text;
}

/** The value at token k, with thousands written with commas ("defaults to 1,000,000 bytes" is one number). */
function numberStartingAt(tokens: Token[], k: number): string {
  let text = tokens[k]!.text;
  if (!/^\d{1,3}$/.test(text)) return text;
  let j = k;
  while (tokens[j + 1]?.text === "," && /^\d{3}$/.test(tokens[j + 2]?.text ?? "")) {
    text += tokens[j + 2]!.text;
    j += 2;
  }
  return text;
}

/** The value after "defaults to" / "default is" / "(default: …)" following token i. */
const VALUE_WORD = /^(?:true|false|none|null|\d[\w.]*|[A-Z][\w.]*)$/;

/** "… by default" or "(the default)" right after token i. */
function defaultFollows(clause: Token[], i: number): boolean {
  return clause.slice(i + 1, i + 4).some((t) => DEFAULT_CUES.has(t.lower));
}

/** "defaults to" / "default is" right before token i. */
function defaultBefore(clause: Token[], i: number): boolean {
  const link = ["to", "is", ":"].includes(clause[i - 1]?.lower ?? "") ? 2 : 1;
  return DEFAULT_CUES.has(clause[i - link]?.lower ?? "");
}

/** "… defaults to a `timeout` of 60 seconds": the value after "of", with its unit. */
function defaultOfNamed(clause: Token[], i: number): string | undefined {
  const article = ["a", "an", "the"].includes(clause[i - 1]?.lower ?? "") ? 1 : 0;
  if (clause[i + 1]?.lower !== "of" || !defaultBefore(clause, i - article)) return undefined;
  const value = clause[i + 2];
  if (!value || !isValue(value)) return undefined;
  // "the default `timeout` of `wait_for_flow_run`": a Python name after "of" says whose the keyword is.
  if (value.type === "code" && /^[a-z_][\w.]*$/.test(value.text) && /[_.]/.test(value.text)) return undefined;
  const unit = clause[i + 3]?.lower ?? "";
  return Object.hasOwn(QUANTITY_UNITS, unit) ? `${value.text} ${unit}` : value.text;
}

/** The default a clause states for the name at i, in any of the ways a sentence states one. */
function defaultStatedFor(clause: Token[], i: number): string | undefined {
  return (
    statedDefault(clause, i) ??
    defaultOfNamed(clause, i) ??
    defaultForNamed(clause, i) ??
    changedDefault(clause, i) ??
    defaultNamedIs(clause, i)
  );
}

/**
 * "Its default `timeout` is 300 seconds": "default" right before the name and "is" right after it, with the value
 * (and its unit) next, states the keyword's default.
 */
function defaultNamedIs(clause: Token[], i: number): string | undefined {
  if (clause[i - 1]?.lower !== "default" || clause[i + 1]?.lower !== "is") return undefined;
  const value = clause[i + 2];
  if (!value || !isValue(value)) return undefined;
  const amount = numberStartingAt(clause, i + 2);
  // "1,000 seconds": each group of thousands is two more tokens before the unit.
  const unit = clause[i + 3 + ((amount.length - value.text.length) / 3) * 2]?.lower ?? "";
  return Object.hasOwn(QUANTITY_UNITS, unit) ? `${amount} ${unit}` : amount;
}

/** Verbs that move a default to a new value ("was lowered to one hour in 3.3"). */
const CHANGED_WORDS = new Set(["lowered", "raised", "reduced", "increased", "changed", "bumped", "cut", "moved"]);

/**
 * "its default `timeout` was lowered to one hour in 3.3": a default said to have changed to a value states that value
 * (for the release the clause names, through its scope). The value is a number or a number word, with its unit.
 */
function changedDefault(clause: Token[], i: number): string | undefined {
  if (!DEFAULT_CUES.has(clause[i - 1]?.lower ?? "")) return undefined;
  let k = i + 1;
  while (["that", "which", "was", "were", "has", "have", "been", "got", "is"].includes(clause[k]?.lower ?? "")) k++;
  if (!CHANGED_WORDS.has(clause[k]?.lower ?? "") || clause[k + 1]?.lower !== "to") return undefined;
  const value = clause[k + 2];
  if (!value) return undefined;
  const amount = /^\d+(?:\.\d+)?$/.test(value.text)
    ? numberStartingAt(clause, k + 2)
    : Object.hasOwn(NUMBER_WORDS, value.lower)
      ? String(NUMBER_WORDS[value.lower])
      : undefined;
  if (amount === undefined) return undefined;
  const unit = clause[k + 3]?.lower ?? "";
  return Object.hasOwn(QUANTITY_UNITS, unit) ? `${amount} ${unit}` : amount;
}

/** "since" giving a reason ("…, since `as_subflow` defaults to …"), not a time ("since 3.0"). */
function reasonSince(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === "since" && tokens[k + 1]?.type !== "version" && !/^\d/.test(tokens[k + 1]?.text ?? "");
}

/** Words that end a value stated as the reason for a default ("because `p` is `True`, so …"). */
const REASON_ENDS = new Set([",", ".", ";", "and", "so", "which"]);

/**
 * "`serve()` enforces the schema by default, because `enforce_parameter_schema` is `True`": a keyword said to be a
 * value in a reason ("because" / "since" right before it) for what happens by default states its default. The
 * sentence must say "by default" before the reason, and the value must end the statement.
 */
function reasonDefault(sentence: Token[], keyword: Token): string | undefined {
  const i = sentence.indexOf(keyword);
  if (i < 2) return undefined;
  const cue = sentence[i - 1]!.lower;
  if (cue !== "because" && !(cue === "since" && reasonSince(sentence, i - 1))) return undefined;
  const byDefault = sentence
    .slice(0, i - 1)
    .some((t, j, before) => t.lower === "default" && before[j - 1]?.lower === "by");
  if (!byDefault || !["is", "="].includes(sentence[i + 1]?.lower ?? "")) return undefined;
  const value = sentence[i + 2];
  if (!value || !isValue(value)) return undefined;
  const next = sentence[i + 3];
  if (next && !REASON_ENDS.has(next.lower) && !REASON_ENDS.has(next.text)) return undefined;
  return value.text;
}

/** "the default for `timeout` (in `run_deployment`) is 0": the cue before the name, the value after "is". */
function defaultForNamed(clause: Token[], i: number): string | undefined {
  if (!["for", "of"].includes(clause[i - 1]?.lower ?? "")) return undefined;
  const cue = clause[i - 2]?.lower === "value" ? i - 3 : i - 2;
  if (!DEFAULT_CUES.has(clause[cue]?.lower ?? "")) return undefined;
  // Whose it is may stand between ("in `run_deployment`", "on tasks").
  let j = i + 1;
  if (["in", "on", "of", "for"].includes(clause[j]?.lower ?? ""))
    j += ["the", "a", "an", "your"].includes(clause[j + 1]?.lower ?? "") ? 3 : 2;
  if (!["is", "="].includes(clause[j]?.lower ?? "")) return undefined;
  const value = clause[j + 1];
  return value && isValue(value) ? numberStartingAt(clause, j + 1) : undefined;
}

/** Words that may stand between "default" and the type noun it is for ("for 3.x flows", "for your tasks"). */
const TYPE_DEFAULT_FILLERS = new Set(["the", "a", "an", "your", "all", "every", "each", "new", "plain"]);

/**
 * "The default task runner for flows on 2.20 is `SequentialTaskRunner`", "the default `result_serializer` of tasks is
 * `X`": a default named by the parameter, in code or in words that spell it ("task runner": `task_runner`), for the
 * type a noun after "for" / "of" / "on" names, with the value in code after "is". Judged only when the release's
 * default is a value of its own (a `None` or `NotSet` is filled elsewhere: 3.x flows pick their runner at run time,
 * tasks their cache policy).
 */
function readTypeDefault(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const cue = clause.findIndex((t, i) => t.lower === "default" && !used.has(i) && clause[i + 1]?.type !== "punct");
  if (cue < 0) return [];
  // The name: one name in code, or up to three words.
  let k = cue + 1;
  const spelled: string[] = [];
  let code: number | undefined;
  if (clause[k]?.type === "code" && isIdentifier(clause[k]!.text)) {
    spelled.push(clause[k]!.text);
    code = k++;
  } else
    while (spelled.length < 3 && clause[k]?.type === "word" && /^[a-z]+$/.test(clause[k]!.lower)) {
      if (OWNER_PREPOSITIONS.has(clause[k]!.lower)) break;
      spelled.push(clause[k++]!.lower);
    }
  if (spelled.length === 0 || !OWNER_PREPOSITIONS.has(clause[k]?.lower ?? "")) return [];
  k++;
  while (clause[k] && (TYPE_DEFAULT_FILLERS.has(clause[k]!.lower) || clause[k]!.type === "version")) k++;
  const noun = clause[k];
  if (noun?.type !== "word" || !Object.hasOwn(TYPE_NOUNS, noun.lower) || noun.lower.startsWith("future")) return [];
  const type = TYPE_NOUNS[noun.lower]!;
  k++;
  // "… for flows on 2.20 is …": the release the clause names may follow the noun.
  if (["on", "in"].includes(clause[k]?.lower ?? "") && clause[k + 1]?.type === "version") k += 2;
  if (!["is", "="].includes(clause[k]?.lower ?? "") || clause[k + 1]?.type !== "code") return [];
  const value = clause[k + 1]!.text.replace(/\(\)$/, "");
  // The name the words spell, when the type takes it: the whole phrase, or its last words ("default task runner").
  const params = ctx.facts.params(type, ctx.release) ?? [];
  const name = spelled.map((_, s) => spelled.slice(s).join("_")).find((n) => params.some((p) => p.name === n));
  const param = params.find((p) => p.name === name);
  // A sentinel (`NotSet`) or a call computed at run time is no value of its own either.
  if (
    !name ||
    !param?.defaultValue ||
    ["None", "NotSet"].includes(param.defaultValue) ||
    param.defaultValue.includes("(")
  )
    return [];
  if (code !== undefined) used.add(code);
  return [
    {
      kind: "default",
      statement: `\`${name}\` of \`${type}\` defaults to ${value}`,
      subject: type,
      detail: `${name}=${value}`,
    },
  ];
}

/** A switch's state in words, as the value `checkDefault` reads ("on" → True unless the default is None). */
const SWITCH_STATES: Record<string, string> = { on: "on", enabled: "on", off: "off", disabled: "off" };

function statedDefault(clause: Token[], i: number): string | undefined {
  for (let j = i + 1; j < Math.min(clause.length, i + 6); j++) {
    if (!DEFAULT_CUES.has(clause[j]!.lower)) continue;
    // "`overwrite` is `True` by default": the value stands between the name and the cue.
    const between = clause.slice(i + 1, j).filter((t) => !["by", "the", "a"].includes(t.lower));
    const value = between[1];
    if (between.length === 2 && ["is", "are", "="].includes(between[0]!.lower) && value && isValue(value))
      return value.text;
    // "`log_prints` is on by default": a switch said on or off (judged as True / False, see `SWITCH_VALUES`).
    if (between.length === 2 && ["is", "are"].includes(between[0]!.lower) && value && SWITCH_STATES[value.lower])
      return SWITCH_STATES[value.lower];
    const after = clause
      .slice(j + 1, j + 5)
      .filter((t) => !["to", "is", "of", "value", ":", "=", "a", "an", "the"].includes(t.lower));
    const v = after[0];
    if (v && isValue(v)) return numberStartingAt(clause, clause.indexOf(v));
  }
  return undefined;
}

/**
 * A plain word is a value only when it reads as one ("True", "none", "30") or names one ("Redis", "INFO"); "on by
 * default at 180 s" states none.
 */
function isValue(v: Token): boolean {
  return v.type === "code" || v.type === "version" || (v.type === "word" && VALUE_WORD.test(v.text));
}

/** `from prefect import wait`, "import `wait` from `prefect.futures`", "`wait` lives in `prefect.futures`". */
function readImports(clause: Token[], _ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (t.type !== "code" || !t.text.startsWith("from ") || !t.text.includes(" import ")) return;
    const [from, names] = t.text.slice(5).split(" import ");
    for (const n of names!.split(",")) {
      const name = n.trim().split(" ")[0]!;
      if (name) out.push(importClaim(name, from!.trim()));
    }
    used.add(i);
  });
  if (!clause.some((t) => IMPORT_CUES.has(t.lower)) && !phraseText(clause).includes(" available from ")) return out;
  // A member written as `.apply()` is called on something, never imported.
  const name = clause.findIndex(
    (t, i) => !used.has(i) && t.type === "code" && !t.text.includes(" ") && !t.text.startsWith("."),
  );
  if (name < 0) return out;
  const at = clause.findIndex((t, i) => i > name && (t.lower === "from" || t.lower === "in"));
  if (at < 0) return out;
  const modIndex = clause.findIndex(
    (t, i) =>
      i > at && (t.type === "code" || t.type === "word") && (t.text === "prefect" || t.text.startsWith("prefect.")),
  );
  if (modIndex < 0 || modIndex > at + 4) return out;
  const written = bare(clause[name]!.text);
  const module = clause[modIndex]!.text;
  if (written.startsWith(`${module}.`)) return out;
  used.add(name);
  used.add(modIndex);
  out.push(importClaim(written.split(".").pop()!, module));
  return out;
}

function importClaim(name: string, module: string): Claim {
  return { kind: "import", statement: `\`${name}\` can be imported from \`${module}\``, subject: module, detail: name };
}

/** "`run_deployment` returns a future": what a callable returns. */
function readReturns(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const cue = clause.findIndex((t) => RETURN_CUES.has(t.lower));
  if (cue < 0) {
    const got = readUsedToGet(clause, ctx, used);
    return got.length > 0 ? got : readReturnedFrom(clause, ctx, used, (text) => calleeReadings(ctx, text));
  }
  const subjectIndex = lastIndex(clause, cue, (t) => t.type === "code" || ctx.names.distinctive(t.text));
  if (subjectIndex < 0) return readReturnedFrom(clause, ctx, used, (text) => calleeReadings(ctx, text));
  // A method written bare (`delay()`) is the one Prefect type's that has it; a call written with its arguments
  // (`run_deployment(...)`) names the callable.
  const written = bare(clause[subjectIndex]!.text.split("(")[0]!);
  // `delay()`, `my_task.submit()`: a method, bare or on a variable named for its type.
  const methods = written.split(".").every(isIdentifier) ? calleeReadings(ctx, written) : [];
  const callable =
    ctx.names.api(written) ??
    (methods.length === 1 ? methods[0] : undefined) ??
    methodOnType(clause, subjectIndex, ctx);
  if (!callable) return [];
  const out: Claim[] = [];
  for (let j = cue + 1; j < Math.min(clause.length, cue + 5); j++) {
    const t = clause[j]!;
    const noun = RETURN_NOUNS[t.lower.replace("()", "")];
    const cls = t.type === "code" || ctx.names.distinctive(t.text) ? ctx.names.owner(t.text) : undefined;
    if (!noun && !cls) continue;
    used.add(subjectIndex);
    used.add(j);
    out.push({
      kind: "returns",
      statement: `\`${callable}\` returns a ${noun ?? cls}`,
      subject: callable,
      detail: noun ?? cls!,
    });
    // "… returns a future you can `.wait()` on": members named after it are the returned object's.
    for (let k = j + 1; k < clause.length; k++) {
      const m = clause[k]!;
      if (m.text.startsWith(".") && m.text.endsWith("()")) {
        used.add(k);
        out.push(returnedMember(callable, m.text));
      }
    }
    break;
  }
  // "what `run_deployment` gives back has a `.result()` method": no noun for the returned object, only its member.
  if (out.length === 0)
    for (let k = cue + 1; k < Math.min(clause.length, cue + 5); k++) {
      const m = clause[k]!;
      if (m.type !== "code" || !m.text.startsWith(".") || !m.text.endsWith("()")) continue;
      used.add(subjectIndex);
      used.add(k);
      out.push(returnedMember(callable, m.text));
    }
  return out;
}

/**
 * "Calling `.wait()` on a single future returns …": a method written bare, called on a type noun right after it, is
 * that type's method (when the type has one of that name).
 */
function methodOnType(clause: Token[], at: number, ctx: ExtractContext): string | undefined {
  const written = clause[at]!.text;
  if (!written.startsWith(".") || clause[at + 1]?.lower !== "on") return undefined;
  const method = written.slice(1).split("(")[0]!;
  if (!isIdentifier(method)) return undefined;
  for (let k = at + 2; k < Math.min(clause.length, at + 5); k++) {
    const t = clause[k]!;
    if (t.type !== "word") return undefined;
    if (!Object.hasOwn(TYPE_NOUNS, t.lower)) continue;
    const fq = `${TYPE_NOUNS[t.lower]}.${method}`;
    return ctx.facts.symbol(fq) ? fq : undefined;
  }
  return undefined;
}

const GET_VERBS = new Set(["get", "obtain", "fetch", "receive"]);

/**
 * "Use `get_client()` to get an `OrionClient`", "call `Variable.get(...)` to get a `Variable`": a call used "to get"
 * a Prefect class says the call returns it.
 */
function readUsedToGet(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  for (let i = 1; i + 4 < clause.length + 1; i++) {
    const call = clause[i];
    if (call?.type !== "code" || !["use", "call"].includes(clause[i - 1]?.lower ?? "")) continue;
    if (clause[i + 1]?.lower !== "to" || !GET_VERBS.has(clause[i + 2]?.lower ?? "")) continue;
    const k = ["a", "an", "the"].includes(clause[i + 3]?.lower ?? "") ? i + 4 : i + 3;
    const target = clause[k];
    if (target?.type !== "code" || !/^[A-Z]\w*$/.test(target.text)) return [];
    const written = bare(call.text.split("(")[0]!);
    const methods = written.split(".").every(isIdentifier) ? calleeReadings(ctx, written) : [];
    const callable = ctx.names.api(written) ?? (methods.length === 1 ? methods[0] : undefined);
    const cls = ctx.names.owner(target.text);
    if (!callable || !cls) return [];
    used.add(i);
    used.add(k);
    return [{ kind: "returns", statement: `\`${callable}\` returns a ${cls}`, subject: callable, detail: cls }];
  }
  return [];
}

function returnedMember(callable: string, member: string): Claim {
  return {
    kind: "member",
    statement: `what \`${callable}\` returns has \`${member}\``,
    subject: `returned:${callable}`,
    detail: member.slice(1).split("(")[0]!,
  };
}

/** "flows have `.submit()`", "`FlowRun.result()`", "`a_flow.submit()`", "flows can be submitted". */
function readMembers(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  const groups = typeNounGroups(clause, (text) => {
    const fq = ctx.names.owner(text);
    // Only a class the release knows the members of (a record or a Prefect type), not a user's own name.
    return fq && !fq.includes(".server.") && ctx.facts.members(fq, ctx.release) ? fq : undefined;
  });
  const cue = clause.some((t) => MEMBER_CUES.has(t.lower));
  let listedAfter: { at: number; group: NounGroup } | undefined;
  clause.forEach((t, i) => {
    if (used.has(i) || (t.type !== "code" && t.type !== "word")) return;
    const text = t.text.split("(")[0]!;
    const passive = t.type === "word" ? PASSIVE_MEMBERS[t.lower] : undefined;
    if (passive && ["be", "are", "is", "get", "can"].includes(clause[i - 1]?.lower ?? "")) {
      // The type noun is the subject: right before the auxiliaries ("flows can be submitted"; "the task run is
      // submitted" says nothing about a type).
      let k = i - 1;
      while (k > 0 && PASSIVE_AUX.has(clause[k]!.lower)) k--;
      const group = groups.find((g) => g.at === k);
      for (const owner of group?.owners ?? [])
        out.push(memberClaim(owner, passive, `${group!.words} can be ${t.text}`));
      return;
    }
    if (!text.includes(".") || t.text.includes(" ") || (t.type === "word" && !t.text.endsWith("()"))) return;
    const dot = text.lastIndexOf(".");
    const member = text.slice(dot + 1);
    const ownerText = text.slice(0, dot);
    if (!member || ownerText.startsWith("prefect")) return;
    // `my_flow.py`, `flows.yaml`: a file name, not a member; `my_flow.py:my_func` is an entrypoint.
    if (ownerText !== "" && !t.text.includes("(") && FILE_SUFFIXES.has(member)) return;
    // `flows.heartbeat_frequency`, `results.persist_by_default`: a setting's `prefect.toml` key, not a member.
    if (!t.text.includes("(") && ctx.settings?.find(text).some((s) => s.toml === text)) return;
    if (!isIdentifier(member)) return;
    if (ownerText === "") {
      // "… call `.result()` on it": the owner is whatever "it" stands for, not the nearest noun.
      const after = clause.slice(i + 1, i + 3).map((x) => x.lower);
      if (after[0] === "on" && PRONOUNS.has(after[1] ?? "")) {
        // … unless the sentence just said what a callable returns: "it" is that.
        if (ctx.sentenceReturned && t.text.endsWith("()")) {
          used.add(i);
          out.push(returnedMember(ctx.sentenceReturned, t.text));
        }
        return;
      }
      // "call `.result()` on the returned flow run": the run's record.
      const run = runOwner(clause, i);
      if (run) {
        used.add(i);
        out.push(memberClaim(run, member, `a ${run.split(".").pop()} has .${member}()`));
        return;
      }
      // "a `PrefectFutureList` from `.map()`", "… returned by `.submit()`": the member is where the noun comes from,
      // not one of its members.
      if (["from", "by"].includes(clause[i - 1]?.lower ?? "")) return;
      // A member further on in a list of members ("`.state` and `.result()`, plus `.cancel()`") is the same noun's.
      const listed = listedAfter !== undefined && i - listedAfter.at <= MAX_LIST_GAP ? listedAfter.group : undefined;
      const group = listed ?? nearest(groups, i, clause);
      if (!group || !cue || (!listed && Math.abs(group.at - i) > MAX_OWNER_DISTANCE)) {
        // "`.delay()` works …": with no noun near, the one Prefect type that has (or had) the member is meant.
        const owner = t.type === "code" && groups.length === 0 ? soleOwner(ctx, member) : undefined;
        if (owner) {
          used.add(i);
          out.push({ ...memberClaim(owner, member, `\`${t.text}\``), mention: true });
        }
        return;
      }
      used.add(i);
      listedAfter = { at: i, group };
      for (const owner of group.owners) out.push(memberClaim(owner, member, `${group.words} have .${member}()`));
      return;
    }
    // `Variable.get`: of the classes with that name, the one that has (or had) the member is meant, a classmethod
    // named with its class being a member of that class (not of the client's `Variable` schema).
    const viaMember = ownerText[0] !== ownerText[0]!.toLowerCase() ? ctx.names.api(text) : undefined;
    // `my_module.my_flow.my_func` is a module path: only a variable or a Prefect name owns a member.
    const owner =
      viaMember && ctx.facts.symbol(viaMember)
        ? viaMember.slice(0, viaMember.lastIndexOf("."))
        : ownerText.includes(".") && !ctx.names.api(ownerText)
          ? undefined
          : ctx.names.owner(ownerText);
    if (!owner) {
      // `automation.pause()`, `await secret.asave(…)`: a method called on a variable spelled like a Prefect class is
      // that class's (each class of the name a reading).
      const classes = t.text.includes("(") && !ownerText.includes(".") ? ctx.names.instance(ownerText) : [];
      if (classes.length === 0) return;
      used.add(i);
      out.push({
        ...memberClaim(classes[0]!, member, `\`${t.text}\``),
        mention: true,
        ...(classes.length > 1 ? { alternatives: classes } : {}),
      });
      return;
    }
    // `flow_run.parent_flow_run_id` may be `prefect.runtime.flow_run`'s attribute, not the `FlowRun` record's: a
    // variable spelled like a module that serves the attribute is that module's, unless the record has it too (or
    // the release's record is unknown, or a possessive says it is an object: "the hook's `flow_run`").
    const record = ctx.facts.members(owner, ctx.release);
    const possessive = /['’]s$/.test(clause[i - 1]?.text ?? "");
    const attribute =
      viaMember || t.text.includes("(") || !record || possessive
        ? undefined
        : moduleAttributeNamed(ownerText, member, ctx.facts);
    if (attribute) {
      used.add(i);
      if (!record!.names.includes(member))
        out.push({
          kind: "exists",
          statement: `\`${attribute}\` exists`,
          subject: attribute,
          detail: text,
          mention: true,
        });
      return;
    }
    used.add(i);
    // The class is not in the release (2.x's `Deployment` on 3.x): the member is judged as a name, with its history.
    if (viaMember && !ctx.facts.members(owner, ctx.release)) {
      out.push({ kind: "exists", statement: `\`${text}\` exists`, subject: viaMember, detail: text, mention: true });
      return;
    }
    // `@my_task.on_failure` decorates with the member: it must be a method, not an option the constructor stores.
    const used_as = t.text.startsWith("@") ? DECORATOR_MARK : "";
    out.push({ ...memberClaim(owner, `${used_as}${member}`, `\`${t.text}\``), mention: true });
  });
  return out;
}

/** "`.m()` on the (returned) flow run": the owner named right after "on", when it is a run. */
function runOwner(clause: Token[], i: number): string | undefined {
  if (clause[i + 1]?.lower !== "on" || !clause[i]!.text.endsWith("()")) return undefined;
  for (let k = i + 2; k < Math.min(clause.length - 1, i + 5); k++) {
    const t = clause[k]!;
    if (Object.hasOwn(RUN_OWNERS, t.lower) && (clause[k + 1]?.lower === "run" || clause[k + 1]?.lower === "runs"))
      return RUN_OWNERS[t.lower];
    if (t.type !== "word" || Object.hasOwn(TYPE_NOUNS, t.lower)) return undefined;
  }
  return undefined;
}

const owners = new WeakMap<object, Map<string, string[]>>();

/** The Prefect types that have (or had) a member, remembered per facts table. */
function ownersOf(ctx: ExtractContext, member: string): string[] {
  const { facts } = ctx;
  let known = owners.get(facts);
  if (!known) {
    known = new Map();
    owners.set(facts, known);
  }
  let found = known.get(member);
  if (!found) {
    found = MEMBER_OWNERS.filter((cls) =>
      [facts.latest, facts.latestOfMajor(2)].some((v) => facts.members(cls, v)?.names.includes(member)),
    );
    known.set(member, found);
  }
  return found;
}

function soleOwner(ctx: ExtractContext, member: string): string | undefined {
  const owners = ownersOf(ctx, member);
  return owners.length === 1 ? owners[0] : undefined;
}

function memberClaim(owner: string, member: string, statement: string): Claim {
  return { kind: "member", statement, subject: owner, detail: member };
}

interface NounGroup {
  at: number;
  owners: string[];
  words: string;
}

/** Type nouns joined by "and", "or", "/" or "," count as one subject ("tasks and subflows"). */
function typeNounGroups(clause: Token[], classOf?: (text: string) => string | undefined): NounGroup[] {
  const groups: NounGroup[] = [];
  let current: NounGroup | null = null;
  clause.forEach((t, i) => {
    const run = RUN_WORDS.has(clause[i + 1]?.lower ?? "");
    // "The returned `FlowRun` has a `.wait()` method": a Prefect class written in code is a noun for its type too.
    const written = t.type === "code" && classOf && /^[A-Z][A-Za-z0-9]*$/.test(t.text) ? classOf(t.text) : undefined;
    // "a flow run has …", "flow runs have …": the run record, as a noun (never "the flow runs …", a verb).
    const record = t.type === "word" && Object.hasOwn(RUN_OWNERS, t.lower) && runRecordNoun(clause, i + 1);
    const noun =
      written ??
      (record
        ? RUN_OWNERS[t.lower]
        : t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower) && !run
          ? TYPE_NOUNS[t.lower]
          : undefined);
    // "an infrastructure-bound flow": the tokenizer reads "-bound" as a short flag; the compound's last word qualifies.
    const prev = clause[i - 1];
    const qualifier =
      prev?.type === "flag" && !prev.text.startsWith("--") && clause[i - 2]?.type === "word"
        ? prev.lower.slice(1)
        : (prev?.lower ?? "");
    const narrower = Object.hasOwn(TYPE_QUALIFIERS, qualifier) ? TYPE_QUALIFIERS[qualifier] : undefined;
    const fq = noun && narrower && noun.endsWith(".Flow") ? narrower : noun;
    if (fq) {
      if (current && current.at >= i - 2) {
        if (!current.owners.includes(fq)) current.owners.push(fq);
        current.words += ` and ${t.text}`;
        current.at = i;
      } else {
        current = { at: i, owners: [fq], words: t.text };
        groups.push(current);
      }
    } else if (!(t.lower === "and" || t.lower === "or" || t.text === "/" || t.text === ",")) current = null;
  });
  return groups;
}

const HAVING_VERBS = new Set(["have", "has", "expose", "exposes", "lack", "lacks", "support", "supports"]);

/** Whether token k ("run" / "runs") makes a noun of the word before it: "a flow run", "flow runs have". */
function runRecordNoun(clause: Token[], k: number): boolean {
  const word = clause[k]?.lower;
  if (word === "run") return ["a", "the", "each", "every", "your", "this", "that"].includes(clause[k - 2]?.lower ?? "");
  if (word !== "runs") return false;
  const next = clause[k + 1]?.lower ?? "";
  return HAVING_VERBS.has(next) || (["do", "don't"].includes(next) && HAVING_VERBS.has(clause[k + 2]?.lower ?? ""));
}

/** The type-noun group nearest to token i, leaving out what something returns ("`.submit()` gives a future"). */
function nearest(groups: NounGroup[], i: number, clause: Token[]): NounGroup | undefined {
  const returned = (g: NounGroup) =>
    g.at > i && clause.slice(i + 1, g.at).some((_, k) => isReturnVerb(clause, i + 1 + k));
  // "`.submit()` and `.map()` hand back futures, and `.map()` returns …": a noun that is the object of a verb of
  // returning is what comes back, not the receiver of a member that is itself the subject of another such verb.
  const object = (g: NounGroup) => g.at < i && isReturnVerb(clause, i + 1) && returnedObject(clause, g.at);
  // "call `.wait()` before the flow exits": a noun after a word that opens a clause of time or condition is that
  // clause's subject, not the owner of the member before it.
  const subordinate = (g: NounGroup) =>
    g.at > i && clause.slice(i + 1, g.at).some((t) => t.type === "word" && CLAUSE_OPENERS.has(t.lower));
  return groups
    .filter((g) => !returned(g) && !subordinate(g) && !object(g))
    .sort((a, b) => Math.abs(a.at - i) - Math.abs(b.at - i))[0];
}

const RELATIVE_PRONOUNS = new Set(["that", "which"]);

/** A verb of returning at k: "returns", "gives", or a verb with "back" ("hand back", "gives you back"). */
function isReturnVerb(clause: Token[], k: number): boolean {
  const w = clause[k]?.lower ?? "";
  if (RETURN_CUES.has(w)) return true;
  if (!BACK_VERBS.has(w)) return false;
  return clause.slice(k + 1, k + 3).some((t) => t.lower === "back");
}

/** The noun at `at` is the object of a verb of returning right before it ("hand back futures", "returns a future"). */
function returnedObject(clause: Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const w = clause[k]!.lower;
    if (isReturnVerb(clause, k)) return true;
    if (!OBJECT_FILLERS.has(w)) return false;
  }
  return false;
}

/** Words between a verb of returning and its object. */
const OBJECT_FILLERS = new Set(["a", "an", "the", "back", "you", "us", "them", "their", "its", "new"]);

/** Words that open a clause of time or condition with a subject of its own ("before the flow exits"). */
const CLAUSE_OPENERS = new Set(["before", "after", "until", "once", "when", "whenever", "while", "unless", "if"]);

const PY_CONSTANTS = new Set(["None", "True", "False"]);
/** Python's built-in types: a value's type ("pass a type such as `str`"), never a parameter's name. */
const PY_TYPES = new Set(["str", "int", "float", "bool", "dict", "list", "tuple", "set", "bytes", "object", "type"]);
/** Python's builtin functions, as written in prose about code ("`print` output", "`len` of the list"). */
const PY_BUILTINS = new Set([
  "print",
  "len",
  "open",
  "range",
  "repr",
  "sorted",
  "enumerate",
  "zip",
  "isinstance",
  "getattr",
  "setattr",
  "hasattr",
  "iter",
  "next",
  "sum",
  "min",
  "max",
  "abs",
  "round",
  "input",
  "vars",
  "dir",
  "super",
]);

/** Words that may stand between a purpose's verb and its object ("to name every task", "to run all the tasks"). */
const OBJECT_LEAD_WORDS = new Set([
  "a",
  "an",
  "the",
  "each",
  "every",
  "all",
  "any",
  "your",
  "its",
  "their",
  "my",
  "our",
]);

/**
 * "… `task_runner=SequentialTaskRunner()` to run tasks one by one": a type noun that is the object of a purpose's verb
 * ("to <verb> [every] tasks") says what the option acts on, not whose option it is ("to each task" is a place).
 */
function purposeVerb(clause: Token[], j: number): boolean {
  const t = clause[j]!;
  return (
    clause[j - 1]?.lower === "to" &&
    t.type === "word" &&
    !OBJECT_LEAD_WORDS.has(t.lower) &&
    !Object.hasOwn(TYPE_NOUNS, t.lower) &&
    clause.slice(j + 1, j + 4).some((x) => x.type === "word" && Object.hasOwn(TYPE_NOUNS, x.lower))
  );
}

function purposeObject(clause: Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(1, i - 3); j--) {
    const t = clause[j]!;
    if (clause[j - 1]?.lower === "to" && t.type === "word" && !OBJECT_LEAD_WORDS.has(t.lower))
      return !Object.hasOwn(TYPE_NOUNS, t.lower) && clause.slice(j + 1, i).every((x) => OBJECT_LEAD_WORDS.has(x.lower));
    if (t.type !== "word" || !OBJECT_LEAD_WORDS.has(t.lower)) return false;
  }
  return false;
}

/** Prepositions that, between a keyword and a function in code, say whose keyword it is. */
const FUNCTION_OWNER_WORDS = new Set(["on", "of", "for"]);

/** "flow's" → the flow type: a type noun in the possessive, just before a parameter's name. */
function possessiveOwner(token: Token | undefined): string | undefined {
  if (token?.type !== "word" || !token.lower.endsWith("'s")) return undefined;
  const noun = token.lower.slice(0, -2);
  return Object.hasOwn(TYPE_NOUNS, noun) ? TYPE_NOUNS[noun] : undefined;
}

/**
 * "`wait_for_flow_run` … . Its `poll_interval` defaults to 5 seconds": "its" (or "its default") right before a keyword
 * in a sentence that opens with it stands for the one callable the previous sentence named (or was about) that ever
 * took the keyword; with none, or several, it names no owner.
 */
function pronounOwner(clause: Token[], i: number, name: string, ctx: ExtractContext): string | undefined {
  const sentence = ctx.sentenceTokens ?? clause;
  const at = DEFAULT_CUES.has(clause[i - 1]?.lower ?? "") ? i - 2 : i - 1;
  const its = clause[at];
  if (its?.lower !== "its" || sentence.indexOf(its) > 2) return undefined;
  if (sentence.some((t) => t.type === "code" && t !== clause[i])) return undefined;
  const took = (fq: string) =>
    ctx.facts.paramSpan(fq, name) !== undefined || ctx.facts.paramSpan(`${fq}.__init__`, name) !== undefined;
  // The same callable may be the subject of several of the sentence's claims (it exists, it is imported from …).
  const named = [...new Set((ctx.lastSubjects ?? []).filter((s) => !s.includes(":") && took(s)))];
  return named.length === 1 ? named[0] : undefined;
}

/** `name(kw=…)`, "pass `timeout=`", "`retries` defaults to 3". */
function readParams(clause: Token[], ctx: ExtractContext, used: Set<number>, words: string[]): Claim[] {
  const out: Claim[] = [];
  // Cue words in prose, not names in code (`default` as a deployment's name).
  // "hand back", "hand over" return or give away a value; they pass no keyword.
  const paramCue = words.some(
    (w, i) =>
      clause[i]?.type !== "code" &&
      (PARAM_CUES.has(w) || DEFAULT_CUES.has(w)) &&
      !(w === "hand" && ["back", "over", "off", "out"].includes(words[i + 1] ?? "")),
  );
  // "a `timeout` argument" names a keyword, not the `timeout` function.
  const named = clause.findIndex(
    (t, i) =>
      (t.type === "code" || ctx.names.distinctive(t.text)) &&
      // "take `timeout=`": a name written as a keyword is one, not the callable of that name.
      !/^\w+=$/.test(t.text) &&
      // `@flow` written as a decorator is the type's constructor ("`@flow` accepts `p`").
      (callableOf(ctx, t.text) || (/^@\w+$/.test(t.text) && calleeReadings(ctx, t.text).length > 0)) &&
      !ARGUMENT_NOUNS.has(clause[i + 1]?.lower ?? "") &&
      // "its default `timeout`": a name right after "default" is a keyword whose default is meant.
      !DEFAULT_CUES.has(clause[i - 1]?.lower ?? ""),
  );
  // "`flow.deploy()` does not accept …": a method called on a variable named for its type is a callable too.
  const calleeIndex =
    named >= 0
      ? named
      : clause.findIndex(
          (t) =>
            t.type === "code" &&
            ((/^[a-z_]*\.[a-z_]\w*(?:\(\))?$/.test(t.text) &&
              calleeReadings(ctx, t.text.replace("()", "")).length > 0) ||
              // `build_from_flow`: a bare method name only one class has.
              soleMethod(ctx, t.text.replace("()", "")) !== undefined),
        );
  // "`retries` defaults to 3 on a task": a type noun names the callable whose parameters are meant.
  // "a flow run", "task runs" name a run, not the type.
  // A noun in another part of the sentence ("linked as a subflow because `as_subflow` defaults to …") is not whose
  // parameter it is: a subordinating word between them separates the two statements.
  const firstCode = clause.findIndex((t) => t.type === "code");
  const sameStatement = (i: number) =>
    firstCode < 0 ||
    (!clause.slice(Math.min(i, firstCode) + 1, Math.max(i, firstCode)).some((t) => SUBORDINATORS.has(t.lower)) &&
      // "…, since `as_subflow` defaults to …": "since" before a name stated on its own (not a `k=v` passed) too.
      !(
        clause[firstCode - 1]?.lower === "since" &&
        i < firstCode &&
        !clause[firstCode]!.text.includes("=") &&
        reasonSince(clause, firstCode - 1)
      ));
  // "the flow's `retries`": a type noun in the possessive names it too.
  const nounOf = (lower: string) => (lower.endsWith("'s") ? lower.slice(0, -2) : lower);
  const noun = clause.find(
    (t, i) =>
      t.type === "word" &&
      Object.hasOwn(TYPE_NOUNS, nounOf(t.lower)) &&
      // "the task's exception" is the exception's owner, not a parameter's.
      (nounOf(t.lower) === t.lower || clause[i + 1]?.type === "code") &&
      !t.lower.startsWith("future") &&
      !RUN_WORDS.has(clause[i + 1]?.lower ?? "") &&
      !purposeObject(clause, i) &&
      sameStatement(i),
  );
  let callees = calleeIndex >= 0 ? calleeReadings(ctx, clause[calleeIndex]!.text) : [];
  if (callees.length === 0 && noun) callees = [TYPE_NOUNS[nounOf(noun.lower)]!];
  // The same sentence's callable is no guess ("`Variable.set(…, overwrite=True)`; `overwrite` is … by default").
  // "`a(x=…).b(y=…)`; for … pass `x=…`": a keyword with no callable of its own may be any of the sentence's callables;
  // each is a reading, and readings that disagree leave it undecidable.
  if (callees.length === 0 && ctx.sentenceCallables?.length) callees = [...ctx.sentenceCallables];
  const inferred = callees.length === 0 && ctx.lastCallable !== undefined;
  if (callees.length === 0 && ctx.lastCallable) callees = [ctx.lastCallable];
  const callee = callees[0];
  clause.forEach((t, i) => {
    if (t.type !== "code" || (i === 0 && used.has(0))) return;
    // The callable named bare is not one of its own keywords.
    if (i === calleeIndex && named < 0 && !t.text.includes(".")) return;
    const call = t.text.indexOf("(");
    // `name=timedelta(hours=1)` is a keyword with a call as its value, not a call; `a(…).b(…)` is a chain.
    if (call > 0 && t.text.endsWith(")") && !t.text.slice(0, call).includes("=")) {
      // Calls are the inline pass's (`readInlineCalls`), but for a decorator's (`@flow(retries=3)`).
      if (!t.text.startsWith("@") || closingParen(t.text, call) !== t.text.length - 1) return;
      // `deploy(parameters=…)` may be `flow.deploy(…)`: a bare name that is also a method of a Prefect type is
      // judged by each reading; `my_flow.deploy(…)` is the method of what the variable holds.
      const fns = calleeReadings(ctx, t.text.slice(0, call));
      if (fns.length === 0) return;
      for (const arg of t.text.slice(call + 1, -1).split(",")) {
        const eq = arg.indexOf("=");
        const name = arg.slice(0, eq).trim();
        if (eq > 0 && isIdentifier(name)) out.push(paramClaim(fns, name, false));
      }
      // The call's name is still said to exist (`PrefectFlowRunFuture(flow_run_id=...)` before 3.2.8).
      return;
    }
    const eq = t.text.indexOf("=");
    const name = eq > 0 ? t.text.slice(0, eq).trim() : t.text;
    // `cache_policy=NO_CACHE`: a value written as a name must exist too.
    const written = eq > 0 ? t.text.slice(eq + 1).trim() : "";
    const valueApi = isIdentifier(written) && ctx.names.distinctive(written) ? ctx.names.api(written) : undefined;
    if (valueApi)
      out.push({
        kind: "exists",
        statement: `\`${written}\` exists`,
        subject: valueApi,
        detail: written,
        mention: true,
      });
    // A Python constant is a value ("defaults to `None`"), never a parameter's name.
    if (isSetting(name) || name.startsWith("-") || !isIdentifier(name) || PY_CONSTANTS.has(name) || PY_TYPES.has(name))
      return;
    // "`print` output": a Python builtin no Prefect API takes as a keyword is the builtin, not a parameter.
    if (eq < 0 && PY_BUILTINS.has(name) && ctx.facts.callablesTaking(name).length === 0) return;
    // "`create_if_missing=True` creates the limit": a keyword written alone names a parameter of some API.
    const later = laterOwner(ctx, clause, i);
    // "import `Cron` … and pass them to `schedules=`": where something is passed is a parameter of whatever takes
    // it, not of the names being passed; some API of the release must take it.
    if (!later && passedTo(clause, i) && keywordWritten(t, clause[i + 1]) && !callableOf(ctx, name)) {
      used.add(i);
      out.push(someApiTakes(name, true));
      return;
    }
    // `retry_delay_seconds=exponential_backoff(…)`: when the clause's callable is the keyword's own value, the
    // keyword goes to some other call the clause does not show (whichever API takes it), not to its value.
    const valueHead = written.split("(")[0]!.split(".").pop()!;
    const ownValue = valueHead !== "" && callees.some((c) => c.split(".").pop() === valueHead);
    // "Use `run_deployment` … . Pass `job_variables={...}` for that run": an instruction to pass a keyword the
    // callable the text is about took in some release (so it is no model field or YAML key) is that callable's, on the
    // asker's release.
    if (
      inferred &&
      eq > 0 &&
      !later &&
      name.includes("_") &&
      ctx.facts.paramSpan(callee!, name) !== undefined &&
      instructionNow(clause, i, ctx.sentenceTokens ?? clause)
    ) {
      used.add(i);
      out.push(paramClaim([callee!], name, false));
      return;
    }
    if ((!callee || ownValue) && !later && eq > 0 && name.includes("_") && !ctx.names.api(name)) {
      used.add(i);
      // "… `cache_policy=INPUTS` in 2.19": said of the release outright, a keyword that only arrives later is false
      // too (without it, the text may be recommending the next release's spelling).
      // A sentence that tells history ("In 3.x, `x=` was replaced by …") still only mentions it.
      // So is an instruction to the asker ("Pass `as_subflow=False` if …") in a sentence that names no release and
      // no upgrade: it is about what they run now.
      const sentence = ctx.sentenceTokens ?? clause;
      const instruction =
        imperativePass(clause, i) &&
        versionMentions(sentence).length === 0 &&
        !sentence.some((x) => UPGRADE_WORDS.has(x.lower));
      // A negation in the instruction's trailing condition ("… if you don't want …") is the condition's.
      const ofRelease = instruction
        ? !deniesOrTellsHistory(withoutTrailingCondition(sentence))
        : !ctx.sentenceDenies &&
          // "… if you're on a newer 2.x release": a release after an upgrade, not the asker's.
          !sentence.some(
            (x, k) =>
              ["upgrade", "upgrading", "upgraded"].includes(x.lower) ||
              (["newer", "later"].includes(x.lower) && sentence[k + 1]?.type === "version"),
          ) &&
          versionMentions(clause).some((v) => v.bound === "in" && covers(v, ctx.release));
      out.push(someApiTakes(name, !ofRelease));
      return;
    }
    // "`save()` will overwrite … unless you pass `overwrite=False`": a switch passed to stop what the callable does
    // otherwise is on by default (the opposite of the value passed).
    const flipped = eq > 0 && !later && !inferred ? unlessPassed(clause, i, written) : undefined;
    if (flipped) {
      const named = (ctx.sentenceTokens ?? clause).find(
        (x) => x.type === "code" && x !== t && calleeReadings(ctx, x.text.split("(")[0]!).length > 0,
      );
      const owners = callee
        ? callees
        : named
          ? calleeReadings(ctx, named.text.split("(")[0]!)
          : nounMethod(ctx, ctx.sentenceTokens ?? clause);
      if (owners.length > 0) {
        used.add(i);
        out.push(paramClaim(owners, name, false));
        out.push({
          kind: "default",
          statement: `\`${name}\` of \`${owners[0]}\` defaults to ${flipped}`,
          subject: owners[0]!,
          detail: `${name}=${flipped}`,
          ...(owners.length > 1 ? { alternatives: owners } : {}),
        });
        return;
      }
    }
    // "`Variable.set` overwrites …, so `overwrite=True` is optional": the value said to need no writing is the
    // default of the keyword on the callable the sentence named.
    if (eq > 0 && !later && !inferred && saidOptional(clause, i)) {
      const named = (ctx.sentenceTokens ?? clause).find(
        (x) => x.type === "code" && x !== t && calleeReadings(ctx, x.text.split("(")[0]!).length > 0,
      );
      const owners = callee ? callees : named ? calleeReadings(ctx, named.text.split("(")[0]!) : [];
      if (owners.length > 0) {
        used.add(i);
        out.push(paramClaim(owners, name, false));
        out.push({
          kind: "default",
          statement: `\`${name}\` of \`${owners[0]}\` defaults to ${written}`,
          subject: owners[0]!,
          detail: `${name}=${written}`,
          ...(owners.length > 1 ? { alternatives: owners } : {}),
        });
        return;
      }
    }
    if (!callee && !later && !ctx.sentenceDenies) {
      // "The `resource` dict is optional": a parameter named alone said to be optional has a default in every API
      // that takes it (false when none of them gives it one).
      if (eq < 0 && optionalBare(clause, i) && ctx.facts.callablesTaking(name).length > 0) {
        used.add(i);
        out.push({
          kind: "default",
          statement: `\`${name}\` is optional`,
          subject: `param:${name}`,
          detail: `${name}=${ANY_DEFAULT}`,
        });
        return;
      }
    }
    // `name=value` followed by whose it is ("… `cache_expiration=…` to your `@flow` decorator") needs no cue word.
    // "`job_variables` on `run_deployment` lets you …": a snake_case name some API takes, right before "on" / "of" /
    // "for" and a function written in code, is that function's keyword (a class there may own an attribute instead).
    const ownedByFunction =
      eq < 0 &&
      later !== undefined &&
      name.includes("_") &&
      FUNCTION_OWNER_WORDS.has(clause[i + 1]?.lower ?? "") &&
      clause[i + 2]?.type === "code" &&
      /^[@.]?[a-z_]/.test(clause[i + 2]!.text) &&
      !ctx.names.api(name) &&
      ctx.facts.callablesTaking(name).length > 0;
    if (!paramCue && !ownedByFunction && !(eq > 0 && later && !ctx.sentenceDenies)) return;
    if (!callee && !later) {
      // A parameter named alone: its default is checkable when every API that takes it agrees on one.
      const value = eq > 0 ? undefined : statedDefault(clause, i);
      // A one-word name too when it is written as the subject of "defaults" ("`occupy` defaults to `0`").
      if (
        value &&
        (name.includes("_") || (DEFAULT_CUES.has(clause[i + 1]?.lower ?? "") && concreteDefaults(ctx, name)))
      ) {
        used.add(i);
        out.push({
          kind: "default",
          statement: `\`${name}\` defaults to ${value}`,
          subject: `param:${name}`,
          detail: `${name}=${value}`,
        });
      }
      return;
    }
    if (eq < 0 && !paramCue && !ownedByFunction) return;
    // "`f` gives up after a default `timeout` of 600 seconds": a name that is also an API (`timeout`) is the keyword
    // when a default is stated for it and the clause's callable takes a keyword of that name.
    const keywordWithDefault =
      eq < 0 &&
      defaultStatedFor(clause, i) !== undefined &&
      callees.some((c) => ctx.facts.params(c, ctx.release)?.some((p) => p.name === name));
    if (eq < 0 && ctx.names.api(name) && !keywordWithDefault) return;
    // Python parameters are lower-case: `BaseModel` named near a call is a type, not one of its keywords.
    if (eq < 0 && name !== name.toLowerCase()) return;
    // "takes a `timedelta`": a one-word name right after an article, with no "argument" after it, is the type of
    // the value passed (`timedelta`, `dict`), not a keyword ("a `timeout` argument" is one; keywords are rarely a
    // single word introduced by "a").
    // "… has a `timeout` that defaults to 0" names a keyword by its default.
    if (eq < 0 && typeAfterArticle(clause, i) && !defaultOfNamed(clause, i) && !statedDefault(clause, i)) return;
    used.add(i);
    // "call our flow with the `repo_name` parameter", "the `process_data` task": a name no Prefect API ever took, owned
    // only by a type noun, is the user's own function's parameter (or name), not a Prefect option.
    const nounOnly = !later && calleeIndex < 0 && noun !== undefined && callees[0] === TYPE_NOUNS[nounOf(noun.lower)];
    if (eq < 0 && nounOnly && ctx.facts.callablesTaking(name).length === 0) return;
    // "Called inside a flow, … since `as_subflow=True`": a type noun that only says where something runs (the object
    // of "inside", "within", "from" …) owns no keyword its type never took; the keyword is another API's, whichever
    // takes it.
    if (nounOnly && placeNoun(clause, clause.indexOf(noun!)) && !typeEverTook(ctx, callees[0]!, name)) {
      out.push(someApiTakes(name, true));
      return;
    }
    // "as the flow's `task_runner`": the possessive names whose parameter it is, whatever else the clause names;
    // "Its `poll_interval` …" after a sentence about one callable that takes it names that callable.
    const owner = possessiveOwner(clause[i - 1]) ?? pronounOwner(clause, i, name, ctx);
    // "`retries` and `timeout_seconds` are set on the task": a type or callable after a preposition owns the list.
    // "`@flow` accepts `p` to name every task": the subject of a verb of taking owns what it takes.
    const taken =
      calleeIndex >= 0 &&
      calleeIndex < i &&
      callees.length > 0 &&
      clause.slice(calleeIndex + 1, i).some((x) => TAKING_WORDS.has(x.lower));
    const owners = owner ? [owner] : taken ? callees : (later ?? callees);
    const guessed = !later && inferred && !owner;
    out.push(paramClaim(owners, name, guessed));
    // "`day_or=True` by default": a keyword's own value is the stated default when "by default" follows it.
    const own = eq > 0 ? t.text.slice(eq + 1).trim() : "";
    // "`Cron` defaults to `day_or=True`": so is a keyword written with its value right after "defaults to".
    const value = own
      ? defaultFollows(clause, i) || defaultBefore(clause, i) || saidOptional(clause, i)
        ? own
        : undefined
      : (defaultStatedFor(clause, i) ?? reasonDefault(ctx.sentenceTokens ?? clause, clause[i]!));
    if (value) {
      out.push({
        kind: "default",
        statement: `\`${name}\` of \`${owners[0]}\` defaults to ${value}`,
        subject: owners[0]!,
        detail: `${name}=${value}`,
        ...(owners.length > 1 ? { alternatives: owners } : {}),
        ...(guessed ? { inferred: guessed } : {}),
      });
    }
  });
  return out;
}

/**
 * "When saving a block, `save()` …": a bare method in code whose class a plain noun of the sentence names ("block":
 * `Block`), when exactly one such class has it in the release.
 */
function nounMethod(ctx: ExtractContext, sentence: Token[]): string[] {
  const method = sentence.find((t) => t.type === "code" && /^[a-z_]\w*\(\)$/.test(t.text))?.text.slice(0, -2);
  if (!method) return [];
  const found = new Set<string>();
  for (const t of sentence) {
    if (t.type !== "word" || !/^[a-z]+$/.test(t.text)) continue;
    const singular = t.text.endsWith("s") ? t.text.slice(0, -1) : t.text;
    const cls = ctx.names.api(singular.charAt(0).toUpperCase() + singular.slice(1));
    if (cls && ctx.facts.members(cls, ctx.release)?.names.includes(method)) found.add(`${cls}.${method}`);
  }
  return found.size === 1 ? [...found] : [];
}

/**
 * "… unless you pass `overwrite=False`": the keyword at i, a switch, passed after "unless" (and "you" and a verb of
 * passing or setting): the value the callable has without it, or undefined.
 */
function unlessPassed(clause: Token[], i: number, value: string): string | undefined {
  const opposite: Record<string, string> = { true: "False", false: "True" };
  const flipped = opposite[value.toLowerCase()];
  if (!flipped) return undefined;
  let k = i - 1;
  if (["pass", "set", "passing", "setting", "add", "use"].includes(clause[k]?.lower ?? "")) k--;
  else return undefined;
  if (clause[k]?.lower === "you") k--;
  return clause[k]?.lower === "unless" ? flipped : undefined;
}

/** Words that may stand before an imperative verb ("just pass", "also pass"). */
const IMPERATIVE_ADVERBS = new Set(["just", "also", "then", "simply", "instead", "alternatively", "otherwise"]);
/** Words that open a leading phrase of purpose ("To retry only on …, pass …", "For async code, pass …"). */
const PURPOSE_OPENERS = new Set(["to", "for"]);

/**
 * An instruction to the asker to pass the keyword at `i` now ("Pass `x=…`", "Use `x=…` to …"), in a sentence that
 * names no release, no upgrade, and neither denies nor tells history.
 */
function instructionNow(clause: Token[], i: number, sentence: Token[]): boolean {
  return (
    (imperativePass(clause, i) || (clause[i - 1]?.lower === "use" && i === 1)) &&
    versionMentions(sentence).length === 0 &&
    !sentence.some((x) => UPGRADE_WORDS.has(x.lower)) &&
    !deniesOrTellsHistory(withoutTrailingCondition(sentence))
  );
}

/**
 * "Pass `x=…`", "To retry only on some errors, pass `x=…`", "For that, just pass `x=…`", "You can also pass `x=…`": the
 * keyword at i is the object of an imperative "pass" (or "you can pass") that opens the clause, or follows a leading phrase of purpose naming no code.
 */
function imperativePass(clause: Token[], i: number): boolean {
  let verb = i - 1;
  if (!PASS_VERBS.has(clause[verb]?.lower ?? "")) return false;
  while (verb > 0 && IMPERATIVE_ADVERBS.has(clause[verb - 1]!.lower)) verb--;
  // "You can (also) pass `x=…`" says what the asker can do now, like the imperative.
  if (verb >= 2 && ["can", "could"].includes(clause[verb - 1]!.lower) && clause[verb - 2]!.lower === "you") verb -= 2;
  if (verb === 0) return true;
  return (
    clause[verb - 1]?.text === "," &&
    PURPOSE_OPENERS.has(clause[0]?.lower ?? "") &&
    !clause.slice(0, verb).some((x) => x.type === "code" || x.type === "flag" || x.type === "version")
  );
}

const OPTIONAL_WORDS = new Set(["optional", "redundant", "unnecessary", "implied"]);

/** "`overwrite=True` is optional": a keyword's value said to need no writing is its default. */
/** "`p` is optional", "the `p` dict is optional": a name in code, at most two nouns, then "is/are optional". */
function optionalBare(clause: Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 3; k++) {
    const t = clause[k];
    if (t?.type !== "word") return false;
    if (["is", "are"].includes(t.lower)) return clause[k + 1]?.lower === "optional";
  }
  return false;
}

function saidOptional(clause: Token[], i: number): boolean {
  return ["is", "are"].includes(clause[i + 1]?.lower ?? "") && OPTIONAL_WORDS.has(clause[i + 2]?.lower ?? "");
}

/**
 * Whether every API of the release that takes `name` gives it a value of its own: a `None` (or no default) may be
 * filled at run time (`Task(retries=None)` from a setting), so a one-word name's default is judged only without one.
 */
function concreteDefaults(ctx: ExtractContext, name: string): boolean {
  const defaults = ctx.facts
    .callablesTaking(name)
    .map((fq) => ctx.facts.params(fq, ctx.release)?.find((p) => p.name === name))
    .filter((p) => p !== undefined);
  return defaults.length > 0 && defaults.every((p) => p.defaultValue && !["None", "NotSet"].includes(p.defaultValue));
}

const ARTICLES = new Set(["a", "an"]);
const ARGUMENT_NOUNS = new Set(["argument", "arguments", "parameter", "parameters", "keyword", "kwarg", "option"]);

function typeAfterArticle(clause: Token[], i: number): boolean {
  const name = clause[i]!.text;
  return (
    !name.includes("_") && ARTICLES.has(clause[i - 1]?.lower ?? "") && !ARGUMENT_NOUNS.has(clause[i + 1]?.lower ?? "")
  );
}

/** "Variables …", "the artifacts …", not "Progress artifacts …" (a kind of the feature, with its own history). */
/**
 * "Progress artifacts have been around since 2.9": a feature noun qualified by a word is dated by its module's
 * function named for both (`prefect.artifacts.create_progress_artifact`), when that function exists in some release.
 */
function qualifiedFeature(ctx: ExtractContext, clause: Token[], k: number): string | undefined {
  const module = FEATURE_NOUNS[clause[k]!.lower];
  const qualifier = clause[k - 1];
  if (!module?.startsWith("prefect.") || qualifier?.type !== "word" || unqualified(clause, k)) return undefined;
  const singular = clause[k]!.lower.replace(/s$/, "");
  const fq = `${module}.create_${qualifier.lower}_${singular}`;
  return ctx.facts.symbol(fq) ? fq : undefined;
}

/**
 * "Global concurrency limits were introduced in 3.0", "work pools arrived in 2.10": a plural noun with the words
 * before it that spell a CLI command group (`global-concurrency-limit`, `work-pool`) is that feature, dated by the
 * group's commands. The longest spelling wins; a single noun is a group only with a word before it.
 */
function groupFeature(ctx: ExtractContext, clause: Token[], k: number): { group: string; words: string } | undefined {
  const head = clause[k];
  if (head?.type !== "word" || !head.lower.endsWith("s") || head.lower.length < 4) return undefined;
  for (const n of [2, 1]) {
    const before = clause.slice(k - n, k);
    if (k - n < 0 || before.some((w) => w.type !== "word")) continue;
    const group = [...before.map((w) => w.lower), head.lower.slice(0, -1)].join("-");
    if (ctx.facts.commandsInGroup(group).length > 0)
      return { group, words: [...before, head].map((w) => w.text).join(" ") };
  }
  return undefined;
}

function unqualified(clause: Token[], k: number): boolean {
  const before = clause[k - 1];
  // "… because agents were removed": a word that joins clauses qualifies nothing.
  return (
    before?.type !== "word" ||
    DETERMINERS.has(before.lower) ||
    SUBORDINATORS.has(before.lower) ||
    CLAUSE_BREAKS.has(before.lower) ||
    JOINING_WORDS.has(before.lower)
  );
}
const JOINING_WORDS = new Set(["and", "or", "because", "as", "since", "then", "also"]);

/** Words that make an instruction one for after an upgrade ("once you upgrade, pass …"). */
const UPGRADE_WORDS = new Set(["upgrade", "upgrading", "upgraded", "newer", "latest", "later", "migrate", "migrating"]);
const PASS_VERBS = new Set(["pass", "passes", "passed", "passing", "hand", "give", "feed"]);
const DESTINATION_WORDS = new Set(["to", "into", "onto"]);
const DETERMINERS = new Set(["the", "a", "an", "your", "its", "their"]);

/** Token i is where a pass verb earlier in the clause sends something ("pass them to the `schedules` argument"). */
/** "Some API of the release takes `name`": a keyword whose callable the sentence does not say. */
function someApiTakes(name: string, mention: boolean) {
  return {
    kind: "param" as const,
    statement: `\`${name}\` is a parameter`,
    subject: `param:${name}`,
    detail: name,
    mention,
  };
}

function passedTo(clause: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && DETERMINERS.has(clause[k]!.lower)) k--;
  if (!DESTINATION_WORDS.has(clause[k]?.lower ?? "")) return false;
  return clause.slice(0, k).some((t) => PASS_VERBS.has(t.lower));
}

/** Index of the ")" that closes the "(" at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

function callableOf(ctx: ExtractContext, written: string): string | undefined {
  return ctx.names.callable(bare(written));
}

/**
 * The callables a written name can be: `concurrency` → the function; `serve` → `prefect.flows.serve` and the
 * `Flow.serve` method; `my_flow.deploy` → the method of the type the variable is named for.
 */
function calleeReadings(ctx: ExtractContext, text: string): string[] {
  const written = bare(text.startsWith("@") ? text.slice(1) : text);
  // `.deploy()` written as a bare member: a method of whichever Prefect type has it, never a function.
  if (written.startsWith(".") && isIdentifier(written.slice(1)))
    return ownersOf(ctx, written.slice(1)).map((o) => `${o}${written}`);
  const fn = callableOf(ctx, written);
  if (written.includes(".")) {
    if (fn) return [fn];
    const dot = written.lastIndexOf(".");
    const owner = ctx.names.owner(written.slice(0, dot));
    const method = owner && `${owner}.${written.slice(dot + 1)}`;
    return method && ctx.facts.symbol(method) ? [method] : [];
  }
  // `@flow` is a decorator object, not a function, in the facts: its arguments are the type's (Flow's).
  if (!fn && text.startsWith("@") && Object.hasOwn(TYPE_NOUNS, written)) return [TYPE_NOUNS[written]!];
  const methods = isIdentifier(written) ? ownersOf(ctx, written).map((o) => `${o}.${written}`) : [];
  if (!fn && methods.length === 0) {
    const only = soleMethod(ctx, written);
    if (only) return [only];
  }
  return [...new Set([...(fn ? [fn] : []), ...methods])];
}

const methodIndexes = new WeakMap<object, Map<string, string[]>>();

/**
 * "`build_from_flow` also takes `schedules=[...]`": a distinctive method name written bare, which no function has
 * and exactly one public Prefect class ever defined, is that class's method. The index of methods by name is built
 * once per facts (from the callables that take `self` or `cls`).
 */
function soleMethod(ctx: ExtractContext, name: string): string | undefined {
  if (!name.includes("_") || !isIdentifier(name) || name.startsWith("_")) return undefined;
  // A name some API takes as a keyword (`validate_parameters`) is read as that keyword, not as a method.
  if (ctx.facts.callablesTaking(name).length > 0) return undefined;
  let index = methodIndexes.get(ctx.facts);
  if (!index) {
    index = new Map();
    for (const fq of [...ctx.facts.callablesTaking("self"), ...ctx.facts.callablesTaking("cls")]) {
      const parts = fq.split(".");
      const method = parts.at(-1)!;
      if (parts.length < 3 || method.startsWith("_") || ctx.facts.symbol(fq)?.kind === "reexport") continue;
      index.set(method, [...(index.get(method) ?? []), fq]);
    }
    methodIndexes.set(ctx.facts, index);
  }
  // The same class may be listed under its module and a re-exporting package: one class by its short name.
  const found = index.get(name) ?? [];
  const classes = new Set(found.map((fq) => fq.split(".").slice(-2, -1)[0]));
  return classes.size === 1 ? found.sort((a, b) => b.length - a.length)[0] : undefined;
}

/**
 * "use `rate_limit(\"api\", occupy=1)`, which also accepts `max_retries`": a relative clause of taking right after a
 * callable in code says the keywords after the verb are that callable's.
 */
/** Words that open a phrase placing a name ("from the same module", "in `prefect.concurrency`"). */
const PLACE_WORDS = new Set(["from", "in"]);

function readRelativeTaking(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (t.lower !== "which" || clause[i - 1]?.text !== ",") return;
    // "`rate_limit(…)` from the same module, which …": a phrase placing the callable may stand before the comma.
    const place = clause.slice(Math.max(0, i - 7), i - 1).findIndex((x) => PLACE_WORDS.has(x.lower));
    const at = place >= 0 ? Math.max(0, i - 7) + place - 1 : i - 2;
    const callee = clause[at];
    if (callee?.type !== "code") return;
    if (place >= 0 && clause.slice(at + 1, i - 1).some((x) => x.type === "code" && !x.text.startsWith("prefect")))
      return;
    const callables = calleeReadings(ctx, callee.text.split("(")[0]!.trim());
    if (callables.length === 0) return;
    let verb = i + 1;
    while (["also", "only", "still", "now"].includes(clause[verb]?.lower ?? "")) verb++;
    if (!TAKING_WORDS.has(clause[verb]?.lower ?? "")) return;
    // The keywords listed right after the verb ("… accepts `a` and `b`").
    for (let k = verb + 1; k < clause.length; k++) {
      const x = clause[k]!;
      if (x.type === "code") {
        const name = bare(x.text.split("=")[0]!.trim());
        if (!isIdentifier(name) || used.has(k)) continue;
        used.add(k);
        out.push(paramClaim(callables, name, false));
      } else if (!["and", "or", ",", "a", "an", "the"].includes(x.lower)) break;
    }
  });
  return out;
}

/**
 * "`Variable.set` overwrites an existing value by default", "`flow.deploy()` pushes the image by default": a verb
 * right after a callable, in a clause about the default, that is the name of one of its switches (`overwrite`,
 * `push`) says that switch defaults to on.
 */
function readVerbSwitch(clause: Token[], ctx: ExtractContext): Claim[] {
  // "… overwrites an existing variable unless you tell it not to": a condition of being told otherwise is the default.
  // ("otherwise" breaks clauses, so the phrase is looked up in the sentence.)
  const told = UNLESS_TOLD_OTHERWISE.some((p) => phraseText(ctx.sentenceTokens ?? clause).includes(p));
  if (!phraseText(clause).includes(" by default ") && !told) return [];
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (t.type !== "code") return;
    let k = i + 1;
    while (["also", "always", "will", "now"].includes(clause[k]?.lower ?? "")) k++;
    const verb = clause[k];
    if (verb?.type !== "word" || !verb.lower.endsWith("s")) return;
    const stems = [verb.lower.slice(0, -1), verb.lower.endsWith("es") ? verb.lower.slice(0, -2) : ""].filter(Boolean);
    const callables = calleeReadings(ctx, t.text.split("(")[0]!.trim());
    for (const callable of callables) {
      const param = ctx.facts.params(callable, ctx.release)?.find((p) => stems.includes(p.name));
      if (!param || !["True", "False"].includes(param.defaultValue ?? "")) continue;
      out.push({
        kind: "default",
        statement: `\`${param.name}\` of \`${callable}\` defaults to True`,
        subject: callable,
        detail: `${param.name}=True`,
      });
      return;
    }
  });
  return out;
}

/**
 * "`enforce_parameter_schema` defaults to `True` in `flow.deploy()`. In 2.x that option also defaulted to `True`":
 * "that / this option (parameter, argument, keyword)" with a stated default, in a sentence that names no code but the
 * value, is the one keyword the previous sentence named, with its owner (`param:name@callable`, or the callable the text is
 * about when that takes it).
 */
function readThatOptionDefault(clause: Token[], ctx: ExtractContext): Claim[] {
  const at = clause.findIndex(
    (t, i) => ["that", "this"].includes(t.lower) && ARGUMENT_NOUNS.has(clause[i + 1]?.lower ?? ""),
  );
  if (at < 0) return [];
  let cue = at + 2;
  while (["also", "still", "now", "then"].includes(clause[cue]?.lower ?? "")) cue++;
  if (!["defaults", "defaulted"].includes(clause[cue]?.lower ?? "") || clause[cue + 1]?.lower !== "to") return [];
  const value = clause[cue + 2];
  if (!value || !isValue(value)) return [];
  const sentence = ctx.sentenceTokens ?? clause;
  if (sentence.some((t) => t.type === "flag" || (t.type === "code" && t !== value))) return [];
  // A keyword named alone there is the one the callable the text is about takes ("… in `flow.deploy()`").
  const params = (ctx.lastSubjects ?? []).filter((s) => s.startsWith("param:"));
  if (params.length !== 1) return [];
  const [name, owner] = params[0]!.slice("param:".length).split("@") as [string, string | undefined];
  const callable =
    owner ?? (ctx.lastCallable && ctx.facts.paramSpan(ctx.lastCallable, name) ? ctx.lastCallable : undefined);
  if (!callable) return [];
  const stated = withUnit(clause, cue + 2);
  return [
    {
      kind: "default",
      statement: `\`${name}\` of \`${callable}\` defaults to ${stated}`,
      subject: callable,
      detail: `${name}=${stated}`,
    },
  ];
}

/** Nouns after a name in code that make it a callable ("the `.deploy` method"). */
const CALLABLE_NOUNS = new Set(["method", "function", "call", "decorator", "constructor"]);

/** A type noun or callable written after a parameter, behind a preposition ("… set on each task"). */
function laterOwner(ctx: ExtractContext, clause: Token[], i: number): string[] | undefined {
  for (let j = i + 1; j < Math.min(clause.length - 1, i + 10); j++) {
    const t = clause[j]!;
    // "the `parameters` argument in the `.deploy` method": "in" a callable named as one.
    const inCallable =
      t.lower === "in" &&
      clause
        .slice(j + 1, j + 4)
        .some((x, k) => x.type === "code" && CALLABLE_NOUNS.has(clause[j + 2 + k]?.lower ?? ""));
    if (!OWNER_PREPOSITIONS.has(t.lower) && !inCallable) {
      // Only the rest of a list of names and a few verbs may stand between ("`a`, `b` and `c` are set on …").
      // "the `holder=` argument on `concurrency`": the noun that calls it a parameter, too.
      if (t.type === "code" || LIST_WORDS.has(t.lower) || ARGUMENT_NOUNS.has(t.lower)) continue;
      return undefined;
    }
    // "… to run tasks one by one": "to" before a verb opens a purpose, whose object is not the owner.
    // Still the owner when no other API ever took the keyword ("use `depends_on=[a]` to make a task wait").
    if (t.lower === "to" && clause[j + 1]?.type === "word" && purposeVerb(clause, j + 1)) {
      const noun = clause.slice(j + 2, j + 5).find((x) => x.type === "word" && Object.hasOwn(TYPE_NOUNS, x.lower));
      const type = noun && TYPE_NOUNS[noun.lower]!;
      const takers = ctx.facts.callablesTaking(bare(clause[i]!.text.split("=")[0]!.trim()));
      if (
        !type ||
        (takers.length > 0 && !takers.some((c) => c.toLowerCase() === type.toLowerCase() || c === `${type}.__init__`))
      )
        return undefined;
    }
    for (let k = j + 1; k <= Math.min(clause.length - 1, j + 3); k++) {
      const x = clause[k]!;
      if (x.type === "word" && Object.hasOwn(TYPE_NOUNS, x.lower) && !x.lower.startsWith("future"))
        return RUN_WORDS.has(clause[k + 1]?.lower ?? "") ? undefined : [TYPE_NOUNS[x.lower]!];
      if (x.type === "code") {
        const written = bare(x.text.split("(")[0]!);
        // "in the `.deploy` method": the method of whichever Prefect type has it.
        const fns =
          written.startsWith(".") && isIdentifier(written.slice(1))
            ? ownersOf(ctx, written.slice(1)).map((o) => `${o}${written}`)
            : calleeReadings(ctx, written);
        return fns.length > 0 ? fns : undefined;
      }
    }
  }
  return undefined;
}

/** States of absence after "still" ("is still missing in 3.4.0"). */
const ABSENT_STATES = new Set(["missing", "absent", "unavailable", "gone"]);

/** Words of removal that state an absence after a copula ("is gone"), and the copulas and adverbs before them. */
const GONE_STATES = new Set(["gone", "missing", "absent"]);
const COPULAS = new Set(["is", "are", "'s", "be", "been"]);
const STATE_ADVERBS = new Set(["now", "still", "already", "completely", "entirely", "long", "also", "all", "both"]);

/** The removal cue at `cueAt` is a state after a copula ("are gone", "is now gone"), not an event ("was removed"). */
function goneState(clause: Token[], cueAt: number): boolean {
  if (!GONE_STATES.has(clause[cueAt]?.lower ?? "")) return false;
  let j = cueAt - 1;
  while (j > 0 && STATE_ADVERBS.has(clause[j]!.lower)) j--;
  return COPULAS.has(clause[j]?.lower ?? "") || clause[j]?.lower.endsWith("'s") === true;
}

/** Prepositions whose object says where something runs or is called ("inside a flow", "from a task"). */
const PLACE_PREPOSITIONS = new Set(["inside", "within", "in", "from", "during", "outside", "into"]);

/** The type noun at `k` is the object of a preposition of place ("Called inside a flow", "from within your task"). */
function placeNoun(clause: Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const t = clause[j]!;
    if (t.type !== "word") return false;
    if (PLACE_PREPOSITIONS.has(t.lower)) return true;
    if (!["a", "an", "the", "your", "my", "our", "any", "each", "every", "parent", "running"].includes(t.lower))
      return false;
  }
  return false;
}

/** Whether a type ever took a keyword, built or called (`Flow.__init__`, `Flow.__call__`), in any release. */
function typeEverTook(ctx: ExtractContext, type: string, name: string): boolean {
  return ["__init__", "__call__"].some((m) => ctx.facts.paramSpan(`${type}.${m}`, name) !== undefined);
}

function paramClaim(callables: string[], name: string, inferred: boolean): Claim {
  const [callable, ...others] = callables as [string, ...string[]];
  return {
    kind: "param",
    statement: `\`${callable}\` takes \`${name}\``,
    subject: callable,
    detail: name,
    ...(others.length > 0 ? { alternatives: callables } : {}),
    ...(inferred ? { inferred } : {}),
  };
}

/** "added in 3.2", "removed in 3.0", "still available in 3.x" about the nearest API, setting or command. */
function readVersions(clause: Token[], ctx: ExtractContext, used: Set<number>): { claim: Claim; cueAt: number }[] {
  const out: { claim: Claim; cueAt: number }[] = [];
  for (const v of versionMentions(clause)) {
    let event: Claim["event"];
    let cueAt = -1;
    // The subject when the cue says which name it is ("`Y` replaced `X`": `Y`).
    let named: number | undefined;
    for (let j = Math.max(0, v.at - 4); j < v.at; j++) {
      // "came back in 3.2", "added back in 3.2": a return after a removal dates no first arrival, but says the name is
      // there in that release.
      const arrival = VERSION_EVENTS[clause[j]!.lower];
      const e = clause[j + 1]?.lower === "back" ? (arrival === "added" ? "available" : undefined) : arrival;
      // "gone since 3.0": a bound word after an event word bounds that event rather than naming one.
      if (e && !(event && Object.hasOwn(EVENT_BOUNDS, clause[j]!.lower))) [event, cueAt] = [e, j];
      // "renamed to `Y` in 3.0.0", "replaced by `Y` in 2.8": the new name arrived then (the old one may live on as
      // an alias).
      if (
        (RENAME_WORDS.has(clause[j]!.lower) && ["to", "as"].includes(clause[j + 1]?.lower ?? "")) ||
        (REPLACED_WORDS.has(clause[j]!.lower) && ["by", "with"].includes(clause[j + 1]?.lower ?? ""))
      )
        if (clause[j + 2]?.type === "code" && j + 2 < v.at) [event, cueAt, named] = ["added", j + 1, undefined];
      // "`Y` replaced `X` in 2.8.1": the active voice names the new one first.
      if (
        REPLACED_WORDS.has(clause[j]!.lower) &&
        clause[j - 1]?.type === "code" &&
        clause[j + 1]?.type === "code" &&
        j + 1 < v.at
      )
        [event, cueAt, named] = ["added", j + 1, j - 1];
    }
    // "not available until 3.2" says it was added in 3.2 (the negation is part of the statement).
    // "not deprecated until 2.16.4" dates a deprecation, not an arrival.
    if (
      clause[v.at - 1]?.lower === "until" &&
      clause.slice(0, v.at).some((t) => NEGATORS.has(t.lower)) &&
      !clause.slice(0, v.at).some((t) => REMOVAL_WORDS.has(t.lower) && t.lower.endsWith("ed"))
    )
      [event, cueAt] = ["added", -1];
    if (!event) continue;
    // "dropped after 2.12.1", "available since 2.15", "3.2+": the version bounds the event instead of dating it.
    let bound =
      v.text !== clause[v.at]!.text
        ? "since"
        : (clause
            .slice(Math.max(0, cueAt + 1, v.at - 3), v.at)
            .map((t) => (Object.hasOwn(EVENT_BOUNDS, t.lower) ? EVENT_BOUNDS[t.lower] : undefined))
            .filter(Boolean)
            .at(-1) ?? (clause[cueAt]?.lower === "since" ? "since" : undefined));
    // "only available from 3.4 onward", "it only exists since 3.0": "only" makes the bound an arrival at that
    // release (it was not there before), dated like "added in 3.4".
    const onlySince =
      bound === "since" &&
      event !== "removed" &&
      v.text === clause[v.at]!.text &&
      cueAt > 0 &&
      clause.slice(Math.max(0, cueAt - 2), cueAt).some((t) => ONLY_WORDS.has(t.lower));
    if (onlySince) [event, bound] = ["added", undefined];
    // "The `JSON` block is gone on 3.6", "… are gone in 3.x": a state after a copula says the name is absent by that
    // release (removed then or before), not which release removed it.
    if (
      event === "removed" &&
      !bound &&
      goneState(clause, cueAt) &&
      ["in", "on"].includes(clause[v.at - 1]?.lower ?? "")
    )
      bound = "since";
    // "…, a change that landed in 3.6.3": a relative clause about a noun for a change dates the change (a behaviour),
    // not a name the sentence wrote before it.
    const relativeOf = cueAt > 0 ? clause.slice(0, cueAt).findLastIndex((x) => RELATIVE_PRONOUNS.has(x.lower)) : -1;
    if (relativeOf > 0 && cueAt - relativeOf <= 3 && CHANGE_NOUNS.has(clause[relativeOf - 1]!.lower)) continue;
    // "not available until 3.2" dates its event.
    const until = cueAt < 0;
    // The subject, not a place ("both live in `prefect.futures` since 3.0.0" is about what lives there).
    // "Agents were replaced by workers, which arrived in 2.10": a relative clause is about the noun before ", which".
    const which = cueAt > 0 ? clause.slice(0, cueAt).findLastIndex((x) => x.lower === "which") : -1;
    const antecedent = which >= 2 && clause[which - 1]?.text === "," ? which - 2 : -1;
    // … unless it is whose the subject is ("the `schedule=` keyword on `flow.serve()`, which …": the keyword).
    // … nor where it lives ("`create_progress_artifact` in `prefect.artifacts`, which is new in 3.0": the function).
    const placeOfCode =
      ["in", "from"].includes(clause[antecedent - 1]?.lower ?? "") && clause[antecedent - 2]?.type === "code";
    const relative =
      antecedent >= 0 &&
      !OWNER_PREPOSITIONS.has(clause[antecedent - 1]?.lower ?? "") &&
      !placeOfCode &&
      (clause[antecedent]!.type === "code" ||
        Object.hasOwn(TYPE_NOUNS, clause[antecedent]!.lower) ||
        Object.hasOwn(FEATURE_NOUNS, clause[antecedent]!.lower))
        ? antecedent
        : undefined;
    const subjectIndex =
      named ??
      relative ??
      lastIndex(
        clause,
        v.at,
        (t, k) =>
          !["in", "from", "of"].includes(clause[k - 1]?.lower ?? "") &&
          // "the `schedule=` keyword on `flow.deploy()`": the code after "on" says whose the subject is.
          !(t.type === "code" && clause[k - 1]?.lower === "on") &&
          (((t.type === "code" || ctx.names.distinctive(t.text) || isSetting(t.text)) &&
            (!t.text.startsWith(".") || memberOwner(clause, k) !== undefined)) ||
            (t.type === "word" &&
              (Object.hasOwn(TYPE_NOUNS, t.lower) ||
                (Object.hasOwn(FEATURE_NOUNS, t.lower) &&
                  (unqualified(clause, k) || qualifiedFeature(ctx, clause, k) !== undefined)) ||
                groupFeature(ctx, clause, k) !== undefined) &&
              // "the `on_running` task hook": a type noun right after a name in code says whose the name is.
              clause[k - 1]?.type !== "code" &&
              // "the garbage-collected future warning shows up in 3.2": a type noun before a noun of what Prefect
              // reports only says which warning.
              !(Object.hasOwn(TYPE_NOUNS, t.lower) && REPORT_NOUNS.has(clause[k + 1]?.lower ?? "")) &&
              // "`log_prints` has been a flow option since 2.0": a type noun before "option" / "parameter" says
              // whose the name in code before it is; the name is the subject.
              !(
                ARGUMENT_NOUNS.has(clause[k + 1]?.lower ?? "") &&
                clause.slice(0, k).some((x) => x.type === "code" && isIdentifier(x.text.split("=")[0]!))
              ) &&
              !objectOfPreposition(clause, k) &&
              !ownerOfCode(clause, k))),
      );
    // "`Task.delay()` needs 3.2" dates the name right before the verb; "using … flows as entrypoints needs 3.4.1"
    // is about a use of it, not when it arrived.
    if (
      NEED_WORDS.has(clause[cueAt]?.lower ?? "") &&
      (subjectIndex !== cueAt - 1 || clause[subjectIndex]?.type !== "code")
    )
      continue;
    // "…; it was added in 3.4", "(`prefect.cache_policies`) were introduced in 2.14": a pronoun, or no subject at
    // all, stands for what the sentence named before; when it named several, each is a reading.
    const before = cueAt > 0 ? clause.slice(0, cueAt) : [];
    const pronoun = before.some((t) => PRONOUNS.has(t.lower));
    // "… are deprecated but still importable on 3.5.0": a contrast word opening the clause keeps the subject.
    const elided =
      cueAt >= 0 &&
      before.every(
        (t, k) => t.type === "word" && (ELIDED_SUBJECT.has(t.lower) || (k === 0 && CLAUSE_BREAKS.has(t.lower))),
      );
    const inSentence = subjectIndex < 0 && (pronoun || elided) ? earlierSubjects(clause, ctx) : [];
    const antecedents = inSentence.length > 0 || subjectIndex >= 0 ? inSentence : previousSubjects(clause, ctx);
    if (subjectIndex < 0 && antecedents.length === 0) continue;
    const t = subjectIndex >= 0 ? clause[subjectIndex]! : undefined;
    // `cache_result_in_memory=False` as a subject names the keyword.
    const keyword = t?.type === "code" ? t.text.split("=")[0]! : "";
    const owned = t?.text.startsWith(".") ? memberOwner(clause, subjectIndex) : undefined;
    const general = !t
      ? antecedents[0]
      : owned
        ? `${owned}.${bare(t.text.slice(1).split("(")[0]!)}`
        : t.text.startsWith("--")
          ? flagSubject(ctx, clause, t.text.split(/[ =]/)[0]!)
          : t.text.startsWith("prefect ")
            ? `cli:${commandKey(ctx.facts, t.text.split(" ").slice(1)) ?? commandGroup(ctx, t.text.slice(8)) ?? ""}`
            : t.type === "code" && COMMAND_NOUNS.has(clause[subjectIndex + 1]?.lower ?? "") && commandGroup(ctx, t.text)
              ? `cli:${commandGroup(ctx, t.text)}`
              : isSetting(t.text.split("=")[0]!)
                ? // "set `PREFECT_X=False`, a name that only exists from 3.2.0": the setting, not its value.
                  `setting:${t.text.split("=")[0]}`
                : t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower)
                  ? TYPE_NOUNS[t.lower]
                  : t.type === "word" && Object.hasOwn(FEATURE_NOUNS, t.lower)
                    ? (qualifiedFeature(ctx, clause, subjectIndex) ?? FEATURE_NOUNS[t.lower])
                    : t.type === "word" && groupFeature(ctx, clause, subjectIndex)
                      ? `feature:${groupFeature(ctx, clause, subjectIndex)!.group}`
                      : // "the `schedule=` keyword on `flow.serve()`": a name written as a keyword is the owner's parameter.
                        t.type === "code" && isIdentifier(keyword) && /^\w+=/.test(t.text)
                        ? ownParam(ctx, keyword, laterOwner(ctx, clause, subjectIndex))
                        : (ctx.names.api(bare(t.text.split("(")[0]!)) ??
                          variableMethod(ctx, t) ??
                          methodOfNamedClass(ctx, t) ??
                          (isIdentifier(keyword) && keyword.includes("_") ? `param:${keyword}` : undefined));
    const subject = general && ownedParam(ctx, general, clause);
    if (!subject || subject.endsWith(":")) continue;
    if (subjectIndex >= 0) used.add(subjectIndex);
    const qualified = t?.type === "word" && subjectIndex > 0 && subject === qualifiedFeature(ctx, clause, subjectIndex);
    const phrase = t?.type === "word" ? groupFeature(ctx, clause, subjectIndex)?.words : undefined;
    const name = t
      ? phrase
        ? phrase
        : qualified
          ? `${clause[subjectIndex - 1]!.text} ${t.text}`
          : bare(t.text.split("(")[0]!)
      : subject.startsWith("param:")
        ? subject.slice(6).split("@")[0]!
        : subject;
    const readings = t?.type === "code" ? meant(ctx, name, clause[subjectIndex + 1]) : [];
    const how = until || !bound ? "in" : bound;
    // "`X` is still missing in 3.4.0", "still absent as of 3.4": "still" and a state of absence deny that it is there.
    const absent =
      event === "available" &&
      clause[cueAt]?.lower === "still" &&
      clause.slice(cueAt + 1, cueAt + 3).some((x) => ABSENT_STATES.has(x.lower));
    out.push({
      claim: {
        ...(absent ? { denied: true } : {}),
        kind: "version",
        statement: `\`${name}\` was ${event === "available" ? "available" : event} ${how} ${v.text}`,
        // A setting's name is the setting's history, not that of the module constant of the same name.
        subject:
          readings.length > 0 && !readings.includes(subject) && !subject.startsWith("setting:")
            ? readings[0]!
            : subject,
        event,
        version: v.text,
        ...(how === "in" ? {} : { bound: how }),
        ...(readings.length > 1 && !subject.startsWith("setting:")
          ? { alternatives: readings }
          : antecedents.length > 1
            ? { alternatives: antecedents }
            : {}),
      },
      cueAt,
    });
  }
  // "`X` still works" with no version: still available in the asker's release.
  // "… can still be changed with that command": "still" and a passive of use say the same of what was named.
  // "The older `X` command does the same thing": an old name said to act now is still there.
  const still = Math.max(
    clause.findIndex(
      (t, k) =>
        t.lower === "still" &&
        ([k + 1, k + 2].some((j) => STILL_WORDS.has(clause[j]?.lower ?? "")) ||
          (clause[k + 1]?.lower === "be" && USE_PARTICIPLES.has(clause[k + 2]?.lower ?? ""))),
    ),
    oldNameActs(clause),
  );
  // The sentence (not only the clause) names no release, and no heading scopes it to the other major: "If you're on
  // 2.x, `X` still works" is about 2.x.
  // "In 3.x the old `X` still works", "… still works on 3.1": a version that only names the asker's own line or minor
  // scopes nothing away from it.
  const unscoped =
    versionMentions(ctx.sentenceTokens ?? clause).every((v) => v.bound === "in" && covers(v, ctx.release)) &&
    (ctx.scopeMajor === undefined || String(ctx.scopeMajor) === ctx.release.split(".")[0]);
  if (out.length === 0 && still > 0 && unscoped) {
    const k = lastIndex(clause, still, (t) => t.type === "code" && !t.text.startsWith("."));
    const t = clause[k];
    const command = t?.text.startsWith("prefect ") ? commandKey(ctx.facts, t.text.split(" ").slice(1)) : undefined;
    const subject =
      t &&
      (isSetting(t.text)
        ? `setting:${t.text}`
        : command
          ? `cli:${command}`
          : ctx.names.api(bare(t.text.split("(")[0]!)));
    // "The `reschedule=True` option is still accepted": a keyword (written with its value, or named as an option)
    // that is no API's name is still taken by some API of the release.
    const keyword = t && !subject ? stillKeyword(clause, k, ctx) : undefined;
    if (keyword) {
      used.add(k);
      out.push({
        claim: {
          kind: "param",
          statement: `\`${keyword}\` is still accepted`,
          subject: `param:${keyword}`,
          detail: keyword,
        },
        cueAt: still,
      });
    }
    if (t && subject) {
      used.add(k);
      out.push({
        claim: {
          kind: "version",
          statement: `\`${bare(t.text)}\` is still available`,
          subject,
          event: "available",
          version: ctx.release,
        },
        cueAt: still,
      });
    }
  }
  return out;
}

/**
 * "The `--tag` option on `prefect deploy` was removed in 3.0": a flag as a version statement's subject is the flag of
 * the command its clause names, or of the one command that ever took it; undefined when that is open.
 */
function flagSubject(ctx: ExtractContext, clause: Token[], flag: string): string | undefined {
  const named = clause
    .filter((t) => t.type === "code" && t.text.startsWith("prefect "))
    .map((t) => commandKey(ctx.facts, t.text.split(" ").slice(1)))
    .filter((k): k is string => k !== undefined);
  const takers = ctx.facts.commandsWithOption(flag);
  const key = named.length === 1 ? named[0] : named.length === 0 && takers.length === 1 ? takers[0] : undefined;
  return key && takers.includes(key) ? `flag:${flag}@${key}` : undefined;
}

/**
 * The keyword the code at `k` names, when it is one: `x=…` written with its value, or a snake_case name an "option" /
 * "argument" noun follows, that is no API's name and that some API of some release took.
 */
function stillKeyword(clause: Token[], k: number, ctx: ExtractContext): string | undefined {
  const t = clause[k]!;
  const written = /^[a-z_][a-z0-9_]*=[^=]/.test(t.text) || /^[a-z_][a-z0-9_]*=$/.test(t.text);
  const name = written ? t.text.split("=")[0]! : t.text;
  if (!isIdentifier(name) || name !== name.toLowerCase() || ctx.names.api(name)) return undefined;
  if (!written && !(name.includes("_") && ARGUMENT_NOUNS.has(clause[k + 1]?.lower ?? ""))) return undefined;
  return ctx.facts.callablesTaking(name).length > 0 ? name : undefined;
}

/** Participles that, after "still be", say a thing is in use ("can still be changed with that command"). */
const USE_PARTICIPLES = new Set([
  "used",
  "changed",
  "set",
  "run",
  "called",
  "imported",
  "passed",
  "configured",
  "read",
]);
/** Verbs in the present that say an old name acts now ("the older `X` command does the same thing"). */
const ACTING_VERBS = new Set(["does", "do", "works", "lets", "handles", "runs", "takes", "accepts", "gives", "covers"]);

/**
 * "The older `prefect deployment set-schedule` command does the same thing": "old" / "older" before a name in code,
 * then (after a noun for what it is) a verb in the present that says it acts: the index of the verb, or -1.
 */
function oldNameActs(clause: Token[]): number {
  for (let i = 0; i + 2 < clause.length; i++) {
    if (!["old", "older"].includes(clause[i]!.lower) || clause[i + 1]?.type !== "code") continue;
    const noun = REMOVED_THING_NOUNS.has(clause[i + 2]?.lower ?? "") ? i + 3 : i + 2;
    // "the old `X` command still works": "still" may stand before the verb.
    const verb = clause[noun]?.lower === "still" ? noun + 1 : noun;
    if (ACTING_VERBS.has(clause[verb]?.lower ?? "")) return verb;
  }
  return -1;
}

/**
 * A parameter named alone in a clause with one type noun ("`retries` on tasks was added in …"): that type's
 * constructor parameter, when it takes it in some release.
 */
function ownedParam(ctx: ExtractContext, subject: string, clause: Token[]): string {
  if (!subject.startsWith("param:") || subject.includes("@")) return subject;
  const types = new Set(
    clause.flatMap((t, i) =>
      t.type === "word" &&
      Object.hasOwn(TYPE_NOUNS, t.lower) &&
      !t.lower.startsWith("future") &&
      !RUN_WORDS.has(clause[i + 1]?.lower ?? "")
        ? [TYPE_NOUNS[t.lower]!]
        : [],
    ),
  );
  const name = subject.slice(6);
  const init = types.size === 1 ? `${[...types][0]}.__init__` : undefined;
  return init && ctx.facts.callablesTaking(name).includes(init) ? `param:${name}@${init}` : subject;
}

/** "`.delay()` on tasks": the type a member written with a leading dot is said of. */
function memberOwner(clause: Token[], k: number): string | undefined {
  if (clause[k + 1]?.lower !== "on") return undefined;
  const noun = clause.slice(k + 2, k + 4).find((t) => t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower));
  return noun ? TYPE_NOUNS[noun.lower] : undefined;
}

/** "the `on_running` hook on tasks": a type noun after "on" that follows a name in code is whose the name is. */
function ownerOfCode(clause: Token[], k: number): boolean {
  const on = clause.slice(Math.max(0, k - 3), k).findLastIndex((t) => t.lower === "on");
  if (on < 0) return false;
  const at = Math.max(0, k - 3) + on;
  return clause.slice(Math.max(0, at - 3), at).some((t) => t.type === "code");
}

// Not "on": "`.delay()` on tasks" names whose member it is.
const PREPOSITIONS = new Set(["about", "for", "with", "by", "of", "in", "from"]);

/** A noun in a prepositional phrase ("the warning about garbage collected futures") is not the clause's subject. */
function objectOfPreposition(clause: Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const t = clause[j]!;
    if (t.type !== "word" || ELIDED_SUBJECT.has(t.lower)) return false;
    if (PREPOSITIONS.has(t.lower)) return true;
  }
  return false;
}

/** Nouns after a name in code that make it a command ("the `concurrency-limit` command group"). */
const COMMAND_NOUNS = new Set(["command", "commands", "group", "subcommand", "subcommands", "cli"]);

/** A command group written alone (`concurrency-limit`): one whose commands some release had. */
function commandGroup(ctx: ExtractContext, text: string): string | undefined {
  const group = text.trim();
  return !group.includes(" ") && ctx.facts.commandsInGroup(group).length > 0 ? group : undefined;
}

/**
 * "`prefect.automations.Automation`, but its methods `acreate()` and `adelete()` arrived in 3.5": a bare method in
 * code is a member of the one class the sentence named before it that has such a member.
 */
function methodOfNamedClass(ctx: ExtractContext, t: Token): string | undefined {
  const name = bare(t.text.split("(")[0]!);
  if (t.type !== "code" || !isIdentifier(name) || !t.text.endsWith("()")) return undefined;
  const sentence = ctx.sentenceTokens ?? [];
  const owners = new Set<string>();
  for (const x of sentence.slice(0, Math.max(0, sentence.indexOf(t)))) {
    if (x.type !== "code") continue;
    const fq = ctx.names.api(bare(x.text.split("(")[0]!));
    if (!fq || ctx.facts.symbol(fq)?.kind !== "class") continue;
    const has = [ctx.release, ctx.facts.latest].some((r) => ctx.facts.members(fq, r)?.names.includes(name));
    if (has) owners.add(fq);
  }
  return owners.size === 1 ? `${[...owners][0]}.${name}` : undefined;
}

/** `my_flow.serve(...)` in code: the method of the type the variable is named for, when the facts have it. */
function variableMethod(ctx: ExtractContext, t: Token): string | undefined {
  const written = bare(t.text.split("(")[0]!);
  if (t.type !== "code" || !written.includes(".")) return undefined;
  const readings = calleeReadings(ctx, written);
  return readings.length === 1 ? readings[0] : undefined;
}

/** The readings of a bare name that the noun after it allows ("the `DateTime` block"); all of them without one. */
function meant(ctx: ExtractContext, name: string, next: Token | undefined): string[] {
  const all = ctx.names.readings(name);
  const noun = next?.type === "word" && Object.hasOwn(NAME_NOUNS, next.lower) ? NAME_NOUNS[next.lower] : undefined;
  if (!noun || all.length < 2) return all;
  const fits = all.filter((fq) => {
    const kind = ctx.facts.symbol(fq)?.kind ?? "";
    return (!noun.path || fq.includes(noun.path)) && (!noun.kinds || noun.kinds.includes(kind));
  });
  return fits.length > 0 ? fits : all;
}

/** What the sentence named in inline code before this clause: APIs, settings, commands and parameters. */
function earlierSubjects(clause: Token[], ctx: ExtractContext): string[] {
  const sentence = ctx.sentenceTokens ?? [];
  const at = sentence.indexOf(clause[0]!);
  const out: string[] = [];
  for (const [k, t] of sentence.slice(0, Math.max(0, at)).entries()) {
    if (t.type !== "code" || t.text.startsWith(".")) continue;
    // "the blocks in `prefect.blocks.system`": a place the subjects live in is not one of them.
    // A setting is never such a place ("retries come from `PREFECT_…`").
    if (["in", "from"].includes(sentence[k - 1]?.lower ?? "") && !isSetting(t.text.split("=")[0]!)) continue;
    // `@flow(log_prints=True)`: a call written with keywords is about its keywords (the callable itself is no news).
    const keywords = callKeywords(ctx, t.text);
    if (keywords.length > 0) {
      for (const k of keywords) if (!out.includes(k)) out.push(k);
      continue;
    }
    // `cache_result_in_memory=False`: a keyword with its value names the keyword.
    const name = bare(t.text.split("(")[0]!.split("=")[0]!);
    // "the `DateTime` block": the noun after a bare name picks its reading, as for a subject in the clause.
    const [only, ...others] = meant(ctx, name, sentence[k + 1]);
    const subject = t.text.startsWith("prefect ")
      ? `cli:${commandKey(ctx.facts, t.text.split(" ").slice(1)) ?? ""}`
      : isSetting(name)
        ? `setting:${name}`
        : ((only && others.length === 0 ? only : undefined) ??
          ctx.names.api(name) ??
          variableMethod(ctx, t) ??
          (isIdentifier(name) && (name.includes("_") || keywordWritten(t, sentence[k + 1]))
            ? ownParam(ctx, name, laterOwner(ctx, sentence, k))
            : undefined));
    if (subject && !subject.endsWith(":") && !out.includes(subject)) out.push(subject);
  }
  return out;
}

/** Nouns after an opening pronoun that say which kind of thing it stands for ("That module …"). */
const PRONOUN_NOUNS: Record<string, (subject: string, ctx: ExtractContext) => boolean> = {
  module: (s, ctx) => ctx.facts.symbol(s)?.kind === "module",
  modules: (s, ctx) => ctx.facts.symbol(s)?.kind === "module",
  setting: (s) => s.startsWith("setting:"),
  settings: (s) => s.startsWith("setting:"),
  command: (s) => s.startsWith("cli:"),
  commands: (s) => s.startsWith("cli:"),
};
const OPENING_PRONOUNS = new Set(["they", "it", "that", "this", "these", "those"]);
const SINGULAR_PRONOUNS = new Set(["it", "that", "this"]);

/**
 * "`JSON`, `String` and `DateTime` are deprecated in 3.1. They were removed in 3.2.0": a sentence that opens with a
 * pronoun and names no code of its own is about what the previous sentence named (each a reading; a noun after the
 * pronoun, "That module", keeps the readings of its kind).
 */
function previousSubjects(clause: Token[], ctx: ExtractContext): string[] {
  const sentence = ctx.sentenceTokens ?? clause;
  const opener = sentence[0];
  if (!ctx.lastSubjects?.length || !opener || !OPENING_PRONOUNS.has(opener.lower) || clause[0] !== opener) return [];
  if (sentence.some((t) => t.type === "code" || t.type === "flag")) return [];
  const noun = PRONOUN_NOUNS[sentence[1]?.lower ?? ""];
  // "That run …", "This flag …": a noun of some other kind is not what the names were.
  if (
    !noun &&
    sentence[1]?.type === "word" &&
    !["they", "it"].includes(opener.lower) &&
    !ELIDED_SUBJECT.has(sentence[1].lower)
  )
    return [];
  const subjects = noun ? ctx.lastSubjects.filter((s) => noun(s, ctx)) : ctx.lastSubjects;
  // "It is gone from 3.5.0" after a sentence naming two things ("read it with `Variable.get`, store it with
  // `Variable.set`") stands for one of them, or for something named earlier: too unsure to check.
  return SINGULAR_PRONOUNS.has(opener.lower) && subjects.length > 1 ? [] : subjects;
}

/** What a sentence names in code, as subjects a next sentence's opening pronoun may stand for. */
export function sentenceSubjects(ctx: ExtractContext): string[] {
  const sentence = ctx.sentenceTokens ?? [];
  // "It gives up after three hours. It polls every 10 seconds": a sentence about the same pronoun keeps its subjects.
  const opener = sentence[0]?.lower ?? "";
  if (OPENING_PRONOUNS.has(opener) && !sentence.some((t) => t.type === "code")) return ctx.lastSubjects ?? [];
  const end: Token = { type: "punct", text: ".", lower: "." };
  const named = earlierSubjects([end], { ...ctx, sentenceTokens: [...sentence, end] });
  // `from prefect.schedules import Cron`: the module an import names is one of them too.
  for (const t of sentence) {
    const m = /^from\s+(prefect[\w.]*)\s+import\s/.exec(t.type === "code" ? t.text : "");
    if (m && !named.includes(m[1]!)) named.push(m[1]!);
  }
  return named;
}

/** "a `holder=` argument", "the `holder` parameter": a name written as a keyword, or called one. */
function keywordWritten(t: Token, next: Token | undefined): boolean {
  return /^\w+=/.test(t.text) || ARGUMENT_NOUNS.has(next?.lower ?? "");
}

/**
 * The keywords of a call written in code (`@flow(log_prints=True)`), each as the parameter of the one callable the
 * call's name reads as when that callable (or its class's constructor) takes it: `param:log_prints@…Flow.__init__`.
 */
function callKeywords(ctx: ExtractContext, text: string): string[] {
  const open = text.indexOf("(");
  if (open <= 0 || !text.endsWith(")") || closingParen(text, open) !== text.length - 1) return [];
  const head = text.slice(0, open);
  if (
    head.includes("=") ||
    !isIdentifier(
      bare(head.startsWith("@") ? head.slice(1) : head)
        .split(".")
        .at(-1)!,
    )
  )
    return [];
  const readings = calleeReadings(ctx, head);
  return splitArgs(text.slice(open + 1, -1)).flatMap((arg) =>
    arg.keyword ? [ownParam(ctx, arg.keyword, readings)] : [],
  );
}

/** `param:name@owner` when the one callable said to own it (or its class's constructor) takes it; else `param:name`. */
function ownParam(ctx: ExtractContext, name: string, readings: string[] | undefined): string {
  if (readings?.length !== 1) return `param:${name}`;
  const takers = new Set(ctx.facts.callablesTaking(name));
  const owner = [readings[0]!, `${readings[0]}.__init__`].find((fq) => takers.has(fq));
  return owner ? `param:${name}@${owner}` : `param:${name}`;
}

/** The APIs the clause writes as code before position `at` (a call's arguments left out), as the facts name them. */
function apisInCodeBefore(clause: Token[], at: number, ctx: ExtractContext): string[] {
  return clause
    .slice(0, at)
    .filter((t) => t.type === "code")
    .map((t) => ctx.names.api(bare(t.text.split("(")[0]!)))
    .filter((fq): fq is string => fq !== undefined);
}

/**
 * "`submit_to_runner` has been deprecated ever since 3.0.0", "`X` is deprecated as of 3.2": the one API the clause
 * names in code before "deprecated", said to be deprecated from a release on. Judged by the release the facts first
 * flag it deprecated (`DEPRECATED_SINCE`), which the stated release and the asker's must not precede.
 */
function readDeprecatedSince(clause: Token[], ctx: ExtractContext): { claim: Claim; cueAt: number }[] {
  const at = clause.findIndex((t) => t.lower === "deprecated");
  if (at < 0) return [];
  // The version follows the word within a few words, right after a word of starting ("ever since", "as of").
  const v = clause.findIndex(
    (t, k) => k > at && k <= at + 4 && t.type === "version" && STATE_START_WORDS.has(clause[k - 1]?.lower ?? ""),
  );
  if (v < 0 || !/^\d+\.\d+(\.\d+)?$/.test(clause[v]!.text)) return [];
  const named = apisInCodeBefore(clause, at, ctx);
  if (named.length !== 1) return [];
  const claim: Claim = {
    kind: "behaviour",
    statement: `\`${named[0]}\` is deprecated since ${clause[v]!.text}`,
    subject: DEPRECATED_SINCE,
    detail: named[0],
    version: clause[v]!.text,
  };
  return [{ claim, cueAt: at }];
}

/** Words that name a deprecation ("carries no deprecation", "is not deprecated"). */
const DEPRECATION_WORDS = new Set(["deprecated", "deprecation", "deprecations"]);

/**
 * "`submit_to_runner` carries no deprecation on this release", "`X` is not deprecated": a denied deprecation of the
 * one API the clause names in code, on the release the clause is about. Only the denial is read: the deprecation
 * flags the facts carry may miss one, never invent one. A version in the clause ("not deprecated until 3.3") dates
 * the deprecation instead, and is left to the version readers.
 */
function readNotDeprecated(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  const at = clause.findIndex((t) => DEPRECATION_WORDS.has(t.lower));
  if (at < 0 || clause.some((t) => t.type === "version")) return [];
  // The negation right before the word ("no deprecation", "not deprecated", "without any deprecation warning").
  const negated = clause
    .slice(Math.max(0, at - 3), at)
    .some((t, k, near) => NEGATORS.has(t.lower) && near.slice(k + 1).every((x) => DENIAL_FILLERS.has(x.lower)));
  if (!negated) return [];
  const named = apisInCodeBefore(clause, at, ctx);
  if (named.length !== 1) return [];
  const release = aboutRelease(clause, ctx);
  const claim: Claim = {
    kind: "behaviour",
    statement: `\`${named[0]}\` is not deprecated`,
    subject: NOT_DEPRECATED,
    detail: named[0],
  };
  return [release ? { claim, ...release } : { claim }];
}

/** The keywords of a call's arguments, each written as a keyword (" timeout=") to follow the call in a phrase. */
function behaviourKeywords(args: string): string {
  return [...args.matchAll(/(?:^|[(,]\s*)([a-z_]\w*)\s*=(?!=)/g)].map((m) => ` ${m[1]}=`).join("");
}

/** Words that may stand between a negation and the deprecation it denies ("not yet deprecated", "no such warning"). */
const DENIAL_FILLERS = new Set(["any", "yet", "a", "such"]);

/** Behaviours from the fact sheet: every word group of one found in the clause, and none of its exceptions. */
/**
 * Each behaviour phrase as it is looked for: padded with spaces (whole words) and whether it has punctuation. Read
 * once from the lexicon rather than for every phrase of every behaviour in every clause.
 */
const readPhrase = (phrase: string) => ({ padded: ` ${phrase} `, punctuated: hasPunctuation(phrase) });
const BEHAVIOUR_PHRASES = new Map(
  BEHAVIOURS.flatMap((b) => [...b.groups.flat(), ...b.unless]).map((phrase) => [phrase, readPhrase(phrase)] as const),
);

/** The one-word phrases of each behaviour's groups, by id. */
const BEHAVIOUR_WORDS = new Map<string, Set<string>>();
// Words of failing ("fails with") are the behaviour's own; a plain negation ("not allowed") still negates.
// A phrase that opens with "no" or "without" ("works with no extra configuration", "without a flag") states what is
// not needed: that word is the behaviour's own, like the rest of the phrase.
for (const b of BEHAVIOURS)
  for (const phrase of b.groups.flat())
    for (const [k, word] of phrase.split(" ").entries())
      if (
        (!DENIALS.has(word) && !["without", "instead", "nor", "neither", "none"].includes(word)) ||
        (k === 0 && (word === "without" || word === "no") && phrase.includes(" "))
      )
        BEHAVIOUR_WORDS.set(b.id, new Set([...(BEHAVIOUR_WORDS.get(b.id) ?? []), word]));

/** Adverbs that may stand between a behaviour's subject and its verb ("still", "always"). */
const BEHAVIOUR_ADVERBS = / (?:still|always|also|automatically|simply)(?= )/g;

function readBehaviours(clause: Token[], ctx: ExtractContext): Claim[] {
  // Versions are the scope's business ("a 3.x flow waits …" reads as "a flow waits …"); a call of a variable named
  // like a task or flow reads as one ("calling `my_task(x)`" → "calling a task").
  const words = clause
    .filter((t) => t.type !== "version")
    .map((t) => {
      const call = t.type === "code" ? t.text.indexOf("(") : -1;
      // `my_task.submit(x)` calls the method: the behaviour's word is `.submit()`.
      const method = call > 0 ? t.text.slice(0, call).split(".") : [];
      // A call written with its arguments (`as_completed(futures, timeout=30)`, `Variable.get("x")`) reads as the
      // callable called and the keywords it was given, the words the behaviours name.
      const keywords = call > 0 && t.text.endsWith(")") ? behaviourKeywords(t.text.slice(call + 1, -1)) : "";
      if (method.length > 1 && isIdentifier(method.at(-1)!)) {
        // A class's own method (`Variable.get`) is also written whole; a variable's (`fut.result()`) is the method.
        const head = method.slice(0, -1).join(".");
        const whole = /^[A-Z]\w*$/.test(head) ? `${head.toLowerCase()}.${method.at(-1)}() ` : "";
        return `${whole}.${method.at(-1)}()${keywords}`;
      }
      const owner = call > 0 && t.text.endsWith(")") ? ctx.names.owner(t.text.slice(0, call)) : undefined;
      if (owner?.endsWith(".Task")) return "a task";
      if (owner?.endsWith(".Flow")) return "a subflow";
      return keywords && isIdentifier(t.text.slice(0, call)) ? `${t.lower.slice(0, call)}()${keywords}` : t.lower;
    });
  // "garbage-collected", "non-blocking": the tokenizer reads "-collected" as a short flag; the phrase is one word.
  const written = ` ${words.join(" ")} `.replace(/([a-z]) -(?=[a-z])/g, "$1-");
  // "Prefect still waits for …", "the flow always waits for …": an adverb between a subject and its verb leaves the
  // behaviour the same; the phrases are also read without it.
  const plain = written.replace(BEHAVIOUR_ADVERBS, "");
  const sentenceText = phraseText(ctx.sentenceTokens ?? clause);
  let text = written;
  /** Where a phrase occurs at or after `from` (as whole words, or anywhere when it has punctuation), or -1. */
  const at = (phrase: string, from = 0) => {
    const p = BEHAVIOUR_PHRASES.get(phrase) ?? readPhrase(phrase);
    const whole = text.indexOf(p.padded, from);
    if (whole >= 0) return whole;
    if (p.punctuated) return text.indexOf(phrase, from);
    // A name written as a call or a keyword in code (`wait()`, `timeout=`) is that word too.
    const written = [`${phrase}() `, `${phrase}= `].map((w) => text.indexOf(` ${w}`, from)).filter((i) => i >= 0);
    return written.length > 0 ? Math.min(...written) : -1;
  };
  /** Where a clause of time or condition opens after the behaviour's last phrase (its own subject), or -1. */
  let trailing = -1;
  const matches = (b: (typeof BEHAVIOURS)[number]) => {
    // Behaviours with no phrases are read by their own readers (`readDefaultPolicy`).
    if (b.groups.length === 0) return false;
    let from = 0;
    let last = 0;
    for (const g of b.groups) {
      const hits = g.map((p) => at(p, b.ordered ? from : 0)).filter((i) => i >= 0);
      if (hits.length === 0) return false;
      from = Math.min(...hits) + 1;
      last = Math.max(last, from);
    }
    if (b.sentenceUnless?.some((u) => sentenceText.includes(` ${u} `))) return false;
    const opens = [...CLAUSE_OPENERS].map((w) => text.indexOf(` ${w} `, last)).filter((i) => i >= 0);
    trailing = opens.length > 0 ? Math.min(...opens) : -1;
    return !b.unless.some((u) => ruledOut(u));
  };
  // An `unless` word also rules out in code as a keyword with its value (`overwrite=True`) or a method named on its
  // class (`Variable.set`): the text is about that option or method. A word of removal in a trailing clause of time or
  // condition ("… whenever a future is dropped") tells what happens to that clause's subject, not to the behaviour.
  const ruledOut = (u: string) => {
    const found = at(u);
    if (found >= 0 && REMOVAL_WORDS.has(u) && trailing >= 0 && found > trailing) return false;
    return found >= 0 || (isIdentifier(u) && [` ${u}=`, `.${u} `, `.${u}() `].some((w) => text.includes(w)));
  };
  const inText = (b: (typeof BEHAVIOURS)[number], read: string) => {
    text = read;
    return matches(b);
  };
  // What a behaviour's `unless` words rule out in the text as written stays ruled out.
  const unlessWritten = (b: (typeof BEHAVIOURS)[number]) => {
    text = written;
    trailing = -1;
    return b.unless.some((u) => ruledOut(u));
  };
  return BEHAVIOURS.filter(
    (b) => inText(b, written) || (plain !== written && inText(b, plain) && !unlessWritten(b)),
  ).map((b) => ({
    kind: "behaviour",
    statement: b.id,
    subject: b.id,
    detail: b.id,
  }));
}

/**
 * "Python 3.8 is still supported by Prefect 3.0", "Prefect 2.20 works with Python 3.8": a Python version said to work
 * with the release, judged against the Python support table (`knowledge/python-support.ts`). "Python 3.9+" states a
 * floor, not support, and is not read.
 */
function readPythonSupport(part: Token[]): Claim[] {
  if (!part.some((t) => t.type === "word" && PYTHON_SUPPORT_WORDS.has(t.lower))) return [];
  // "Prefect 3 dropped Python 3.8 support", "… supported Python 3.7 until 2.14": history, not what holds now.
  if (part.some((t) => REMOVAL_WORDS.has(t.lower) || STOPPED_WORDS.has(t.lower) || PYTHON_HISTORY.has(t.lower)))
    return [];
  const at = part.findIndex(
    (t, i) => t.type === "version" && part[i - 1]?.lower === "python" && /^\d+\.\d+$/.test(t.text),
  );
  if (at < 0 || part.some((t, i) => i !== at && t.type === "version" && part[i - 1]?.lower === "python")) return [];
  const python = part[at]!.text;
  return [{ kind: "behaviour", statement: `Python ${python} is supported`, subject: PYTHON_SUPPORT, detail: python }];
}

/** Words of a support's history or range ("drops Python 3.8", "until 2.14", "used to support"). */
const PYTHON_HISTORY = new Set(["drop", "drops", "dropping", "until", "before", "used", "ended", "end", "was", "were"]);

const SUBJECT_PRONOUNS = new Set(["it", "it's", "they", "they're"]);

/**
 * Whether a part's subject is a pronoun: one among its first few words, with no name or type noun before it ("so it
 * now works …", "on timeout it …").
 */
function pronounSubject(part: Token[]): boolean {
  const at = part.slice(0, 4).findIndex((t) => SUBJECT_PRONOUNS.has(t.lower));
  return (
    at >= 0 &&
    part.slice(0, at).every((t) => t.type !== "code" && !Object.hasOwn(TYPE_NOUNS, t.lower) && !NEGATORS.has(t.lower))
  );
}

/** Words that say what a policy is made of ("is", "includes", "folds in", "="). */
const MADE_OF = new Set([
  "is",
  "are",
  "=",
  "includes",
  "include",
  "including",
  "folds",
  "contains",
  "combines",
  "consists",
  "made",
  "covers",
  "hashes",
  "means",
]);
const ONLY_WORDS = new Set(["just", "only", "solely", "merely"]);

/**
 * "`DEFAULT` also folds in `FLOW_PARAMETERS`", "the default policy on a task is just `INPUTS`": the policies a
 * clause says the default cache policy is made of, against its parts. A part it lacks, or "just"/"only" a part of
 * it, is false; a composition of a new policy (`DEFAULT + FLOW_PARAMETERS`, "… plus …") says nothing about it.
 */
function readDefaultPolicy(part: Token[], ctx: ExtractContext): Claim[] {
  const policies = new Set(
    (ctx.facts.namesIn(CACHE_POLICY_MODULE, ctx.facts.latest) ?? []).filter((n) => n === n.toUpperCase()),
  );
  if (!policies.has("DEFAULT")) return [];
  const words = part.map((t) => t.lower);
  const subject = part.findIndex(
    (t, i) =>
      (t.type === "code" && t.text === "DEFAULT") ||
      (t.lower === "default" && ["policy", "cache"].includes(words[i + 1] ?? "")),
  );
  if (subject < 0 || !part.slice(subject + 1).some((t) => MADE_OF.has(t.lower))) return [];
  if (words.some((w) => w === "plus" || w === "add" || w === "adding" || w === "extend")) return [];
  const named: string[] = [];
  for (const t of part.slice(subject + 1)) {
    if (t.type !== "code" || t.text.includes("=")) continue;
    const names = t.text.split("+").map((n) => n.trim());
    if (names.includes("DEFAULT") || !names.every((n) => policies.has(n))) return [];
    named.push(...names);
  }
  if (named.length === 0) return [];
  const only = part.some((t) => ONLY_WORDS.has(t.lower));
  const wrong =
    named.some((n) => !DEFAULT_CACHE_POLICY_PARTS.has(n)) || (only && named.length < DEFAULT_CACHE_POLICY_PARTS.size);
  const id = wrong ? "default-cache-policy-wrong-parts" : "default-cache-policy-parts";
  return [
    {
      kind: "behaviour",
      statement: `the DEFAULT cache policy is made of ${named.join(", ")}`,
      subject: id,
      detail: id,
    },
  ];
}

function splitAt(clause: Token[], mark: string): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of clause) {
    if (t.type === "punct" && t.text === mark) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/** Names not used by another claim: a dotted `prefect…` name or an API in inline code is said to exist. */
function readExists(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (used.has(i)) return;
    const text = bare(t.text.split("(")[0]!);
    if (text.includes("__")) return; // dunders (prefect.__version__) are module internals the facts do not list
    const dotted = text.startsWith("prefect.");
    if (!(dotted || (t.type === "code" && ctx.names.distinctive(text) && !text.includes(" ")))) return;
    if (!dotted && t.type !== "code") return;
    const fq = ctx.names.api(text);
    if (!fq) return;
    out.push({ kind: "exists", statement: `\`${text}\` exists`, subject: fq, detail: text });
  });
  return out;
}

function lastIndex(clause: Token[], before: number, test: (t: Token, i: number) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(clause[i]!, i)) return i;
  return -1;
}
