import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_PACK_DIR } from "./default-pack.js";
import { createParaphrases, loadParaphrases } from "./paraphrases.js";
import { tokenize } from "./tokenizer.js";

const table = createParaphrases([
  { says: ["give up after", "runs past"], means: "timeout timeout_seconds" },
  { says: ["try again"], means: "retries" },
  { says: ["k8s"], means: "kubernetes" },
  { says: ["more than # runs", "# at a time"], means: "concurrency limit" },
  { says: ["ui from my laptop", "retry delay"], means: "PREFECT_UI_API_URL" },
]);

describe("Paraphrases.meaningOf", () => {
  it.each([
    ["make the flow give up after 5 min", "timeout timeout_seconds"],
    // Inflections and case are one phrase: phrases are compared as stemmed tokens.
    ["it RUN PAST the limit", "timeout timeout_seconds"],
    ["give up after 5 min and try again twice", "timeout timeout_seconds retries"],
    ["our k8s pool", "kubernetes"],
    // A phrase is matched as whole words, in order.
    ["after we give up", ""],
    ["k8sfoo", ""],
    // `#` in a phrase stands for any number the asker writes, and only for a number.
    ["never more than 5 runs on the pool", "concurrency limit"],
    ["more than 12 runs", "concurrency limit"],
    ["more than a few runs", ""],
    ["3 at a time please", "concurrency limit"],
    // A phrase of three words or more also matches with one word of the asker's inside it, not two, not at its ends.
    ["the ui loads from my laptop", "PREFECT_UI_API_URL"],
    ["the ui loads fine from my laptop", ""],
    ["ui from a laptop", ""],
    // Nor across a word that joins two clauses: "the ui and from my laptop" is two things said.
    ["the ui and from my laptop", ""],
    // Shorter phrases match only as written.
    ["retry the delay", ""],
    ["", ""],
  ])("%j → %j", (text, meaning) => {
    expect(table.meaningOf(text)).toBe(meaning);
  });

  it("says each meaning once however many of its phrases appear", () => {
    expect(table.meaningOf("give up after it runs past 5 min")).toBe("timeout timeout_seconds");
  });
});

describe("the pack's paraphrases", () => {
  const file = path.join(DEFAULT_PACK_DIR, "paraphrases.yaml");
  const entries = parse(readFileSync(file, "utf8")) as { says: string[]; means: string }[];

  it("loads, and says each phrase once, in lower case", () => {
    expect(loadParaphrases(file).size).toBeGreaterThan(0);
    const phrases = entries.flatMap((e) => e.says);
    expect(phrases.filter((p) => p !== p.toLowerCase())).toEqual([]);
    expect(phrases.length).toBe(new Set(phrases).size);
  });

  // "requests/s" read as the one word "request" would give every question about an API request a rate limit.
  it("keeps a phrase of several parts more than one word", () => {
    const lost = entries
      .flatMap((e) => e.says)
      .filter(
        (p) => p.split(/[^a-z0-9']+/).filter(Boolean).length > 1 && tokenize(p, { keepStopwords: true }).length < 2,
      );
    expect(lost).toEqual([]);
  });

  it("gives each entry one to six Prefect words", () => {
    expect(entries.filter((e) => e.means.split(/\s+/).length > 6)).toEqual([]);
  });
});
