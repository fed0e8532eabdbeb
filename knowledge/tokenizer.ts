// Tokens for BM25 and the hashing embedder: lowercase, identifiers split into their parts while the whole
// identifier is kept too (ThreadPoolTaskRunner -> threadpooltaskrunner, thread, pool, task, runner), light stemming.

const WORD = /[\p{L}\p{N}_]+/gu;

export const STOPWORDS = new Set(
  (
    "a an and are as at be but by can do does for from has have how i if in into is it its me my no not of on or " +
    "our so such that the their then there these they this to was we were what when where which while who why will " +
    "with would you your yes also any all should could may might just than too very via use using used"
  ).split(" "),
);

/**
 * Abbreviations people write in chat ("a few secs", "every 5 mins", "our internal lib", "std logging"), as the word
 * they stand for.
 */
const ABBREVIATIONS = new Map([
  ["sec", "second"],
  ["secs", "second"],
  ["mins", "minute"],
  ["hr", "hour"],
  ["hrs", "hour"],
  ["lib", "library"],
  ["libs", "library"],
  ["std", "standard"],
  ["msg", "message"],
  ["msgs", "message"],
]);

export interface TokenizeOptions {
  /** Keep stopwords (the embedder's bigrams want word order intact). Default false. */
  keepStopwords?: boolean;
  /**
   * Keep the number inside a word as a token of its own ("k8s" → `k8s`, `8`). Default true; a count of the words a
   * text writes wants false, since "k8s" is one word.
   */
  numbersInWords?: boolean;
}

const DIGITS = /^\d+$/;

/**
 * The tokens of each distinct word, remembered (with and without stopwords): every question, unit, note sentence
 * and search tokenizes the same vocabulary again and again, and splitting and stemming a word costs far more than
 * looking it up. A plain Map emptied when full rather than an LRU: the lookup runs once per word of every text, and
 * an LRU's recency bookkeeping on each hit cost as much as the tokenizing it saved.
 */
const MAX_CACHED_WORDS = 50_000;
const WORD_TOKENS = { kept: new Map<string, readonly string[]>(), dropped: new Map<string, readonly string[]>() };

export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const keep = options.keepStopwords === true;
  const cache = keep ? WORD_TOKENS.kept : WORD_TOKENS.dropped;
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    let tokens = cache.get(raw);
    if (!tokens) {
      tokens = wordTokens(raw, keep);
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(raw, tokens);
    }
    const whole = tokens.length > 1 && options.numbersInWords === false;
    for (const token of tokens) if (!(whole && DIGITS.test(token))) out.push(token);
  }
  return out;
}

/** One word's tokens: the whole identifier (when it has parts), then each part, stemmed. */
function wordTokens(raw: string, keepStopwords: boolean): string[] {
  const out: string[] = [];
  const parts = identifierParts(raw);
  if (parts.length > 1) {
    const whole = raw.toLowerCase().replace(/^_+|_+$/g, "");
    if (whole.length > 1) out.push(whole);
  }
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower.length < 2 && !/\d/.test(lower)) continue;
    if (!keepStopwords && STOPWORDS.has(lower)) continue;
    const stemmed = stem(ABBREVIATIONS.get(lower) ?? lower);
    // Slack spelling runs a stopword into its verb ("whats", "hows", "thats"): still a stopword once stemmed.
    if (!keepStopwords && STOPWORDS.has(stemmed)) continue;
    out.push(stemmed);
  }
  return out;
}

/** "ThreadPoolTaskRunner" -> Thread, Pool, Task, Runner; "run_deployment" -> run, deployment; "HTTPServer" -> HTTP, Server. */
export function identifierParts(word: string): string[] {
  if (/^[a-z]+$/.test(word) || DIGITS.test(word)) return [word];
  return word
    .split(/_+/)
    .flatMap((piece) =>
      piece.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/),
    )
    .filter((p) => p.length > 0);
}

/** A light English stemmer: plurals, -ing, -ed, -ly; conservative so identifiers stay recognisable. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4 && !w.endsWith("eed")) w = undouble(w.slice(0, -2));
  else if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
