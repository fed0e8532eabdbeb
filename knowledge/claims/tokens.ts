// A sentence as tokens (inline code, versions, flags, words and dotted names, punctuation) split into clauses. One
// general pattern reads every sentence; the claim shapes work on the tokens.

import {
  CLAUSE_BREAKS,
  NEGATORS,
  NOUN_QUALIFIERS,
  PHRASE_SYNONYMS,
  REMOVAL_WORDS,
  TYPE_NOUNS,
  VALUE_CHANGE_LEADS,
  VALUE_CHANGE_WORDS,
} from "./lexicon.js";
import { isSpace } from "./text.js";

/** "quote": a message written between quotation marks ("the 'Flow run was cancelled' message"), one token. */
export type TokenType = "code" | "version" | "flag" | "word" | "punct" | "quote";

export interface Token {
  type: TokenType;
  /** The text (without backticks for code). */
  text: string;
  /** Lower case, for cue lookups. */
  lower: string;
}

// A protocol's name with its version ("HTTP/2", "HTTP/1.1") is one word: its number is no quantity or release.
const TOKEN =
  /`([^`]+)`|(\d+\.(?:\d+|x)(?:\.(?:\d+|x))?\+?|\d+(?:\.x)?\+?)|(--?[A-Za-z][\w-]*)|([A-Z]{2,}\/\d+(?:\.\d+)?\b|\.?[A-Za-z_][\w'’]*(?:\.[A-Za-z_]\w*)*(?:\(\))?=?)|([;:,!?—–()[\]/]|\.(?=\s|$))/g;

interface QuotedSpan {
  start: number;
  end: number;
  inner: string;
  /** A message (one "quote" token) or a name written in quotes instead of backticks (one "code" token). */
  kind: "quote" | "code";
  read?: boolean;
}

/** Closing marks of the quotation marks that may open a quoted message. */
const QUOTE_CLOSERS: Record<string, string> = { "'": "'", '"': '"', "‘": "’", "“": "”" };

const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

/**
 * Spans of quoted text (straight or curly quotation marks, outside inline code) that read as one thing: a message of
 * several words of prose ("the 'Flow run was cancelled' message"), or a name written in quotes instead of backticks
 * ('prefect agent start', 'ConcurrentTaskRunner'). An apostrophe inside or at the end of a word ("doesn't", "flow's",
 * "flows'") opens nothing: a mark opens only at the start, after a space or an opening bracket, and before a letter;
 * it closes only after a non-space and before a non-letter.
 */
function quotedSpans(sentence: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let inCode = false;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    if (ch === "`") inCode = !inCode;
    const closer = QUOTE_CLOSERS[ch];
    if (inCode || closer === undefined) continue;
    const before = sentence[i - 1];
    if (i > 0 && !isSpace(before) && !"([{—–:".includes(before!)) continue;
    if (!isLetterOrDigit(sentence[i + 1])) continue;
    let end = -1;
    for (let j = i + 2; j < sentence.length; j++) {
      if (sentence[j] === "`") break;
      if (sentence[j] === closer && !isSpace(sentence[j - 1]) && !isLetterOrDigit(sentence[j + 1])) {
        end = j;
        break;
      }
    }
    if (end < 0) continue;
    const inner = sentence.slice(i + 1, end);
    const kind = isMessage(inner) ? "quote" : isCodeLike(inner) ? "code" : undefined;
    if (kind) {
      out.push({ start: i, end: end + 1, inner, kind });
      i = end;
    }
  }
  return out;
}

/** Several words of prose: not one name, not a `prefect …` command, no word written like code (`a.b`, `x_y`, `f()`). */
function isMessage(inner: string): boolean {
  const words = inner.split(" ").filter(Boolean);
  if (words.length < 2 || isCodeLike(inner)) return false;
  return !words.some((w) => /[_=()[\]{}<>]|\w\.\w|^--?\w/.test(w) || /[a-z][A-Z]/.test(w));
}

/**
 * A name written in quotes as it would be in code: a `prefect …` command ('prefect agent start') or one identifier
 * that only code spells so ('ConcurrentTaskRunner', 'PREFECT_API_URL', 'prefect.flows').
 */
function isCodeLike(inner: string): boolean {
  const words = inner.split(" ");
  if (words.length > 1) return words[0] === "prefect" && words.every((w) => /^[a-z][a-z0-9-]*$/.test(w));
  return (
    /^[A-Za-z_][\w.]*$/.test(inner) &&
    (/[a-z][A-Z]|_|\w\.\w/.test(inner) || (inner.length > 3 && inner === inner.toUpperCase() && inner.includes("_")))
  );
}

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  const quotes = quotedSpans(sentence);
  let quote = 0;
  for (const m of sentence.matchAll(TOKEN)) {
    // A quoted message is one token, the thing the noun next to it names ("warning", "message", "error", "log line"):
    // its words are not the sentence's subjects, type nouns or cue words, though in lower case they still read as a
    // phrase (the behaviours). A name in quotes is one code token, as if written in backticks.
    const index = m.index ?? 0;
    while (quote < quotes.length && index >= quotes[quote]!.end) quote++;
    const q = quotes[quote];
    if (q && index >= q.start) {
      if (!q.read) {
        q.read = true;
        const lower =
          q.kind === "code"
            ? q.inner.toLowerCase()
            : tokenize(q.inner)
                .map((t) => t.lower)
                .join(" ");
        out.push({ type: q.kind, text: q.inner, lower });
      }
      continue;
    }
    const type: TokenType = m[1] ? "code" : m[2] ? "version" : m[3] ? "flag" : m[4] ? "word" : "punct";
    // `await x(...)` calls `x`: the keyword is Python's, the call is what the prose names.
    const text = (m[1] ?? m[0]).trim().replace(/^await\s+(?=[A-Za-z_])/, "");
    // A type's noun as the first part of a hyphenated compound ("the task-run commands") modifies what follows: it is
    // not that type, so it is looked up with its hyphen and names none.
    const end = (m.index ?? 0) + m[0].length;
    const next = sentence[end] === "-" ? /^[A-Za-z]+/.exec(sentence.slice(end + 1))?.[0].toLowerCase() : undefined;
    // "task-only", "tag-based" keep their noun: the second part qualifies it.
    const modifies =
      type === "word" &&
      next !== undefined &&
      !NOUN_QUALIFIERS.has(next) &&
      Object.hasOwn(TYPE_NOUNS, text.toLowerCase());
    out.push({ type, text, lower: `${text.toLowerCase().replace("’", "'")}${modifies ? "-" : ""}` });
  }
  // "returns its result rather than a future": two-word phrases that mean another one read as it (lower case only;
  // the text stays as written).
  for (let i = 0; i + 1 < out.length; i++) {
    const same = PHRASE_SYNONYMS.get(`${out[i]!.lower} ${out[i + 1]!.lower}`);
    if (!same || out[i]!.type !== "word" || out[i + 1]!.type !== "word") continue;
    [out[i]!.lower, out[i + 1]!.lower] = same;
  }
  return out;
}

/** Clauses: split at ";", dashes, brackets (link titles) and contrast words, so each part has its own polarity. */
export function clauses(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const [i, t] of tokens.entries()) {
    // ", while `Y` only exists in 3.x": after a comma "while" sets off a contrast, a clause of its own.
    const breaks =
      (t.type === "punct" && ";—–()[]".includes(t.text)) ||
      ((t.text === "," || t.lower === "and") && valueChangeAt(tokens, i + 1)) ||
      (t.type === "word" && CLAUSE_BREAKS.has(t.lower)) ||
      (t.lower === "while" && tokens[i - 1]?.text === ",");
    if (breaks) {
      if (out[out.length - 1]!.length > 0) out.push([]);
      if (t.type === "word") out[out.length - 1]!.push(t);
      continue;
    }
    out[out.length - 1]!.push(t);
  }
  return out.filter((c) => c.length > 0);
}

/**
 * Whether a part about another value of the same thing opens at i: "up from 30 …", "and only drops to 10 …" (leading
 * words of `VALUE_CHANGE_LEADS`, then a word of change right before "to" / "from").
 */
export function valueChangeAt(tokens: readonly Token[], i: number): boolean {
  let j = i;
  while (j < tokens.length && j < i + 3 && VALUE_CHANGE_LEADS.has(tokens[j]!.lower)) j++;
  const t = tokens[j];
  return t?.type === "word" && VALUE_CHANGE_WORDS.has(t.lower) && ["to", "from"].includes(tokens[j + 1]?.lower ?? "");
}

/** Words of a clause as one lower-case string, for phrase lookups ("calling a task"). */
export function phraseText(clause: Token[]): string {
  return ` ${clause.map((t) => t.lower).join(" ")} `;
}

/**
 * Whether the token at i negates: a negation word, but "instead" only as "instead of `X`" ("use `Y` instead"
 * recommends `Y`).
 */
export function isNegator(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.type !== "word" || !NEGATORS.has(t.lower)) return false;
  // "a done/not-done split", "no-op": a negation word joined to the next by a hyphen makes a compound, not a denial
  // (the tokenizer reads "-done" as a short flag).
  const next = tokens[i + 1];
  if (next?.type === "flag" && !next.text.startsWith("--")) return false;
  // "only on flows, not on tasks": after "only …", a ", not …" tail names what is left out; the statement is the
  // "only" one, not a denial.
  if (t.lower === "not" && tokens[i - 1]?.text === "," && tokens.slice(0, i - 1).some((x) => x.lower === "only"))
    return false;
  // "a flow that returns None", "defaults to None": Python's None as a value, not "none" as a denial.
  if (t.lower === "none" && (RETURN_VERBS.has(tokens[i - 1]?.lower ?? "") || isDefaultTo(tokens, i))) return false;
  // "a task that fails returns …": a failure in a relative clause describes the noun before it.
  if (t.lower === "fails" && ["that", "which", "who"].includes(tokens[i - 1]?.lower ?? "")) return false;
  // "any submitted futures you didn't wait on", "the tasks that were not awaited": a negation in a relative clause
  // right after a noun phrase that opens with a determiner describes that noun.
  if (describedNoun(tokens, i)) return false;
  // "a missing limit is created", "the absent key": an adjective after a determiner describes a noun, it denies
  // nothing.
  if (ADJECTIVE_NEGATORS.has(t.lower) && DETERMINER_WORDS.has(tokens[i - 1]?.lower ?? "")) return false;
  // "Run `prefect deploy --x` to avoid pushing code": like "without", a verb of avoiding negates only its own phrase;
  // with no code in it, what the sentence says around it stands ("avoid `X`" still negates `X`).
  if (AVOIDING_WORDS.has(t.lower) && !withoutNamesCode(tokens, i)) return false;
  // "never schedules more than 10 runs", "no more than 5": a bound stated, not a denial.
  if (
    [1, 2].some((k) => COMPARATIVES.has(tokens[i + k]?.lower ?? "") && tokens[i + k + 1]?.lower === "than") &&
    t.lower !== "instead"
  )
    return false;
  return t.lower !== "instead" || tokens[i + 1]?.lower === "of";
}

const AVOIDING_WORDS = new Set(["avoid", "avoids", "avoiding"]);
const RETURN_VERBS = new Set(["returns", "return", "returning", "returned"]);
/** "defaults to None", "set it to None": the word after "to" that follows a verb of default or setting. */
const isDefaultTo = (tokens: readonly Token[], i: number) =>
  tokens[i - 1]?.lower === "to" &&
  tokens.slice(Math.max(0, i - 4), i - 1).some((t) => ["defaults", "default", "set", "sets"].includes(t.lower));

const RELATIVE_OPENERS = new Set(["you", "we", "that", "which", "who"]);
/** Words that never end a noun phrase ("if you don't …", "so that it doesn't …"). */
const NOT_NOUNS = new Set(["if", "so", "and", "or", "but", "when", "unless", "because", "then", "is", "are", "it"]);

/** A negation (possibly after a helper: "that were not") in a relative clause after "<determiner> … <noun>". */
function describedNoun(tokens: readonly Token[], i: number): boolean {
  const aux = ["were", "was", "are", "is", "have", "has", "had", "do", "did"].includes(tokens[i - 1]?.lower ?? "")
    ? 1
    : 0;
  const opener = tokens[i - 1 - aux];
  const noun = tokens[i - 2 - aux];
  if (!opener || !RELATIVE_OPENERS.has(opener.lower) || noun?.type !== "word" || NOT_NOUNS.has(noun.lower))
    return false;
  if (!/^[a-z]+s$/.test(noun.lower)) return false;
  // The noun phrase opens with a determiner, or opens its part (after a comma or at the start).
  const start = Math.max(0, i - 5 - aux);
  const lead = tokens.slice(start, i - 2 - aux);
  return start === 0 || lead.some((t) => DETERMINER_WORDS.has(t.lower) || t.lower === "all" || t.text === ",");
}

/** Negation words that are adjectives before a noun ("a missing limit"). */
const ADJECTIVE_NEGATORS = new Set(["missing", "absent"]);
const DETERMINER_WORDS = new Set(["a", "an", "the", "any", "each", "every", "that", "this"]);

const CONDITION_OPENERS = new Set(["if", "unless", "when", "whenever", "once"]);

/**
 * Where a leading condition that names no code ends ("If the limit doesn't exist yet, pass …"): the index of its
 * comma, or -1. A negation inside it is the condition's, not the claim's.
 */
/** The comma that ends a leading condition ("If …, "), whatever it names, or -1. */
export function leadingConditionComma(tokens: readonly Token[]): number {
  if (!CONDITION_OPENERS.has(tokens[0]?.lower ?? "")) return -1;
  const comma = tokens.findIndex((t) => t.text === ",");
  const subject = conditionSubjectEnd(tokens);
  return subject >= 0 && (comma < 0 || subject < comma) ? subject : comma;
}

export function leadingConditionEnd(tokens: readonly Token[]): number {
  if (!CONDITION_OPENERS.has(tokens[0]?.lower ?? "")) return -1;
  const comma = tokens.findIndex((t) => t.text === ",");
  const subject = conditionSubjectEnd(tokens);
  const end = subject >= 0 && (comma < 0 || subject < comma) ? subject : comma;
  return end > 0 && !tokens.slice(0, end).some((t) => t.type === "code" || t.type === "flag") ? end : -1;
}

/** Subjects that open the main clause after a condition written without a comma ("If acquisition fails you get …"). */
const MAIN_SUBJECTS = new Set(["you", "we"]);
const CONDITION_JOINERS = new Set(["and", "or", "but", "if", "when", "unless", "that", "because", "since", "once"]);

/**
 * Where a leading condition written without a comma ends: before "you" / "we" that follows its verb, with no code
 * in between ("If acquisition fails you get `X`": the condition is "If acquisition fails"). -1 when none.
 */
function conditionSubjectEnd(tokens: readonly Token[]): number {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "word" || t.text === ",") return -1;
    // "If X and you pass …" goes on with the condition.
    if (MAIN_SUBJECTS.has(t.lower)) return CONDITION_JOINERS.has(tokens[i - 1]!.lower) ? -1 : i - 1;
  }
  return -1;
}

/**
 * The tokens negate or tell history (a bare mention of a name among them claims nothing). "used to" tells history;
 * "the first time it is used" does not. "while it existed" tells history; "while waiting" says when. "no longer"
 * tells history; "keep them longer" does not. A negation inside a leading condition is the condition's.
 */
/**
 * "without" negates only its own phrase, up to the next comma or semicolon: "… without a confirmation prompt" or "To
 * run the API without the services, add `--no-services`" deny no code.
 */
export function withoutNamesCode(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === "," || t.text === ";") return false;
    if (t.type === "code" || t.type === "flag") return true;
  }
  return false;
}

const TRAILING_CONDITIONS = new Set(["if", "unless", "when", "whenever"]);

/**
 * The tokens before a trailing condition that names no code and runs to the end of the sentence ("Pass
 * `as_subflow=False` if you don't want …"): what the sentence says apart from its condition. The tokens themselves
 * when there is none.
 */
export function withoutTrailingCondition(tokens: readonly Token[]): readonly Token[] {
  const firstCode = tokens.findIndex((t) => t.type === "code");
  if (firstCode < 0) return tokens;
  const at = tokens.findIndex((t, i) => i > firstCode && TRAILING_CONDITIONS.has(t.lower));
  if (at < 0) return tokens;
  const rest = tokens.slice(at);
  const plain = !rest.some(
    (t) => t.type === "code" || t.type === "flag" || (t.type === "punct" && ";()[]—–".includes(t.text)),
  );
  return plain ? tokens.slice(0, at) : tokens;
}

/**
 * Whether token k sits in a trailing condition: after "if" / "unless" / "when" / "whenever" past the start of the
 * part, up to the next comma or ";" ("`wait` raises … when the futures are not all finished before …"). A negation
 * there is the condition's, not the statement's.
 */
export function inTrailingCondition(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j > 0; j--) {
    const t = tokens[j]!;
    if (t.text === "," || t.text === ";") return false;
    if (t.type === "word" && TRAILING_CONDITIONS.has(t.lower)) return true;
  }
  return false;
}

const OLD_WORDS = new Set(["old", "older"]);
const COMPARATIVES = new Set(["more", "fewer", "less", "longer"]);
const RELEASE_NOUNS = new Set(["release", "releases", "version", "versions", "prefect", "line", "lines"]);

/** The comma ending a leading phrase that names no code ("Like the old agent, …"), or -1. */
function leadingPlainPhrase(tokens: readonly Token[]): number {
  const comma = tokens.findIndex((t) => t.text === "," || t.text === ";");
  if (comma < 0 || tokens[comma]!.text !== ",") return -1;
  const lead = tokens.slice(0, comma);
  // "On older releases, …" scopes the rest to those releases: that phrase still tells history.
  const plain = lead.every((t) => t.type === "word" && !RELEASE_NOUNS.has(t.lower));
  return plain && tokens.slice(comma).some((t) => t.type === "code") ? comma : -1;
}

/** Past-tense verbs after "while" that make it tell history ("while it existed", "while it was around"). */
const PAST_WHILE = new Set(["existed", "was", "were", "lasted", "had", "shipped"]);

export function deniesOrTellsHistory(tokens: readonly Token[]): boolean {
  // A negation inside a leading condition is the condition's, whether or not it names code ("If you don't set
  // `retries`, tasks fall back to …" states what holds).
  const condition = Math.max(leadingConditionEnd(tokens), leadingConditionComma(tokens));
  const leadingPhrase = leadingPlainPhrase(tokens);
  // "Add `--x` when creating the pool so deployments use it when no pool is given": a negation in a trailing
  // condition that names no code is the condition's.
  const trailing = withoutTrailingCondition(tokens).length;
  // "… `from prefect.schedules import CronSchedule`, which is the same class under its old name": "old" in a trailing
  // relative clause with no code describes the name; it does not make the sentence tell history.
  const relative = tokens.findIndex(
    (t, i) => t.lower === "which" && tokens[i - 1]?.text === "," && tokens[i - 2]?.type === "code",
  );
  const describes = relative >= 0 && !tokens.slice(relative).some((t) => t.type === "code" || t.type === "flag");
  return tokens.some(
    (t, i) =>
      (isNegator(tokens, i) &&
        i > condition &&
        i < trailing &&
        !(t.lower === "without" && !withoutNamesCode(tokens, i))) ||
      (REMOVAL_WORDS.has(t.lower) &&
        (t.lower !== "used" || tokens[i + 1]?.lower === "to") &&
        (t.lower !== "longer" || ["no", "any"].includes(tokens[i - 1]?.lower ?? "")) &&
        // "while waiting" says when, "for a while" how long; neither tells history.
        // "Like the old agent, `Y` …": "old" in a leading phrase that names no code says nothing of `Y`.
        (!OLD_WORDS.has(t.lower) || (i > leadingPhrase && !(describes && i > relative))) &&
        // "while it existed" tells history; "while you test", "while the run is pending" say when.
        (t.lower !== "while" ||
          (tokens[i - 1]?.lower !== "a" && tokens.slice(i + 1, i + 4).some((x) => PAST_WHILE.has(x.lower))))),
  );
}
