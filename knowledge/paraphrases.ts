// Everyday phrasings → the Prefect words the units and docs use (knowledge/pack/paraphrases.yaml). Offline there is
// no language model to know that "give up after five minutes" is a timeout; this table, in data, says it for the
// phrases that mean one thing in nearly every Prefect question, and the answer plan uses it to tell a text about the
// question's topic from one that only shares its other words.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PACK_DIR } from "./default-pack.js";
import { readPackTable } from "./pack-table.js";
import { tokenize } from "./tokenizer.js";

export interface Paraphrases {
  /** The Prefect words the text's everyday phrases stand for ("" when none), each at most once. */
  meaningOf(text: string): string;
  readonly size: number;
}

const schema = z.array(z.object({ says: z.array(z.string().min(2)).min(1), means: z.string().min(2) }).strict());

/** A phrase as compared: its tokens (stemmed, stop words kept, so "runs past" and "run past" are one phrase). */
const asTokens = (text: string) => tokenize(text, { keepStopwords: true }).join(" ");

/**
 * A phrase of this many tokens or more also matches with one word of the asker's between two of its own ("ui loads
 * from my laptop" for "ui from my laptop"): askers add a verb or an adjective to a phrase far more often than the
 * added word turns it into another topic. Shorter phrases match only as written ("retry delay", not "retry the delay").
 */
const GAPPED_MIN_TOKENS = 3;

/** Words that join two clauses: a phrase read across one ("oom killed and the flow run") is two things said. */
const CLAUSE_JOINS = new Set(["and", "but", "or", "then", "so", "because", "while", "when", "if"]);

/**
 * Whether `phrase` occurs in `said` in order with at most one extra token inside it (neither first nor last), looked
 * for only from `starts`, the places where `said` has the phrase's first token.
 */
function inOrderWithOneGap(said: readonly string[], phrase: readonly string[], starts: readonly number[]): boolean {
  for (const i of starts) {
    let j = 1;
    let k = i + 1;
    let skipped = false;
    while (j < phrase.length && k < said.length) {
      if (said[k] === phrase[j]) {
        j++;
        k++;
      } else if (!skipped && !CLAUSE_JOINS.has(said[k]!)) {
        skipped = true;
        k++;
      } else break;
    }
    if (j === phrase.length) return true;
  }
  return false;
}

/** Where a phrase says `#`, any number: "more than # runs" is the same bound whatever the asker's number. */
const NUMBER_SLOT = "#";
const NUMBER_TOKEN = String.raw`\d+`;

/** A phrase with number slots as a pattern over a text's tokens (each part's tokens in order, a number between). */
function slotPattern(say: string): RegExp | null {
  const parts = say.split(NUMBER_SLOT).map((part) => asTokens(part));
  if (parts.every((p) => p === "")) return null;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(` ${escaped.join(` ${NUMBER_TOKEN} `).replace(/ {2,}/g, " ").trim()} `);
}

export function createParaphrases(entries: readonly { says: readonly string[]; means: string }[]): Paraphrases {
  const phrases: { tokens: string; parts: string[]; means: string }[] = [];
  const slotted: { pattern: RegExp; means: string }[] = [];
  for (const entry of entries)
    for (const say of entry.says) {
      if (say.includes(NUMBER_SLOT)) {
        const pattern = slotPattern(say);
        if (pattern) slotted.push({ pattern, means: entry.means });
        continue;
      }
      const tokens = asTokens(say);
      if (tokens !== "") phrases.push({ tokens: ` ${tokens} `, parts: tokens.split(" "), means: entry.means });
    }
  return {
    size: phrases.length + slotted.length,
    meaningOf(text) {
      const tokens = asTokens(text);
      const said = ` ${tokens} `;
      const saidParts = tokens.split(" ");
      // Where each token stands, read once: a gapped phrase is looked for only where its first token is.
      const at = new Map<string, number[]>();
      saidParts.forEach((t, i) => {
        const list = at.get(t);
        if (list) list.push(i);
        else at.set(t, [i]);
      });
      const out = new Set<string>();
      for (const p of phrases)
        if (
          said.includes(p.tokens) ||
          (p.parts.length >= GAPPED_MIN_TOKENS && inOrderWithOneGap(saidParts, p.parts, at.get(p.parts[0]!) ?? []))
        )
          out.add(p.means);
      for (const p of slotted) if (p.pattern.test(said)) out.add(p.means);
      return [...out].join(" ");
    },
  };
}

export const NO_PARAPHRASES: Paraphrases = createParaphrases([]);

export function loadParaphrases(file = path.join(DEFAULT_PACK_DIR, "paraphrases.yaml")): Paraphrases {
  const table = readPackTable(file, schema, []);
  return table === null ? NO_PARAPHRASES : createParaphrases(table);
}
