// The pipeline with small in-test implementations of its interfaces: step order, timings, and that a failing model
// never leaves a question unanswered.
import { describe, expect, it } from "vitest";
import type { SearchHit, SearchOptions, VersionGuess } from "../../core/index.js";
import { ProviderError } from "../../core/index.js";
import { type AnswerUnit, loadPrefectFacts } from "../../knowledge/index.js";
import { createAnswerEngine } from "./engine.js";
import type { ChatModel } from "./llm/index.js";
import type { AnswerDeps } from "./ports.js";
import { UnitIndex } from "./retrieve/index.js";

const facts = loadPrefectFacts();
const V3: VersionGuess = { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] };

function hit(id: string, title: string, text: string, kind: SearchHit["kind"] = "docs"): SearchHit {
  return {
    id,
    docId: id,
    title,
    url: `https://example.test/${id}`,
    section: [title],
    kind,
    versionTag: "3",
    score: 1,
    snippet: text,
    text,
  };
}

function deps(overrides: Partial<AnswerDeps> = {}): AnswerDeps & { searches: SearchOptions[] } {
  const searches: SearchOptions[] = [];
  return {
    facts,
    linter: { lint: (code, version) => ({ version, diagnoses: [], fixedCode: code }) },
    reader: {
      unmangle: (t) => t,
      extractSnippets: (text) => {
        const m = /```python\n([\s\S]*?)```/.exec(text);
        return m ? [{ code: m[1]!, raw: m[0], language: "python", fenced: true, mangled: false }] : [];
      },
      detectVersion: (_texts, forced) => (forced ? { ...V3, version: forced, resolved: forced, how: "stated" } : V3),
    },
    retriever: {
      async search(_q, options = {}) {
        searches.push(options);
        return options.kind === "conversation"
          ? [
              hit(
                "c1",
                "Past thread on retries",
                "Question: retries on a task? The answer: use retries=3 on the decorator.",
                "conversation",
              ),
            ]
          : [
              hit(
                "d1",
                "Retries",
                "Retries re-run a failed task after a delay. Set them with retries= on the task decorator.",
              ),
            ];
      },
    },
    searches,
    ...overrides,
  };
}

describe("createAnswerEngine", () => {
  it("retrieves docs and conversations for the asker's major and times every step", async () => {
    const d = deps();
    const answer = await createAnswerEngine(d).answer({ messages: [], question: "how do retries work for a task?" });
    expect(d.searches.map((s) => [s.kind, s.prefectMajor])).toContainEqual(["docs", 3]);
    expect(d.searches.map((s) => s.kind)).toContain("conversation");
    expect(answer.markdown.split("\n")[0]).toBe("Retries re-run a failed task after a delay.");
    expect(answer.sources.map((s) => s.url)).toEqual(["https://example.test/d1", "https://example.test/c1"]);
    expect(Object.keys(answer.timings)).toEqual(
      expect.arrayContaining(["read", "lint", "retrieve", "compose", "verify", "total"]),
    );
  });

  it("tells the linter the words the asker writes outside the code, so what they say of a name is checked", async () => {
    const told: (readonly string[] | undefined)[] = [];
    const linter: AnswerDeps["linter"] = {
      lint: (code, version, options) => {
        told.push(options?.spoken);
        return { version, diagnoses: [], fixedCode: code };
      },
    };
    await createAnswerEngine(deps({ linter })).answer({
      messages: [],
      question: "weights is a list of 5 floats but i only get 5 runs??\n```python\nscore.map(rows, weights)\n```",
    });
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]).toContain("weights");
    expect(told[0]).not.toContain("score");
  });

  it("answers without passages, with a note, when search fails", async () => {
    const d = deps({ retriever: { search: async () => Promise.reject(new Error("index gone")) } });
    const answer = await createAnswerEngine(d).answer({ messages: [], question: "how do retries work for a task?" });
    expect(answer.notes).toContain("Search was unavailable, so this answer cites no passages.");
    expect(answer.markdown).toMatch(/could not find anything/);
  });

  it("falls back to the offline answer when the model fails, and says so in one line", async () => {
    let calls = 0;
    const chat: ChatModel = {
      id: "broken",
      async complete() {
        calls++;
        throw new ProviderError("boom", 502);
      },
    };
    const answer = await createAnswerEngine(deps({ chat })).answer({
      messages: [],
      question: "how do retries work for a task?",
    });
    expect(calls).toBe(1);
    expect(answer.mode).toBe("offline");
    expect(answer.markdown.trim().split("\n").at(-1)).toBe(
      "_The language model was unavailable, so Orca answered offline._",
    );
  });

  it("uses the model's answer when it passes verification", async () => {
    const chat: ChatModel = {
      id: "ok",
      complete: async () => ({ content: "Set `retries=3` on the task [1].", toolCalls: [] }),
    };
    const answer = await createAnswerEngine(deps({ chat })).answer({
      messages: [],
      question: "how do retries work for a task?",
    });
    expect(answer.mode).toBe("llm");
    expect(answer.markdown).toBe("Set `retries=3` on the task [1].");
    expect(answer.sources).toEqual([
      { title: "Retries", url: "https://example.test/d1", kind: "docs", section: "Retries" },
    ]);
  });
});

describe("a unit whose direct answer fails verification", () => {
  // Other texts, so that the question's words read as rare ones (as among the pack's hundreds of units).
  const OTHER_TOPICS = [
    "retries on a task after a delay",
    "work pools and workers poll for runs",
    "cron schedules with a timezone",
    "cache policies and result storage",
    "the logging level setting",
    "secret blocks and variables",
    "automations react to events",
  ];
  const unit = (id: string, answer: string): AnswerUnit => ({
    id,
    asks: ["how do I run several child flows at the same time?", "run child flows concurrently from a parent flow"],
    about: [],
    answer,
    details: [],
    sources: [{ title: id, url: `https://example.test/${id}` }],
    errors: [],
    origin: "pack",
  });

  it("gives the question to the next clear unit instead of posting the answer with its lead cut out", async () => {
    const units = new UnitIndex(
      [
        unit("wrong", "Call `.submit()` on the child flow: flows have `.submit()` in Prefect 3."),
        unit("right", "Wrap each child flow call in a task and submit the tasks, or gather async flows."),
      ],
      OTHER_TOPICS,
    );
    const answer = await createAnswerEngine(deps({ units })).answer({
      messages: [],
      question: "how do I run several child flows at the same time?",
    });
    expect(answer.markdown.split("\n")[0]).toBe(
      "Wrap each child flow call in a task and submit the tasks, or gather async flows.",
    );
  });
});
