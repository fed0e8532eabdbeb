import { describe, expect, it } from "vitest";
import { Bm25Index } from "./bm25.js";
import { identifierParts, stem, tokenize } from "./tokenizer.js";

describe("tokenize", () => {
  it("splits identifiers into parts and keeps the whole identifier", () => {
    expect(identifierParts("ThreadPoolTaskRunner")).toEqual(["Thread", "Pool", "Task", "Runner"]);
    expect(identifierParts("HTTPServer")).toEqual(["HTTP", "Server"]);
    expect(tokenize("ThreadPoolTaskRunner")).toEqual(["threadpooltaskrunner", "thread", "pool", "task", "runner"]);
    expect(tokenize("run_deployment")).toEqual(["run_deployment", "run", "deployment"]);
  });

  it("lowercases, drops stopwords and stems lightly", () => {
    expect(tokenize("How do the Retries work?")).toEqual(["retry", "work"]);
    expect(["caching", "caches", "cached", "cache"].map(stem)).toEqual(["cach", "cach", "cach", "cach"]);
    expect(stem("running")).toBe("run");
    expect(stem("status")).toBe("status");
  });

  it.each([
    // A stopword run into its verb in chat is still a stopword.
    ["whats the default", ["default"]],
    ["hows that work", ["work"]],
    // Units of time written short are the words they stand for.
    ["a few secs", ["few", "second"]],
    ["every 5 mins", ["every", "5", "minut"]],
    ["2 hrs", ["2", "hour"]],
    ["5 minutes", ["5", "minut"]],
    // So are other chat abbreviations.
    ["our internal lib uses std logging", tokenize("our internal library uses standard logging")],
  ])("%j → %j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([
    // A number inside a word is a token of its own by default, not when counting the words a text writes.
    ["server runs in k8s", true, ["server", "run", "k8s", "8"]],
    ["server runs in k8s", false, ["server", "run", "k8s"]],
    ["pydantic 1 on ec2", false, ["pydantic", "1", "ec2", "ec"]],
  ])("%j (numbers in words: %j) → %j", (text, numbersInWords, tokens) => {
    expect(tokenize(text, { numbersInWords })).toEqual(tokens);
  });
});

describe("Bm25Index", () => {
  const index = Bm25Index.build([
    [
      { text: "Task runners", weight: 2 },
      { text: "Use ThreadPoolTaskRunner for concurrency.", weight: 1 },
    ],
    [
      { text: "Deployments", weight: 2 },
      { text: "Call run_deployment to trigger a deployment run.", weight: 1 },
    ],
    [
      { text: "Caching", weight: 2 },
      { text: "Cache policies decide when a task result is reused.", weight: 1 },
    ],
  ]);

  it("ranks by term match, and identifier parts match either spelling", () => {
    expect(index.search("ThreadPoolTaskRunner", 3)[0]?.index).toBe(0);
    expect(index.search("thread pool runner", 3)[0]?.index).toBe(0);
    expect(index.search("run deployment", 3)[0]?.index).toBe(1);
    expect(index.search("cached results", 3)[0]?.index).toBe(2);
    expect(index.search("kubernetes", 3)).toEqual([]);
  });

  it("filters documents and limits the result count", () => {
    expect(index.search("task", 3, (i) => i !== 0).map((h) => h.index)).toEqual([2]);
    expect(index.search("task run deployment cache", 1)).toHaveLength(1);
  });

  it("patches removed and added documents to the same scores as a full rebuild", () => {
    const d = [
      { text: "Retries", weight: 2 },
      { text: "retry_delay_seconds with exponential backoff for a task", weight: 1 },
    ];
    const patched = index.update(new Set([1]), [{ index: 3, fields: d }], 4);
    const rebuilt = Bm25Index.build([
      [
        { text: "Task runners", weight: 2 },
        { text: "Use ThreadPoolTaskRunner for concurrency.", weight: 1 },
      ],
      [],
      [
        { text: "Caching", weight: 2 },
        { text: "Cache policies decide when a task result is reused.", weight: 1 },
      ],
      d,
    ]);
    for (const q of ["task", "run deployment", "exponential backoff retries", "thread pool cache"]) {
      expect(patched.search(q, 4)).toEqual(rebuilt.search(q, 4));
    }
    expect(patched.search("deployment", 4)).toEqual([]);
  });
});
