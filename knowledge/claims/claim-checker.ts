// The claim checker: every sentence of a text (prose and inline code; fenced code is the linter's) → the claims it
// makes → a verdict for the asker's release. Used by the answer verifier, the LLM repair loop and the audit.

import { LRUCache } from "lru-cache";
import { truncate } from "../../core/index.js";
import { loadSettingsFacts, type PrefectApiFacts, type SettingsFacts } from "../facts/index.js";
import { checkClaim } from "./check.js";
import { type ExtractContext, extractClause, type FoundClaim, sentenceSubjects } from "./extract.js";
import { qualifyRelativeNames } from "./module-attributes.js";
import { createResolver, type NameResolver } from "./resolve-names.js";
import { sentences } from "./segment.js";
import { withoutSuffix } from "./text.js";
import { clauses, deniesOrTellsHistory, type Token, tokenize } from "./tokens.js";
import type { CheckedClaim, Claim, ClaimCounts, ClaimReport, FalseSentence, Verdict } from "./types.js";

const MAX_CACHED_VERDICTS = 10_000;
const MAX_CACHED_SENTENCES = 5_000;

export interface ClaimChecker {
  check(text: string, release: string): ClaimReport;
}

/** Over the API facts and the settings table (the committed one unless another is given). */
export function createClaimChecker(
  facts: PrefectApiFacts,
  settings: SettingsFacts = loadSettingsFacts(),
): ClaimChecker {
  // Name lookups repeat across drafts (the same APIs come up again and again): one resolver per release, kept.
  const resolvers = new Map<string, NameResolver>();
  // Verdicts too: repair rounds and later drafts restate the same claims.
  const verdicts = new Map<string, Verdict>();
  const judge = (claim: Claim, release: string): Verdict => {
    if (claim.denied) {
      // A denial holds exactly when what it denies is false; the fact that decides the one decides the other.
      const v = judge({ ...claim, denied: undefined, undated: undefined }, release);
      // An undated removal of something gone by the latest release may be about that release.
      if (
        claim.undated &&
        v.status === "true" &&
        judge({ ...claim, denied: undefined, undated: undefined }, facts.latest).status !== "true"
      )
        return { status: "undecidable", fact: "" };
      return v.status === "undecidable" ? v : { status: v.status === "true" ? "false" : "true", fact: v.fact };
    }
    if (claim.alternatives) {
      // A bare name with several readings: a verdict only when every reading gives the same one. For a parameter,
      // a reading that never took it in any release is not what the text means ("the `schedule=` argument to
      // `deploy()`" is `Flow.deploy`'s, not `prefect.deploy`'s, which only takes deployments).
      const readings =
        claim.kind === "param" || claim.kind === "default"
          ? everTook(claim.alternatives, paramName(claim))
          : claim.alternatives;
      const all = readings.map((subject) => judge({ ...claim, subject, alternatives: undefined }, release));
      const agreed = all.every((v) => v.status === all[0]!.status);
      return agreed ? all[0]! : { status: "undecidable", fact: "" };
    }
    const key = `${release}\u0000${claim.kind}\u0000${claim.subject}\u0000${claim.detail ?? ""}\u0000${claim.event ?? ""}\u0000${claim.version ?? ""}\u0000${claim.bound ?? ""}\u0000${claim.denied ? 1 : 0}\u0000${claim.inferred ? 1 : 0}\u0000${claim.mention ? 1 : 0}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = checkClaim(claim, { facts, settings, release });
      if (verdicts.size >= MAX_CACHED_VERDICTS) verdicts.clear();
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  /** The readings that ever took the parameter, or all of them when none did. */
  function everTook(readings: string[], name: string): string[] {
    const took = readings.filter(
      (fq) => facts.paramSpan(fq, name) !== undefined || facts.paramSpan(`${fq}.__init__`, name) !== undefined,
    );
    return took.length > 0 ? took : readings;
  }
  // And what each sentence claims: the same sentences come back in the draft, its rendered plan and later answers
  // (a note's prose). Extraction depends only on the sentence, the release, the major the text scopes it to and the
  // callable earlier sentences were about, which make the key.
  const extractions = new LRUCache<string, SentenceClaims>({ max: MAX_CACHED_SENTENCES });
  return {
    check(text, release) {
      const resolved = facts.resolveRelease(release);
      let names = resolvers.get(resolved);
      if (!names) {
        names = createResolver(facts, resolved);
        resolvers.set(resolved, names);
      }
      const counts: ClaimCounts = {
        sentences: 0,
        claims: 0,
        true: 0,
        false: 0,
        undecidable: 0,
        negated: 0,
        otherVersion: 0,
      };
      const checked: CheckedClaim[] = [];
      const falseSentences: FalseSentence[] = [];
      // The callable the sentences so far are about, carried into the next sentence's extraction.
      let lastCallable: string | undefined;
      let lastCommand: string | undefined;
      let lastSetting: string | undefined;
      let lastSubjects: string[] | undefined;
      for (const s of sentences(text)) {
        // What a note or a question names is not what the next sentence's opening pronoun stands for.
        if (isOrcaNote(s.text)) {
          lastSubjects = undefined;
          continue;
        }
        counts.sentences++;
        // A question asks rather than states.
        if (s.text.endsWith("?")) {
          lastSubjects = undefined;
          continue;
        }
        const key = `${resolved}\u0000${s.scopeMajor ?? ""}\u0000${lastCallable ?? ""}\u0000${lastCommand ?? ""}\u0000${lastSetting ?? ""}\u0000${lastSubjects?.join(" ") ?? ""}\u0000${s.text}`;
        let extracted = extractions.get(key);
        if (!extracted) {
          const base = { facts, settings, release: resolved, names, scopeMajor: s.scopeMajor };
          extracted = extractSentence(
            s.text,
            { ...base, lastCallable, lastCommand, lastSetting, lastSubjects },
            settings,
          );
          // What earlier sentences were about can only add a subject; the sentence read alone is kept too, so a
          // claim the sentence makes by itself ("`as_subflow` defaults to `False`") is not lost to a guessed owner.
          // Only a guessed owner can hide one (an inferred parameter, a lone flag given the last command).
          const guessed = extracted.found.some(
            (f) =>
              f.claim.inferred ||
              (lastCallable !== undefined && f.claim.subject === lastCallable) ||
              (lastSetting !== undefined && f.claim.subject === lastSetting) ||
              (f.claim.subject.startsWith("flag:") && f.claim.detail === lastCommand),
          );
          // … or drop it altogether: code with no claim in context may make one alone.
          if (guessed || (extracted.found.length === 0 && s.text.includes("`")))
            extracted.alone = extractSentence(s.text, base, settings).found;
          extractions.set(key, extracted);
        }
        lastCallable = extracted.lastCallable;
        lastCommand = extracted.lastCommand;
        lastSetting = extracted.lastSetting;
        lastSubjects = extracted.subjects;
        const wrong: CheckedClaim[] = [];
        for (const found of extracted.found) {
          counts.claims++;
          if (found.skip === "negated") {
            counts.negated++;
            continue;
          }
          // A clause about another release ("in 2.x …") is checked against that release.
          if (found.release) counts.otherVersion++;
          const at = found.release ?? resolved;
          let verdict = judge(found.claim, at);
          // "In 2.x, a task called outside a flow raises": false at the line's end but true at its start is not a
          // false statement about the line.
          if (verdict.status === "false" && found.from && judge(found.claim, found.from).status === "true")
            verdict = { status: "undecidable", fact: "" };
          counts[verdict.status === "true" ? "true" : verdict.status === "false" ? "false" : "undecidable"]++;
          const c = checkedClaim(found.claim, verdict, at, s);
          checked.push(c);
          if (verdict.status === "false") wrong.push(c);
        }
        // The sentence alone may make a false claim the read in context left to a guessed owner; kept unless the
        // context reading judged the same claim true.
        if (wrong.length === 0)
          for (const found of extracted.alone ?? []) {
            if (found.skip === "negated") continue;
            const at = found.release ?? resolved;
            const verdict = judge(found.claim, at);
            if (verdict.status !== "false" || (found.from && judge(found.claim, found.from).status === "true"))
              continue;
            const same = (c: CheckedClaim) =>
              c.sentence === s.text && c.start === s.start && sameClaim(c.claim, found.claim);
            if (checked.some((c) => same(c) && c.verdict.status === "true")) continue;
            const c = checkedClaim(found.claim, verdict, at, s);
            counts.claims++;
            counts.false++;
            checked.push(c);
            wrong.push(c);
          }
        if (wrong.length > 0) falseSentences.push({ sentence: s.text, start: s.start, end: s.end, claims: wrong });
      }
      return { release: resolved, checked, falseSentences, counts };
    },
  };
}

interface SentenceClaims {
  found: FoundClaim[];
  /** The claims of the sentence read without what earlier sentences were about (when they were about something). */
  alone?: FoundClaim[];
  /** The callable the text is about after this sentence. */
  lastCallable: string | undefined;
  /** The `prefect …` command the text named last. */
  lastCommand: string | undefined;
  /** The setting the text named last, when its sentence named only that one. */
  lastSetting: string | undefined;
  /** What the sentence named in code (what a next sentence's opening pronoun may stand for). */
  subjects: string[];
}

/** Every claim of one sentence, clause by clause, in order, and the callable the text is about after it. */
function extractSentence(text: string, ctx: ExtractContext, settings: SettingsFacts): SentenceClaims {
  const { facts } = ctx;
  ctx.sentenceTokens = qualifyRelativeNames(tokenize(text), facts);
  ctx.sentenceDenies = deniesOrTellsHistory(ctx.sentenceTokens);
  ctx.sentenceReturned = undefined;
  ctx.sentenceCallables = [];
  const found: FoundClaim[] = [];
  for (const clause of clauses(ctx.sentenceTokens)) {
    for (const f of extractClause(clause, ctx)) {
      found.push(f);
      if (f.skip === "negated") continue;
      if (f.claim.kind === "returns") ctx.sentenceReturned = f.claim.subject;
      // The callable a text is about carries over to later clauses that name only a parameter.
      if (f.claim.kind === "param" && !f.claim.inferred && !f.claim.subject.startsWith("param:")) {
        ctx.lastCallable = f.claim.subject;
        const subject = f.claim.subject;
        ctx.sentenceCallables = [subject, ...ctx.sentenceCallables!.filter((c) => c !== subject)];
      }
      // And the command, for a flag written alone later ("Add `--overwrite` …").
      if (f.claim.kind === "cli" && !f.claim.subject.startsWith("flag:")) ctx.lastCommand = f.claim.subject;
      if (f.claim.kind === "exists" || f.claim.kind === "returns") {
        const kind = facts.symbol(f.claim.subject)?.kind;
        if (kind === "function" || kind === "reexport") ctx.lastCallable = f.claim.subject;
      }
      // "Use `run_deployment`, which you can import from `prefect.deployments`": a function said to import is what
      // the text is about too.
      if (f.claim.kind === "import" && f.claim.detail) {
        const written = `${f.claim.subject}.${f.claim.detail}`;
        // A re-export stands for the function it names in the release (2.x's `prefect.deployments.deployments…`).
        const fq = facts.resolve(written, ctx.release)?.name ?? written;
        const kind = facts.symbol(fq)?.kind;
        if (kind === "function" || kind === "reexport") ctx.lastCallable = fq;
      }
    }
  }
  // "Set `PREFECT_X` …. On 3.1 that setting defaults to …": the one setting a sentence names is what the next
  // sentence's "that setting" means.
  // An old name and the one it was renamed to ("`PREFECT_TASK_DEFAULT_RETRIES`, an alias of
  // `PREFECT_TASKS_DEFAULT_RETRIES`") are one setting: the name the release has stands for both.
  const written = new Set(
    ctx.sentenceTokens
      .filter((t) => t.type === "code" && isSettingName(t.text.split("=")[0]!))
      .map((t) => t.text.split("=")[0]!),
  );
  const named = new Set(
    [...written].filter((name) => {
      const renamed = settings.renamedTo(name)?.name;
      const pair = renamed && written.has(renamed) ? renamed : undefined;
      return !pair || settings.fact(name, ctx.release)?.status === "present";
    }),
  );
  return {
    found: withAlternatives(found, ctx.sentenceTokens),
    lastCallable: ctx.lastCallable,
    lastCommand: ctx.lastCommand,
    lastSetting: named.size === 1 ? [...named][0] : named.size > 1 ? undefined : ctx.lastSetting,
    subjects: sentenceSubjects(ctx),
  };
}

/**
 * "set `PREFECT_SERVER_UI_API_URL` (or `PREFECT_UI_API_URL`, the older name)": settings offered as alternatives, one
 * per release; naming one the release lacks is not false when the other is there (`Claim.alternatives`).
 */
function withAlternatives(found: FoundClaim[], tokens: Token[]): FoundClaim[] {
  const partners = new Map<string, string>();
  tokens.forEach((t, i) => {
    const or = tokens[i + 1]?.text === "(" ? i + 2 : i + 1;
    const other = tokens[or + 1];
    if (t.type !== "code" || tokens[or]?.lower !== "or" || other?.type !== "code") return;
    if (!isSettingName(t.text) || !isSettingName(other.text)) return;
    partners.set(t.text, other.text);
    partners.set(other.text, t.text);
  });
  if (partners.size === 0) return found;
  return found.map((f) => {
    const other = f.claim.kind === "setting" && !f.claim.detail ? partners.get(f.claim.subject) : undefined;
    return other ? { ...f, claim: { ...f.claim, alternatives: [f.claim.subject, other] } } : f;
  });
}

/** Two readings of the same statement: the same kind about the same parameter, member, value or setting. */
function sameClaim(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "param" || a.kind === "default") return paramName(a) === paramName(b);
  return a.subject === b.subject || (a.detail !== undefined && a.detail === b.detail);
}

/** The parameter a param or default claim is about (`detail` is `name` or `name=value`). */
const paramName = (claim: Claim) => (claim.detail ?? "").split("=")[0]!;

const isSettingName = (text: string) => text.startsWith("PREFECT_") && text === text.toUpperCase();

/** Orca's own notes ("_(Orca removed …)_", "_(A code block was removed here …)_") are not the draft's claims. */
function isOrcaNote(sentence: string): boolean {
  return sentence.startsWith("_(") && sentence.endsWith(")_");
}

const factOf = (f: FalseSentence) => [...new Set(f.claims.map((c) => withoutSuffix(c.verdict.fact, ".")))].join("; ");

/** One line per false sentence, for the repair message: the claim, the fact, the release. */
export function describeFalseClaims(report: ClaimReport): string[] {
  return report.falseSentences.map((f) => {
    const facts = factOf(f);
    return `The sentence "${truncate(f.sentence, 160)}" claims ${f.claims.map((c) => c.claim.statement).join(" and ")}, which is false for Prefect ${f.claims[0]!.release}: ${facts}.`;
  });
}

/**
 * Removes every false sentence, leaving a one-line note with the correct fact in its place, so nothing false stays
 * standing. Returns the new text and one short line per removal (for the answer's notes).
 */
export function removeFalseClaims(text: string, report: ClaimReport): { text: string; removed: string[] } {
  let out = text;
  const edits = falseClaimEdits(report);
  for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return { text: out, removed: edits.map((e) => e.removed) };
}

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
  /** The removed sentence and the fact, in one short line. */
  removed: string;
}

/** The edits that replace each false sentence with a one-line note stating the fact, in text order. */
export function falseClaimEdits(report: ClaimReport): TextEdit[] {
  return [...report.falseSentences]
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const fact = factOf(f);
      return {
        start: f.start,
        end: f.end,
        replacement: `_(Orca removed a statement that is false for Prefect ${f.claims[0]!.release}: ${capitalised(fact)}.)_`,
        removed: `"${truncate(f.sentence, 80)}" (${fact})`,
      };
    });
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A claim with its verdict, placed in the sentence it was read from. */
function checkedClaim(
  claim: CheckedClaim["claim"],
  verdict: CheckedClaim["verdict"],
  release: string,
  s: { text: string; start: number; end: number },
): CheckedClaim {
  return { claim, verdict, release, sentence: s.text, start: s.start, end: s.end };
}
