// The separate questions one message asks: "where are results written by default, and how do I move them to S3?"
// asks two things, and a reply that answers only one of them leaves the asker to ask again. Each part is read with
// the message's setup around it, so that the pipeline can match it on its own.
import { stripPunctuation } from "../../../core/index.js";
import { isQuestionWord, opensQuestion, sentencesOf, words } from "./question-kind.js";

/** Words that join a second question to a first ("…, and how do I …", "… also can we …"). */
const JOINS = new Set(["and", "also", "plus", "then"]);
/** Conditions that hang a question on the answer to the one before ("and if not, which line should we stay on?"). */
const CONDITIONS = new Set(["if", "otherwise", "else"]);
const CONDITION_ANSWERS = new Set(["not", "so", "yes", "no", "it", "that", "does", "doesn't", "doesnt", "is", "isn't"]);
/**
 * Auxiliaries that open a yes/no question only with a subject after them ("can we …", "does it …"). Not "have": "…
 * and have that kick off a deployment" goes on with a wish.
 */
const SUBJECTS = new Set("i we you it they that this there he she my our the prefect".split(" "));
const AUXILIARIES = new Set("can could do does did is are will would should".split(" "));
/** Question words that, like "when", open a question only with their verb after them ("…, who said it works?"). */
const NEEDS_VERB = new Set(["who"]);
/** At most this many words of a condition before the question it hangs on ("if i stay on threads, how …"). */
const CONDITION_WORDS = 8;
/** The most questions one message is read as: more is a list, and a list is answered whole. */
const MAX_PARTS = 3;
/** A part needs this many words of its own to be a question apart from the one it joins ("and why?" is not). */
const MIN_PART_WORDS = 2;

const endsClause = (token: string) => token.endsWith(",") || token.endsWith(";");

/** Whether the words from `at` open a question: a question word, or an auxiliary with its subject. */
function opensAt(w: readonly string[], at: number): boolean {
  const first = w[at] ?? "";
  if (AUXILIARIES.has(first)) return SUBJECTS.has(w[at + 1] ?? "");
  // Other question words open one whatever follows ("which env var …", "how do i …"); "when" and "who" only with
  // their verb after them: "…, when our flow retries, …" is a condition.
  return (
    (isQuestionWord(first) && !NEEDS_VERB.has(first)) || (opensQuestion(first) && AUXILIARIES.has(w[at + 1] ?? ""))
  );
}

/** Where the question after a join starts: past the join and a condition on the first answer ("and if not, …"). */
function afterJoin(w: readonly string[], at: number): number {
  let i = at;
  while (JOINS.has(w[i] ?? "")) i++;
  if (CONDITIONS.has(w[i] ?? "")) {
    i++;
    while (CONDITION_ANSWERS.has(w[i] ?? "")) i++;
    // "also if i stay on threads how do i cap them": a condition of its own runs up to the question word after it.
    if (!opensAt(w, i)) {
      const asked = w.findIndex((x, j) => j > i && j <= i + CONDITION_WORDS && isQuestionWord(x) && opensAt(w, j));
      if (asked > 0) return asked;
    }
  }
  return i;
}

/**
 * A sentence's clauses that ask apart: split before a join ("and", "also", or a comma or semicolon) whose words
 * after open a question of their own. "does it retry and how often?" stays whole ("how often" has no words of its own).
 */
function clausesOf(sentence: string): string[] {
  const tokens = sentence.split(" ").filter(Boolean);
  const w = tokens.map((t) => stripPunctuation(t.toLowerCase()));
  const cuts: number[] = [];
  // A comma alone parts a question only in a sentence that asks: "…, which dies with the container." goes on with a
  // statement, "self hosting, which env var do i set?" asks.
  const asking = sentence.trim().endsWith("?");
  for (let i = 1; i < tokens.length; i++) {
    const joined = JOINS.has(w[i]!) || endsClause(tokens[i - 1]!);
    if (!joined) continue;
    const start = afterJoin(w, i);
    // A join must lead to a question ("and how do i…"), not to more of the same one ("X and Y?").
    if (start === i && (!endsClause(tokens[i - 1]!) || !asking)) continue;
    if (!opensAt(w, start)) continue;
    cuts.push(i);
  }
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, tokens.length]) {
    const clause = tokens.slice(from, cut).join(" ");
    if (clause) out.push(clause);
    from = cut;
  }
  return out;
}

/** Words of a part beyond the grammar of asking: those that say what it is about. */
function ownWords(part: string): number {
  return words(part).filter((x) => x.length >= 3 && !opensQuestion(x) && !JOINS.has(x) && !AUXILIARIES.has(x)).length;
}

/** Whether a sentence asks something: a question mark, or it opens as a question does (past joins and conditions). */
function asks(sentence: string): boolean {
  if (sentence.trim().endsWith("?")) return true;
  const w = words(sentence).map(stripPunctuation);
  return opensAt(w, afterJoin(w, 0));
}

/**
 * Words that stand for what an earlier part asked about ("and can i loosen *that*?", "where do *they* go?", "which
 * *ones* need extras?").
 */
const STANDS_FOR = new Set("it its they them their that this those these ones".split(" "));

export interface QuestionPart {
  /** The part as the asker wrote it ("how do i point them at our s3 bucket"). */
  asked: string;
  /**
   * A later part with a word that stands for what the one before asked about: it asks about that too. (A "that" that
   * joins a clause reads as one as well: the part is then matched with the one before it, which only makes it likelier
   * to be taken as answered with it.)
   */
  leansBack: boolean;
  /** The message with this part as its only question: the setup sentences around it, then the part. */
  text: string;
}

/**
 * The separate questions a message asks, in its order, each with the setup around it; null when it asks one. A
 * comparison ("X vs Y?") or a choice ("A or B?") is one question, however it is worded.
 */
export function questionParts(text: string): QuestionPart[] | null {
  const sentences = sentencesOf(text);
  const asked: { sentence: number; clause: string }[] = [];
  sentences.forEach((sentence, i) => {
    // A clause after the first opens a question by how it was cut; the first asks when its sentence does, or when
    // it opens as a question ("want all of them saved, and where do they go?": only the second asks).
    const clauses = clausesOf(sentence);
    clauses.forEach((clause, at) => {
      // The first of several clauses asks only by its own opening ("self hosted 3.4.11 in k8s, which env var …?").
      if (at > 0 || asks(clauses.length > 1 ? clause : sentence)) asked.push({ sentence: i, clause });
    });
  });
  const parts = asked.filter((p) => ownWords(p.clause) >= MIN_PART_WORDS || pointsOnly(p.clause));
  if (parts.length < 2 || parts.length > MAX_PARTS) return null;
  // The message as if it asked only this part: its other sentences that ask are left out, its setup stays in place.
  return parts.map((p, i) => ({
    asked: p.clause,
    leansBack: i > 0 && words(p.clause).some((w) => STANDS_FOR.has(stripPunctuation(w))),
    text: sentences
      .flatMap((s, i) => (i === p.sentence ? [p.clause] : asked.some((q) => q.sentence === i) ? [] : [s]))
      .join(" "),
  }));
}

/** "how do i expose it": a how-to whose only word of its own is its verb still asks apart, about the setup. */
function pointsOnly(clause: string): boolean {
  const w = words(clause).map(stripPunctuation);
  return w[afterJoin(w, 0)] === "how" && ownWords(clause) >= 1;
}
