// Claim extractors: one clause of a sentence → the typed claims it makes. Each shape is a small reader over the
// clause's tokens (inline code, API names, cue words from the lexicon); none is tied to one wording.

import type { PrefectApiFacts } from "../facts/index.js";
import {
  BEHAVIOURS,
  DEFAULT_CUES,
  EXISTENCE_KINDS,
  FILLER_WORDS,
  IMPORT_CUES,
  MEMBER_CUES,
  MEMBER_OWNERS,
  NEGATORS,
  PARAM_CUES,
  PASSIVE_MEMBERS,
  RETURN_CUES,
  RETURN_NOUNS,
  STILL_WORDS,
  TYPE_NOUNS,
  TYPE_QUALIFIERS,
  UNTIL_WORDS,
  VERSION_EVENTS,
} from "./lexicon.js";
import type { NameResolver } from "./resolve-names.js";
import { hasPunctuation, isIdentifier, withoutSuffix } from "./text.js";
import { phraseText, type Token } from "./tokens.js";
import type { Claim } from "./types.js";
import { covers, versionMentions } from "./versions.js";

export interface FoundClaim {
  claim: Claim;
  skip?: "negated";
  /** The release the clause is about when it names another one ("in 2.x …"): the claim is checked there. */
  release?: string;
}

export interface ExtractContext {
  facts: PrefectApiFacts;
  release: string;
  names: NameResolver;
  /** Major version the surrounding text is about, when a heading or "If you're on …" line says so. */
  scopeMajor?: number;
  /** The whole sentence negates or speaks of removal: a bare mention of a name in it claims nothing. */
  sentenceDenies?: boolean;
  /** All tokens of the sentence, for what a clause leaves to its sentence (the release it is about). */
  sentenceTokens?: Token[];
  /** The API the sentence is about so far, for pronouns ("…; it was added in 3.4"). */
  sentenceSubject?: string;
  /** The callable the previous sentences were about (for "pass `timeout=`" with no callable of its own). */
  lastCallable?: string;
}

/** A member named further than this many tokens from a type noun is not said of it. */
const MAX_OWNER_DISTANCE = 6;
const PRONOUNS = new Set(["it", "them", "this", "that", "these", "those"]);

const isSetting = (text: string) => text.startsWith("PREFECT_") && text === text.toUpperCase() && text.length > 9;
const bare = (text: string) => withoutSuffix(text.replace("()", ""), "=");

/** Every claim of one clause, marked when the clause negates it, with the release it is about. */
export function extractClause(clause: Token[], ctx: ExtractContext): FoundClaim[] {
  const claims: Claim[] = [];
  const used = new Set<number>();
  const negatorAt = clause.findIndex((t) => t.type === "word" && NEGATORS.has(t.lower));
  const versionClaims = readVersions(clause, ctx, used);
  claims.push(...readCli(clause, ctx, used));
  claims.push(...readSettings(clause, ctx, used));
  claims.push(...readImports(clause, ctx, used));
  claims.push(...readReturns(clause, ctx, used));
  claims.push(...readMembers(clause, ctx, used));
  claims.push(
    ...readParams(
      clause,
      ctx,
      used,
      clause.map((t) => t.lower),
    ),
  );
  claims.push(...readBehaviours(clause, ctx));
  claims.push(...readExists(clause, ctx, used));
  const release = aboutRelease(clause, ctx);
  // A clause of names alone ("`S3`, `GitHub`", a list label before ":") and a sentence that denies or tells history
  // say nothing about what exists now.
  const predicate = clause.some(
    (t) => t.type === "word" && !FILLER_WORDS.has(t.lower) && !ctx.names.distinctive(t.text) && t.lower !== "prefect",
  );
  for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i]!;
    const mention =
      c.mention || (EXISTENCE_KINDS.has(c.kind) && c.kind !== "setting") || (c.kind === "setting" && !c.detail);
    if (mention && (ctx.sentenceDenies || !predicate)) claims.splice(i, 1);
  }
  // A version statement is negated only by a negation before its event ("was not removed in 3.0"), not by what
  // follows it ("was removed in 3.1 and no longer works").
  const out: FoundClaim[] = versionClaims.map(({ claim, cueAt }) =>
    negatorAt >= 0 && (cueAt < 0 ? false : negatorAt < cueAt) ? { claim, skip: "negated" as const } : { claim },
  );
  for (const claim of claims) {
    if (negatorAt >= 0) out.push({ claim, skip: "negated" });
    else out.push(release ? { claim, release } : { claim });
  }
  return out;
}

/**
 * The release a clause speaks of when it is not the asker's: a version it names that does not cover the asker's
 * release ("in 2.x", "before 3.0"), or the major of the section it sits in.
 */
function aboutRelease(clause: Token[], ctx: ExtractContext): string | undefined {
  const { facts } = ctx;
  // A clause that names no version is about the one its sentence names ("…, so forgetting is harmless in 2.x").
  const own = versionMentions(clause);
  // "…; before that they lived under …": the sentence's version, as an upper bound.
  const before = own.length === 0 && clause.some((t) => UNTIL_WORDS.has(t.lower));
  // Of the sentence's versions, the last one before this clause is its context (else the first after it).
  const sentence = ctx.sentenceTokens ?? [];
  const at = sentence.indexOf(clause[0]!);
  const around = versionMentions(sentence);
  const context = [...around.filter((v) => v.at < at)].reverse()[0] ?? around.find((v) => v.at >= at);
  const versions = own.length > 0 ? own : context ? [before ? { ...context, bound: "until" as const } : context] : [];
  if (versions.length > 0) {
    if (versions.some((v) => covers(v, ctx.release))) return undefined;
    const v = versions[0]!;
    if (v.bound === "in") return facts.resolveRelease(v.text);
    const floor = [...v.text.split(".").filter((p) => p !== "x"), "0", "0"].slice(0, 3).join(".");
    const at = facts.releases.indexOf(facts.resolveRelease(floor));
    return v.bound === "from" ? facts.releases[at] : facts.releases[Math.max(0, at - 1)];
  }
  const major = Number(ctx.release.split(".")[0]);
  return ctx.scopeMajor !== undefined && ctx.scopeMajor !== major
    ? facts.latestOfMajor(ctx.scopeMajor as 2 | 3)
    : undefined;
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
    if (t.type === "code")
      clause.forEach((x, j) => {
        if (j > i && x.type === "code" && x.text.startsWith("--")) {
          used.add(j);
          flags.push(
            ...x.text
              .split(" ")[0]!
              .split("/")
              .map((f) => f.split("=")[0]!),
          );
        }
      });
    out.push({ kind: "cli", statement: `\`prefect ${name}\` exists`, subject: name, detail: flags.join(" ") });
  }
}

/** The history key of a command's words: "group command", a nested group's "sub command", or a root "command". */
export function commandKey(facts: PrefectApiFacts, words: string[]): string | undefined {
  const plain = words.filter((w) => !w.startsWith("-") && !w.startsWith("<") && !w.includes("/"));
  const candidates = [plain.slice(0, 2).join(" "), plain.slice(1, 3).join(" "), plain[0] ?? ""];
  return candidates.find((k) => k && facts.commandHistory(k, facts.latest) !== undefined);
}

/** PREFECT_* names, with a stated default when the clause gives one. */
function readSettings(clause: Token[], _ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    const name = t.text.split("=")[0]!;
    if (!isSetting(name)) return;
    used.add(i);
    const value = t.text.includes("=") ? undefined : statedDefault(clause, i);
    out.push({ kind: "setting", statement: `setting ${name} exists`, subject: name });
    if (value) out.push({ kind: "setting", statement: `${name} defaults to ${value}`, subject: name, detail: value });
  });
  return out;
}

/** The value after "defaults to" / "default is" / "(default: …)" following token i. */
const VALUE_WORD = /^(?:true|false|none|null|\d[\w.]*|[A-Z][\w.]*)$/;

function statedDefault(clause: Token[], i: number): string | undefined {
  for (let j = i + 1; j < Math.min(clause.length, i + 6); j++) {
    if (!DEFAULT_CUES.has(clause[j]!.lower)) continue;
    const after = clause
      .slice(j + 1, j + 5)
      .filter((t) => !["to", "is", "of", "value", ":", "=", "a", "an", "the"].includes(t.lower));
    const v = after[0];
    // A plain word is a value only when it reads as one ("True", "none", "30") or names one ("Redis", "INFO");
    // "on by default at 180 s" states none.
    if (v && (v.type === "code" || v.type === "version" || (v.type === "word" && VALUE_WORD.test(v.text))))
      return v.text;
  }
  return undefined;
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
  const name = clause.findIndex((t, i) => !used.has(i) && t.type === "code" && !t.text.includes(" "));
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
  if (cue < 0) return [];
  const subjectIndex = lastIndex(clause, cue, (t) => t.type === "code" || ctx.names.distinctive(t.text));
  if (subjectIndex < 0) return [];
  const callable = ctx.names.api(bare(clause[subjectIndex]!.text));
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
        out.push({
          kind: "member",
          statement: `what \`${callable}\` returns has \`${m.text}\``,
          subject: `returned:${callable}`,
          detail: m.text.slice(1, -2),
        });
      }
    }
    break;
  }
  return out;
}

/** "flows have `.submit()`", "`FlowRun.result()`", "`a_flow.submit()`", "flows can be submitted". */
function readMembers(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  const groups = typeNounGroups(clause);
  const cue = clause.some((t) => MEMBER_CUES.has(t.lower));
  clause.forEach((t, i) => {
    if (used.has(i) || (t.type !== "code" && t.type !== "word")) return;
    const text = t.text.split("(")[0]!;
    const passive = t.type === "word" ? PASSIVE_MEMBERS[t.lower] : undefined;
    if (passive && ["be", "are", "is", "get", "can"].includes(clause[i - 1]?.lower ?? "")) {
      const group = nearest(groups, i, clause);
      for (const owner of group?.owners ?? [])
        out.push(memberClaim(owner, passive, `${group!.words} can be ${t.text}`));
      return;
    }
    if (!text.includes(".") || t.text.includes(" ") || (t.type === "word" && !t.text.endsWith("()"))) return;
    const dot = text.lastIndexOf(".");
    const member = text.slice(dot + 1);
    const ownerText = text.slice(0, dot);
    if (!member || ownerText.startsWith("prefect")) return;
    if (ownerText === "") {
      // "… call `.result()` on it": the owner is whatever "it" stands for, not the nearest noun.
      const after = clause.slice(i + 1, i + 3).map((x) => x.lower);
      if (after[0] === "on" && PRONOUNS.has(after[1] ?? "")) return;
      const group = nearest(groups, i, clause);
      if (!group || !cue || Math.abs(group.at - i) > MAX_OWNER_DISTANCE) {
        // "`.delay()` works …": with no noun near, the one Prefect type that has (or had) the member is meant.
        const owner = t.type === "code" && groups.length === 0 ? soleOwner(ctx, member) : undefined;
        if (owner) {
          used.add(i);
          out.push({ ...memberClaim(owner, member, `\`${t.text}\``), mention: true });
        }
        return;
      }
      used.add(i);
      for (const owner of group.owners) out.push(memberClaim(owner, member, `${group.words} have .${member}()`));
      return;
    }
    const owner = ctx.names.owner(ownerText);
    if (!owner) return;
    used.add(i);
    out.push({ ...memberClaim(owner, member, `\`${t.text}\``), mention: true });
  });
  return out;
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

function soleOwnerCount(ctx: ExtractContext, member: string): number {
  return ownersOf(ctx, member).length;
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
function typeNounGroups(clause: Token[]): NounGroup[] {
  const groups: NounGroup[] = [];
  let current: NounGroup | null = null;
  clause.forEach((t, i) => {
    const noun = t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower) ? TYPE_NOUNS[t.lower] : undefined;
    const qualifier = clause[i - 1]?.lower ?? "";
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

/** The type-noun group nearest to token i, leaving out what something returns ("`.submit()` gives a future"). */
function nearest(groups: NounGroup[], i: number, clause: Token[]): NounGroup | undefined {
  const returned = (g: NounGroup) => g.at > i && clause.slice(i + 1, g.at).some((t) => RETURN_CUES.has(t.lower));
  return groups.filter((g) => !returned(g)).sort((a, b) => Math.abs(a.at - i) - Math.abs(b.at - i))[0];
}

const PY_CONSTANTS = new Set(["None", "True", "False"]);

/** "flow's" → the flow type: a type noun in the possessive, just before a parameter's name. */
function possessiveOwner(token: Token | undefined): string | undefined {
  if (token?.type !== "word" || !token.lower.endsWith("'s")) return undefined;
  const noun = token.lower.slice(0, -2);
  return Object.hasOwn(TYPE_NOUNS, noun) ? TYPE_NOUNS[noun] : undefined;
}

/** `name(kw=…)`, "pass `timeout=`", "`retries` defaults to 3". */
function readParams(clause: Token[], ctx: ExtractContext, used: Set<number>, words: string[]): Claim[] {
  const out: Claim[] = [];
  const paramCue = words.some((w) => PARAM_CUES.has(w) || DEFAULT_CUES.has(w));
  const calleeIndex = clause.findIndex(
    (t) => (t.type === "code" || ctx.names.distinctive(t.text)) && callableOf(ctx, t.text),
  );
  // "`retries` defaults to 3 on a task": a type noun names the callable whose parameters are meant.
  const noun = clause.find(
    (t) => t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower) && !t.lower.startsWith("future"),
  );
  let callee = calleeIndex >= 0 ? callableOf(ctx, clause[calleeIndex]!.text) : noun && TYPE_NOUNS[noun.lower];
  const inferred = !callee && ctx.lastCallable !== undefined;
  callee ??= ctx.lastCallable;
  clause.forEach((t, i) => {
    if (t.type !== "code") return;
    const call = t.text.indexOf("(");
    if (call > 0 && t.text.endsWith(")")) {
      const fn = callableOf(ctx, t.text.slice(0, call));
      // `deploy(parameters=…)` may be `flow.deploy(…)`: a bare name that is also a method of a Prefect type is
      // ambiguous.
      const written = t.text.slice(0, call);
      if (!fn || (!written.includes(".") && soleOwnerCount(ctx, written) > 0)) return;
      for (const arg of t.text.slice(call + 1, -1).split(",")) {
        const eq = arg.indexOf("=");
        const name = arg.slice(0, eq).trim();
        if (eq > 0 && !name.includes(" ") && name !== "") out.push(paramClaim(fn, name, false));
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
    if (!paramCue || isSetting(name) || name.startsWith("-") || !isIdentifier(name) || PY_CONSTANTS.has(name)) return;
    if (!callee) {
      // A parameter named alone: its default is checkable when every API that takes it agrees on one.
      const value = eq > 0 ? undefined : statedDefault(clause, i);
      if (value && name.includes("_")) {
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
    if (eq < 0 && !words.some((w) => PARAM_CUES.has(w) || DEFAULT_CUES.has(w))) return;
    if (eq < 0 && ctx.names.api(name)) return;
    used.add(i);
    // "as the flow's `task_runner`": the possessive names whose parameter it is, whatever else the clause names.
    const owner = possessiveOwner(clause[i - 1]);
    if (owner) {
      out.push(paramClaim(owner, name, false));
      return;
    }
    out.push(paramClaim(callee, name, inferred));
    const value = eq > 0 && t.text.slice(eq + 1).trim() ? undefined : statedDefault(clause, i);
    if (value) {
      out.push({
        kind: "default",
        statement: `\`${name}\` of \`${callee}\` defaults to ${value}`,
        subject: callee,
        detail: `${name}=${value}`,
        ...(inferred ? { inferred } : {}),
      });
    }
  });
  return out;
}

function callableOf(ctx: ExtractContext, written: string): string | undefined {
  return ctx.names.callable(bare(written));
}

function paramClaim(callable: string, name: string, inferred: boolean): Claim {
  return {
    kind: "param",
    statement: `\`${callable}\` takes \`${name}\``,
    subject: callable,
    detail: name,
    ...(inferred ? { inferred } : {}),
  };
}

/** "added in 3.2", "removed in 3.0", "still available in 3.x" about the nearest API, setting or command. */
function readVersions(clause: Token[], ctx: ExtractContext, used: Set<number>): { claim: Claim; cueAt: number }[] {
  const out: { claim: Claim; cueAt: number }[] = [];
  for (const v of versionMentions(clause)) {
    let event: Claim["event"];
    let cueAt = -1;
    for (let j = Math.max(0, v.at - 4); j < v.at; j++) {
      const e = VERSION_EVENTS[clause[j]!.lower];
      if (e) [event, cueAt] = [e, j];
    }
    // "not available until 3.2" says it was added in 3.2 (the negation is part of the statement).
    if (!event && clause[v.at - 1]?.lower === "until" && clause.slice(0, v.at).some((t) => NEGATORS.has(t.lower)))
      [event, cueAt] = ["added", -1];
    if (!event) continue;
    // The subject, not a place ("both live in `prefect.futures` since 3.0.0" is about what lives there).
    const subjectIndex = lastIndex(
      clause,
      v.at,
      (t, k) =>
        !["in", "from", "of"].includes(clause[k - 1]?.lower ?? "") &&
        (((t.type === "code" || ctx.names.distinctive(t.text) || isSetting(t.text)) && !t.text.startsWith(".")) ||
          (t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower))),
    );
    // "…; it was added in 3.4": the pronoun stands for what the sentence was about.
    const pronoun = subjectIndex < 0 && clause.slice(0, cueAt).some((t) => PRONOUNS.has(t.lower));
    if (subjectIndex < 0 && !(pronoun && ctx.sentenceSubject)) continue;
    const t = subjectIndex >= 0 ? clause[subjectIndex]! : undefined;
    const subject = !t
      ? ctx.sentenceSubject
      : t.text.startsWith("prefect ")
        ? `cli:${commandKey(ctx.facts, t.text.split(" ").slice(1)) ?? ""}`
        : isSetting(t.text)
          ? `setting:${t.text}`
          : t.type === "word" && Object.hasOwn(TYPE_NOUNS, t.lower)
            ? TYPE_NOUNS[t.lower]
            : (ctx.names.api(bare(t.text.split("(")[0]!)) ??
              (t.type === "code" && isIdentifier(t.text) && t.text.includes("_") ? `param:${t.text}` : undefined));
    if (!subject || subject.endsWith(":")) continue;
    if (subjectIndex >= 0) used.add(subjectIndex);
    const name = t ? bare(t.text.split("(")[0]!) : subject;
    out.push({
      claim: {
        kind: "version",
        statement: `\`${name}\` was ${event === "available" ? "still available" : event} in ${v.text}`,
        subject,
        event,
        version: v.text,
      },
      cueAt,
    });
  }
  // "`X` still works" with no version: still available in the asker's release.
  const still = clause.findIndex(
    (t, k) => t.lower === "still" && [k + 1, k + 2].some((j) => STILL_WORDS.has(clause[j]?.lower ?? "")),
  );
  if (out.length === 0 && still > 0 && versionMentions(clause).length === 0) {
    const k = lastIndex(clause, still, (t) => t.type === "code" && !t.text.startsWith("."));
    const t = clause[k];
    const subject = t && (isSetting(t.text) ? `setting:${t.text}` : ctx.names.api(bare(t.text.split("(")[0]!)));
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

/** Behaviours from the fact sheet: every word group of one found in the clause, and none of its exceptions. */
/**
 * Each behaviour phrase as it is looked for: padded with spaces (whole words) and whether it has punctuation. Read
 * once from the lexicon rather than for every phrase of every behaviour in every clause.
 */
const readPhrase = (phrase: string) => ({ padded: ` ${phrase} `, punctuated: hasPunctuation(phrase) });
const BEHAVIOUR_PHRASES = new Map(
  BEHAVIOURS.flatMap((b) => [...b.groups.flat(), ...b.unless]).map((phrase) => [phrase, readPhrase(phrase)] as const),
);

function readBehaviours(clause: Token[], ctx: ExtractContext): Claim[] {
  // Versions are the scope's business ("a 3.x flow waits …" reads as "a flow waits …"); a call of a variable named
  // like a task or flow reads as one ("calling `my_task(x)`" → "calling a task").
  const words = clause
    .filter((t) => t.type !== "version")
    .map((t) => {
      const call = t.type === "code" ? t.text.indexOf("(") : -1;
      const owner = call > 0 && t.text.endsWith(")") ? ctx.names.owner(t.text.slice(0, call)) : undefined;
      return owner?.endsWith(".Task") ? "a task" : owner?.endsWith(".Flow") ? "a subflow" : t.lower;
    });
  const text = ` ${words.join(" ")} `;
  /** Where a phrase occurs at or after `from` (as whole words, or anywhere when it has punctuation), or -1. */
  const at = (phrase: string, from = 0) => {
    const p = BEHAVIOUR_PHRASES.get(phrase) ?? readPhrase(phrase);
    const whole = text.indexOf(p.padded, from);
    return whole >= 0 || !p.punctuated ? whole : text.indexOf(phrase, from);
  };
  const matches = (b: (typeof BEHAVIOURS)[number]) => {
    let from = 0;
    for (const g of b.groups) {
      const hits = g.map((p) => at(p, b.ordered ? from : 0)).filter((i) => i >= 0);
      if (hits.length === 0) return false;
      from = Math.min(...hits) + 1;
    }
    return !b.unless.some((u) => at(u) >= 0);
  };
  return BEHAVIOURS.filter(matches).map((b) => ({
    kind: "behaviour",
    statement: b.id,
    subject: b.id,
    detail: b.id,
  }));
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
