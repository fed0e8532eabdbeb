import { describe, expect, it } from "vitest";
import { DEFAULT_PACK_DIR, loadAnswerUnits, tokenize } from "../../../knowledge/index.js";
import { conversationWords, passingWords, wordKinds } from "./conversation-words.js";

const units = loadAnswerUnits(DEFAULT_PACK_DIR);
const packTexts = units.map((u) => [...u.asks, u.answer, ...u.details].join("\n"));
const ofPack = conversationWords(packTexts);
const token = (word: string) => tokenize(word)[0]!;

describe("conversationWords", () => {
  // Frequent spoken words the pack seldom uses are conversation; those the pack uses for what runs do stay topic.
  it.each([
    ["going", true],
    ["tonight", true],
    ["problem", true],
    ["maybe", true],
    ["thanks", true],
    ["kill", false],
    ["late", false],
    ["secret", false],
    ["stuck", false],
    ["docker", false],
    ["timeout", false],
    ["schedule", false],
  ])("%s in the pack's conversation: %s", (word, expected) => {
    expect(ofPack.has(token(word))).toBe(expected);
  });

  it("reads the rate from the texts given: a word those texts use often is their topic", () => {
    const onGoing = conversationWords(["the run keeps going", "going going going", "how long does going take"]);
    expect(onGoing.has(token("going"))).toBe(false);
    expect(conversationWords(["the worker polls the pool"]).has(token("going"))).toBe(true);
  });

  it("keeps the fixed words when there is no text to compare with", () => {
    const none = conversationWords([]);
    expect(none.has(token("thanks"))).toBe(true);
    expect(none.has(token("going"))).toBe(false);
  });
});

describe("wordKinds", () => {
  const { topical } = wordKinds(packTexts);
  // The pack's own words as against everyday ones it uses less than people speak them, and the filler.
  it.each([
    ["variable", true],
    ["json", true],
    ["pod", true],
    ["bunch", false],
    ["made", false],
    ["going", false],
  ])("%s is a word of the pack's topic: %s", (word, expected) => {
    expect(topical.has(token(word))).toBe(expected);
  });
});

describe("passingWords", () => {
  const passing = passingWords(units.map((u) => [...u.asks, [u.answer, ...u.details].join("\n")]));
  // Everyday words the units say once each, never twice where they are the subject; a topic word recurs in its units,
  // and a word outside everyday speech ("retries") is never one.
  it.each([
    ["unless", true],
    ["otherwise", true],
    ["says", true],
    ["retries", false],
    ["late", false],
    ["background", false],
    ["global", false],
    ["concurrency", false],
  ])("%s is used only in passing: %s", (word, expected) => {
    expect(passing.has(token(word))).toBe(expected);
  });

  it("reads recurrence per unit: a word two phrasings of one unit share is that unit's topic", () => {
    const saidOnce = Array.from({ length: 10 }, (_, i) => [`restart worker ${i} unless told`, "how do I restart"]);
    expect(passingWords(saidOnce).has(token("unless"))).toBe(true);
    const saidTwice = Array.from({ length: 10 }, () => ["unless it fails", "retry unless told"]);
    expect(passingWords(saidTwice).has(token("unless"))).toBe(false);
  });

  it("needs enough units to tell", () => {
    expect(passingWords([["unless it fails"], ["run it unless told"]]).size).toBe(0);
  });
});
