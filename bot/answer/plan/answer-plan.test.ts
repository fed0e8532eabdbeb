import { describe, expect, it } from "vitest";
import type { SearchHit, VersionGuess } from "../../../core/index.js";
import { type AnswerUnit, loadSettingsFacts } from "../../../knowledge/index.js";
import type { UnitMatch } from "../retrieve/index.js";
import { plainQuestion, type Question } from "../understand/index.js";
import {
  type LegacyDraft,
  linkTopic,
  type OutsideMatch,
  type PlanInput,
  planAnswer,
  TENTATIVE_OPENER,
} from "./answer-plan.js";

const V: VersionGuess = { version: "3.4.20", resolved: "3.4.20", major: 3, how: "stated", evidence: [] };

const unit: AnswerUnit = {
  id: "map-order",
  origin: "test",
  asks: ["does map keep the input order?", "are mapped results ordered?"],
  about: ["map"],
  answer: "Yes — `.map()` returns its futures in input order.",
  details: ["Use `as_completed` for completion order."],
  errors: [],
  sources: [{ title: "Run work concurrently", url: "https://docs.prefect.io/v3/x" }],
};

const match = (confidence: number, similarity = confidence, u: AnswerUnit = unit): UnitMatch => ({
  unit: u,
  confidence,
  similarity,
  exact: [],
});

const question = (over: Partial<Question> = {}): Question =>
  plainQuestion("does map keep the input order?", { kind: "yes-no", ...over });

const legacy = (over: Partial<LegacyDraft> = {}): LegacyDraft => ({
  markdown: "LEGACY",
  sources: [],
  substantive: false,
  fixes: false,
  hasCode: false,
  apiFacts: "none",
  foreignCode: false,
  explainsError: false,
  ...over,
});

const passage: SearchHit = {
  id: "p",
  docId: "p",
  title: "Flows",
  url: "https://docs.prefect.io/v3/concepts/flows",
  section: ["Flows"],
  kind: "docs",
  versionTag: "3",
  score: 1,
  snippet: "",
  text: "A flow is a function.",
};

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  question: question(),
  version: V,
  matches: [match(0.9)],
  legacy: legacy(),
  passages: [passage],
  exampleClean: true,
  thin: false,
  ...over,
});

describe("planAnswer", () => {
  it.each([
    ["a confident unit answers first", input(), "answer", "Yes — `.map()`"],
    [
      "a weak unit and nothing else: abstain with quotes",
      input({ matches: [match(0.34)] }),
      "abstain",
      "I'm not confident",
    ],
    [
      "a weak unit but a substantive draft: the draft",
      input({ matches: [match(0.4)], legacy: legacy({ substantive: true }) }),
      "legacy",
      "",
    ],
    ["a thin question: I need …", input({ matches: [match(0.2)], thin: true }), "need-more", "I need a little more"],
    [
      "a version fact about a named API outranks a unit",
      input({ legacy: legacy({ apiFacts: "version", substantive: true }) }),
      "legacy",
      "",
    ],
    [
      "a trusted unit answers a question about an API the release has (the facts follow it)",
      input({ matches: [match(0.9, 0.5)], legacy: legacy({ apiFacts: "present", substantive: true }) }),
      "answer",
      "Yes — `.map()` returns its futures in input order.",
    ],
    [
      "a question that is only the API ('wait(futures)?') is answered by the facts for the release",
      input({
        question: plainQuestion("wait(futures)?", { kind: "other" }),
        matches: [match(0.9, 0.5)],
        legacy: legacy({ apiFacts: "present", substantive: true }),
      }),
      "legacy",
      "",
    ],
    [
      "a short question about its context ('can i give it longer?') is not only the API",
      input({
        question: plainQuestion("can i give it longer?", { kind: "yes-no" }),
        matches: [match(0.9, 0.5)],
        legacy: legacy({ apiFacts: "present", substantive: true }),
      }),
      "answer",
      "Yes — `.map()` returns its futures in input order.",
    ],
    [
      "an API the release lacks is answered by the facts for that release",
      input({ matches: [match(0.9, 0.5)], legacy: legacy({ apiFacts: "version", substantive: true }) }),
      "legacy",
      "",
    ],
    [
      "a unit about the named API that matches clearly answers what the API facts cannot",
      input({
        matches: [{ ...match(0.8, 0.55), exact: ["map"] }],
        legacy: legacy({ apiFacts: "present", substantive: true }),
      }),
      "answer",
      "Yes — `.map()` returns its futures in input order.",
    ],
    [
      "a unit about the named API the release lacks leaves it to the API facts",
      input({
        matches: [{ ...match(0.7, 0.45), exact: ["map"] }],
        legacy: legacy({ apiFacts: "version", substantive: true }),
      }),
      "legacy",
      "",
    ],
    [
      "review-my-code with clean code and a moderate unit stays with the code check",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.6), match(0.5, 0.5, { ...unit, id: "next" })],
        legacy: legacy({ hasCode: true, substantive: true }),
      }),
      "legacy",
      "",
    ],
    [
      "review-my-code with clean code: a moderate unit far ahead of the next answers the problem described",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.58), match(0.37, 0.37, { ...unit, id: "next" })],
        legacy: legacy({ hasCode: true, substantive: true }),
      }),
      "answer",
      "`.map()` returns",
    ],
    [
      "review-my-code with clean code: a unit matching the question clearly answers it first",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true }),
      }),
      "answer",
      "`.map()` returns",
    ],
    [
      "review-my-code with problems stays with the fixes",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true }),
      }),
      "legacy",
      "",
    ],
    [
      "review-my-code with problems: a unit about what a fix is about explains it first",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.6)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["map"] }),
      }),
      "answer",
      "`.map()` returns",
    ],
    [
      "review-my-code with problems: a unit about one of two faulted names does not explain them",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.6)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["map", "Deployment"] }),
      }),
      "legacy",
      "",
    ],
    [
      "a sure unit on both names asked answers before the API facts",
      input({
        question: question({ kind: "yes-no", asking: "is max_workers on ConcurrentTaskRunner?", asksExistence: true }),
        matches: [{ ...match(0.9), exact: ["ConcurrentTaskRunner", "max_workers"] }],
        legacy: legacy({ substantive: true, apiFacts: "present" }),
      }),
      "answer",
      "Yes — `.map()` returns",
    ],
    [
      "a unit on one of the names leaves an existence question to the API facts",
      input({
        question: question({ kind: "yes-no", asking: "is max_workers on ConcurrentTaskRunner?", asksExistence: true }),
        matches: [{ ...match(0.9), exact: ["ConcurrentTaskRunner"] }],
        legacy: legacy({ substantive: true, apiFacts: "present" }),
      }),
      "legacy",
      "",
    ],
    [
      "review-my-code with problems: a unit about another name does not",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.6)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["submit"] }),
      }),
      "legacy",
      "",
    ],
    [
      "asked why the very thing a fix is about fails, the fix answers, however well a unit matches",
      input({
        question: question({ kind: "why-error", asking: "why does this crash with AttributeError on `.wait()`?" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["wait"] }),
      }),
      "legacy",
      "",
    ],
    [
      "asked why it fails with the exception a found error raises, the fix answers",
      input({
        question: question({ kind: "why-error", asking: "why does this fail with AttributeError?" }),
        matches: [match(0.8)],
        legacy: legacy({
          hasCode: true,
          substantive: true,
          fixes: true,
          diagnosed: ["wait"],
          raises: ["AttributeError"],
        }),
      }),
      "legacy",
      "",
    ],
    [
      "asked why it fails with an exception no found error raises, a unit matching clearly answers first",
      input({
        question: question({ kind: "why-error", asking: "why does this fail with KeyError?" }),
        matches: [match(0.8)],
        legacy: legacy({
          hasCode: true,
          substantive: true,
          fixes: true,
          diagnosed: ["wait"],
          raises: ["AttributeError"],
        }),
      }),
      "answer",
      "`.map()` returns",
    ],
    [
      "asked why about another name, a unit matching clearly still answers first",
      input({
        question: question({ kind: "why-error", asking: "why does the flow end before the runs finish?" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["wait"] }),
      }),
      "answer",
      "`.map()` returns",
    ],
    [
      "asked whether the very line the check faults works, the checked code's verdict answers first",
      input({
        question: question({ kind: "review-code", asking: "quick one, does `from prefect import wait` work?" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["wait"] }),
      }),
      "legacy",
      "",
    ],
    [
      "asked whether the code shown is legit, the same",
      input({
        question: question({ kind: "review-code", asking: "is this legit on 3.0.0?" }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["wait"] }),
      }),
      "legacy",
      "",
    ],
    [
      "a fix's subject does not make a weak unit answer",
      input({
        question: question({ kind: "review-code" }),
        matches: [match(0.4)],
        legacy: legacy({ hasCode: true, substantive: true, fixes: true, diagnosed: ["map"] }),
      }),
      "legacy",
      "",
    ],
  ])("%s", (_, plan, mode, lead) => {
    const p = planAnswer(plan);
    expect(p.mode).toBe(mode);
    expect(p.lead.startsWith(lead)).toBe(true);
  });

  it.each([
    ["is this valid on 3.2.14 or do i need CronSchedule?", true],
    ["how do i add a timezone to this?", false],
  ])("asked whether clean code is right, says yes before the unit: %s", (asking, yes) => {
    const p = planAnswer(
      input({
        question: question({ kind: asking.startsWith("is") ? "yes-no" : "how-to", asking, text: asking }),
        matches: [match(0.8)],
        legacy: legacy({ hasCode: true, substantive: true }),
      }),
    );
    expect(p.lead.startsWith("Yes — Orca's checks find no API or version problems in this code")).toBe(yes);
  });

  it("answers the question and lists the fixes when the asker's code has problems", () => {
    const p = planAnswer(
      input({ legacy: legacy({ markdown: "FIXES", fixes: true, hasCode: true, substantive: true }) }),
    );
    expect(p.mode).toBe("answer");
    expect(p.lead).toMatch(/^Yes —/);
    expect(p.fixes).toBe("FIXES");
    expect(p.fixesAbout).toBe("code");
  });

  const other: AnswerUnit = { ...unit, id: "other", answer: "Use `as_completed`." };
  it.each([
    ["a unit clearly ahead of the others", [match(0.4), match(0.35, 0.35, other)], false, "answer"],
    ["a unit as weak but not clearly ahead", [match(0.4), match(0.37, 0.37, other)], false, "abstain"],
    ["a unit under the tentative confidence", [match(0.36)], false, "abstain"],
    ["a unit clearly ahead, but the asker's code checked", [match(0.4)], true, "abstain"],
  ])("below the confidence to answer outright, %s: %s", (_, matches, hasCode, mode) => {
    const p = planAnswer(input({ matches, legacy: legacy({ hasCode }) }));
    expect(p.mode).toBe(mode);
    if (mode === "answer") {
      expect(p.lead).toBe(`${TENTATIVE_OPENER} Yes — \`.map()\` returns its futures in input order.`);
      expect(p.details.at(-1)).toMatch(/^If that is not what you are asking/);
      expect(p.unit).toBe(unit.id);
    }
  });

  it.each([
    ["a unit covering clearly more of the question than the note", 0.9, 0.4, "answer"],
    ["a unit covering about as much as the note", 0.5, 0.4, "legacy"],
  ])("below the confidence to answer outright, with a note, %s: %s", (_, unitShare, note, mode) => {
    // The runner-up matches as well: only its lead over the note lets the unit answer.
    const p = planAnswer(
      input({
        matches: [match(0.4), match(0.42, 0.42, other)],
        legacy: legacy({
          substantive: true,
          noteCoverage: { share: note, rarest: true },
          unitCoverage: { share: unitShare, rarest: true },
        }),
      }),
    );
    expect(p.mode).toBe(mode);
    if (mode === "answer") expect(p.lead.startsWith(TENTATIVE_OPENER)).toBe(true);
  });

  it("abstains instead of quoting a note that misses the question's most specific word", () => {
    const p = planAnswer(
      input({
        matches: [match(0.3)],
        legacy: legacy({ substantive: true, noteCoverage: { share: 0.1, rarest: false } }),
      }),
    );
    expect(p.mode).toBe("abstain");
    expect(p.quotes).toEqual([passage]);
    expect(p.clarify).not.toBeNull();
  });

  it("quotes only the passages that are about the question when it abstains", () => {
    const other: SearchHit = { ...passage, id: "o", title: "Vacuum", text: "The vacuum service deletes old runs." };
    const p = planAnswer(
      input({
        matches: [match(0.3)],
        passages: [other, passage],
        coverage: (text) => ({ share: text.includes("flow") ? 0.6 : 0.1, rarest: false, topicMissed: false }),
      }),
    );
    expect(p.mode).toBe("abstain");
    expect(p.quotes).toEqual([passage]);
    expect(p.lead).toMatch(/closest passages/);
  });

  it("says nothing matches, and quotes nothing, when no passage is about the question", () => {
    const p = planAnswer(
      input({ matches: [match(0.3)], coverage: () => ({ share: 0.1, rarest: false, topicMissed: false }) }),
    );
    expect(p.mode).toBe("abstain");
    expect(p.quotes).toEqual([]);
    expect(p.lead).toMatch(/nothing in the docs or past threads matches it closely/);
  });

  it("leads with the rename when the question names a setting the release does not have", () => {
    const p = planAnswer(
      input({
        version: { ...V, version: "3.0.5", resolved: "3.0.5" },
        question: question({
          kind: "why-error",
          focus: { apis: [], settings: ["PREFECT_SERVER_UI_SERVE_BASE"], cli: [], errors: [] },
        }),
        settings: loadSettingsFacts(),
        matches: [],
      }),
    );
    expect(p.lead).toMatch(/`PREFECT_SERVER_UI_SERVE_BASE` does not exist in Prefect 3\.0\.5.*`PREFECT_UI_SERVE_BASE`/);
  });

  it("joins what to do instead to the lead when the release has the setting under no name", () => {
    const way: AnswerUnit = {
      ...unit,
      id: "orion-map",
      answer: "Rename `PREFECT_ORION_API_HOST` to `PREFECT_SERVER_API_HOST`.",
    };
    const p = planAnswer(
      input({
        version: { ...V, version: "2.14.3", resolved: "2.14.3" },
        question: question({
          kind: "how-to",
          focus: { apis: [], settings: ["PREFECT_ORION_API_HOST"], cli: [], errors: [] },
        }),
        settings: loadSettingsFacts(),
        matches: [match(0.9, 0.9, way)],
      }),
    );
    expect(p.lead).toMatch(
      /^`PREFECT_ORION_API_HOST` does not exist in Prefect 2\.14\.3; .* Rename `PREFECT_ORION_API_HOST`/,
    );
    expect(p.details).not.toContain(way.answer);
  });

  it("follows the rename with the best hand-written unit, not the setting's own generated unit", () => {
    const generated: AnswerUnit = { ...unit, id: "setting-x", setting: "PREFECT_API_DATABASE_CONNECTION_URL" };
    const written: AnswerUnit = { ...unit, id: "postgres-how", answer: "Point the server at PostgreSQL with a URL." };
    const p = planAnswer(
      input({
        version: { ...V, version: "2.20.3", resolved: "2.20.3" },
        question: question({
          kind: "yes-no",
          focus: { apis: [], settings: ["PREFECT_SERVER_DATABASE_CONNECTION_URL"], cli: [], errors: [] },
        }),
        settings: loadSettingsFacts(),
        matches: [match(0.8, 0.8, generated), match(0.6, 0.6, written)],
      }),
    );
    expect(p.lead).toMatch(/does not exist in Prefect 2\.20\.3/);
    expect(p.details).toContain("Point the server at PostgreSQL with a URL.");
    expect(p.unit).toBe("postgres-how");
  });

  it.each([
    ["Yes — `.map()` keeps the order.", "yes-no", "Yes — `.map()` keeps the order."],
    ["Yes — `.map()` keeps the order.", "how-to", "`.map()` keeps the order."],
    [
      "Yes, when you give it a timezone: it follows the clock.",
      "how-to",
      "When you give it a timezone: it follows the clock.",
    ],
    ["Yes: `flow.deploy()` registers it.", "how-to", "`flow.deploy()` registers it."],
  ] as const)("a unit's yes is said only to a yes/no question: %s (%s)", (answer, kind, lead) => {
    const p = planAnswer(input({ question: question({ kind }), matches: [match(0.9, 0.9, { ...unit, answer })] }));
    expect(p.lead).toBe(lead);
  });

  it.each([
    ["a setting of the same family matched nearly as well", "PREFECT_TASKS_DEFAULT_RETRY_DELAY_SECONDS", 0.6, true],
    ["the same family matched much less well", "PREFECT_TASKS_DEFAULT_RETRY_DELAY_SECONDS", 0.3, false],
    ["another family matched as well", "PREFECT_API_URL", 0.6, false],
  ])("adds %s to a setting's answer: %s", (_, second, confidence, shown) => {
    const setting = (name: string): AnswerUnit => ({ ...unit, id: name, setting: name });
    const p = planAnswer(
      input({
        question: question({ kind: "how-to" }),
        settings: loadSettingsFacts(),
        matches: [
          match(0.65, 0.65, setting("PREFECT_TASKS_DEFAULT_RETRIES")),
          match(confidence, confidence, setting(second)),
        ],
      }),
    );
    expect(p.lead).toContain("`PREFECT_TASKS_DEFAULT_RETRIES`");
    expect(p.details.some((d) => d.startsWith(`Also: \`${second}\``))).toBe(shown);
  });

  it("follows a setting's own answer with a written unit about it (under any of its names), not its defaults", () => {
    const usage: AnswerUnit = {
      ...unit,
      id: "postgres",
      about: ["PREFECT_SERVER_DATABASE_CONNECTION_URL"],
      answer: "Use the async driver: `postgresql+asyncpg://user:pass@host/prefect`.",
      details: ["The default is SQLite.", "The database must exist first."],
    };
    const setting: AnswerUnit = { ...unit, id: "s", setting: "PREFECT_API_DATABASE_CONNECTION_URL" };
    const asked: string[][] = [];
    const p = planAnswer(
      input({
        question: question({ kind: "which-setting" }),
        version: { ...V, resolved: "2.14.4", version: "2.14.4", major: 2 },
        settings: loadSettingsFacts(),
        matches: [match(0.7, 0.7, setting)],
        unitsAbout: (names) => {
          asked.push([...names]);
          return names.includes("PREFECT_SERVER_DATABASE_CONNECTION_URL") ? [usage] : [];
        },
      }),
    );
    expect(p.lead).toContain("`PREFECT_API_DATABASE_CONNECTION_URL`");
    expect(p.details).toContain(usage.answer);
    expect(p.details).toContain("The database must exist first.");
    expect(p.details).not.toContain("The default is SQLite.");
    expect(asked[0]).toContain("PREFECT_SERVER_DATABASE_CONNECTION_URL");
  });

  describe("a unit about a setting, asked for its default", () => {
    const logLevel: AnswerUnit = {
      ...unit,
      id: "server-log-level",
      about: ["prefect server start", "PREFECT_SERVER_LOGGING_LEVEL"],
      answer: "Start it with `prefect server start --log-level DEBUG`.",
      details: [],
    };
    const plan = (text: string, u: AnswerUnit = logLevel) =>
      planAnswer(
        input({
          matches: [match(0.9, 0.9, u)],
          question: question({ kind: "how-to", text, asking: text }),
          settings: loadSettingsFacts(),
        }),
      );

    it.each([
      ["what level does the server log at by default, and how do i get more?", 1],
      ["how do i get more logs out of the server?", 0],
    ])("%s → %i default sentence(s), opening the lead", (text, lines) => {
      const p = plan(text);
      const stated = [p.lead, ...p.details].filter((d) => d.includes("`PREFECT_SERVER_LOGGING_LEVEL` defaults to"));
      expect(stated.length).toBe(lines);
      if (lines) expect(p.lead).toMatch(/^`PREFECT_SERVER_LOGGING_LEVEL` defaults to .*Start it with/);
    });

    it("leaves it out when the unit already states the default", () => {
      const p = plan("what is the server's default log level?", {
        ...logLevel,
        answer: "It logs at `WARNING` unless you start it with `--log-level DEBUG`.",
      });
      expect(p.details.some((d) => d.includes("defaults to"))).toBe(false);
    });
  });

  describe("a question about a setting", () => {
    const slots: AnswerUnit = {
      ...unit,
      id: "tag-slots",
      answer: "Check who holds the slots with `prefect concurrency-limit inspect <tag>`.",
      details: ["A limit of 0 aborts runs.", "A waiting task retries after `PREFECT_TASK_RUN_TAG_WAIT` seconds."],
    };
    const asked = "my tasks wait ages for a tag slot, can I change how long they wait?";
    const plan = (over: Partial<Question>, u: AnswerUnit = slots) =>
      planAnswer(
        input({
          matches: [match(0.9, 0.9, u)],
          question: plainQuestion(asked, { kind: "yes-no", ...over }),
        }),
      );

    it.each([
      ["which-setting", { kind: "which-setting" as const }],
      ["a yes/no about configuring it", { kind: "yes-no" as const, asksSetting: true }],
    ])("leads with the detail that names the setting (%s), the unit's answer after it", (_, over) => {
      const p = plan(over);
      expect(p.lead).toBe(slots.details[1]);
      expect(p.details).toEqual([slots.answer, slots.details[0]]);
    });

    it("keeps the unit's answer first when its detail names a setting the question is not about", () => {
      const toml: AnswerUnit = {
        ...slots,
        answer: "Write the settings into `prefect.toml`.",
        details: ["Every setting has a toml key (`PREFECT_API_URL` is `api.url`)."],
      };
      expect(plan({ kind: "yes-no", asksSetting: true }, toml).lead).toBe(toml.answer);
    });

    it("keeps the unit's answer first when the question names several settings as examples", () => {
      const toml: AnswerUnit = {
        ...slots,
        answer: "Write the settings into `prefect.toml`.",
        details: ["Every setting has a toml key (`PREFECT_API_URL` is `api.url`)."],
      };
      const text = "can we keep our settings (api url, logging level) in a file in the repo?";
      const p = planAnswer(
        input({
          matches: [match(0.9, 0.9, toml)],
          question: plainQuestion(text, { kind: "yes-no", asksSetting: true }),
          settings: loadSettingsFacts(),
        }),
      );
      expect(p.lead).toBe(toml.answer);
    });

    it("keeps the unit's answer first when the question does not ask about a setting", () => {
      expect(plan({ kind: "yes-no" }).lead).toBe(slots.answer);
    });
  });

  it.each([
    [
      { pool: "etl-docker" },
      "Run `prefect worker start --pool etl-docker`; `prefect deployment run <flow>/<deployment>`.",
    ],
    [{ deployment: "etl/prod" }, "Run `prefect worker start --pool <pool>`; `prefect deployment run etl/prod`."],
    [{}, "Run `prefect worker start --pool <pool>`; `prefect deployment run <flow>/<deployment>`."],
  ])("writes the asker's own names (%o) for the unit's stand-ins", (own, lead) => {
    const worker: AnswerUnit = {
      ...unit,
      answer: "Run `prefect worker start --pool <pool>`; `prefect deployment run <flow>/<deployment>`.",
    };
    const values = { names: [], seconds: null, said: null, times: null, poolType: null, own };
    const p = planAnswer(input({ matches: [match(0.9, 0.9, worker)], question: question({ kind: "how-to", values }) }));
    expect(p.lead).toBe(lead);
  });

  describe("a yes/no question whether something can be done, answered by a how-to", () => {
    const alerts: AnswerUnit = { ...unit, id: "alerts", answer: "Create an automation with a Slack action." };
    const other: AnswerUnit = { ...unit, id: "other", answer: "Run the other thing." };
    const lead = (over: Partial<Question>, matches: UnitMatch[]) =>
      planAnswer(input({ question: question({ kind: "yes-no", ...over }), matches })).lead;

    it("says yes, then how, when the unit is a clear and close match", () => {
      expect(lead({ asksPossibility: true }, [match(0.9, 0.8, alerts), match(0.5, 0.5, other)])).toBe(
        "Yes — create an automation with a Slack action.",
      );
    });

    it.each([
      ["the question does not ask whether it can be done", {}, [match(0.9, 0.8, alerts)]],
      ["the unit's words are not close enough", { asksPossibility: true }, [match(0.9, 0.6, alerts)]],
      [
        "another unit is nearly as good",
        { asksPossibility: true },
        [match(0.9, 0.8, alerts), match(0.85, 0.85, other)],
      ],
    ])("keeps the how-to as written when %s", (_why, over: Partial<Question>, matches: UnitMatch[]) => {
      expect(lead(over, matches)).toBe("Create an automation with a Slack action.");
    });
  });

  describe("a unit's yes or no, by what the question asks", () => {
    const lead = (answer: string, kind: Question["kind"]) =>
      planAnswer(input({ question: question({ kind }), matches: [match(0.9, 0.9, { ...unit, answer })] })).lead;
    const no = "No — `prefect.runtime` arrived in 2.8.6: upgrade.";

    it.each([
      ["a yes/no keeps the no", "yes-no", no],
      ["a how-to keeps the no: what was asked for cannot be done", "how-to", no],
      ["a why is answered with the reason", "why-error", "`prefect.runtime` arrived in 2.8.6: upgrade."],
      ["a how-to drops a yes", "how-to", "Set it in the environment."],
    ] as const)("%s", (_why, kind, expected) => {
      expect(lead(kind === "how-to" && expected !== no ? "Yes — set it in the environment." : no, kind)).toBe(expected);
    });
  });

  describe("asked whether what the asker sees is a bug", () => {
    const designed: AnswerUnit = {
      ...unit,
      id: "designed",
      answer: "Yes — in Prefect 3 the flow's state comes from its return value.",
    };
    const lead = (answer: string, kind: Question["kind"] = "yes-no", asksIfBug = true) =>
      planAnswer(
        input({ question: question({ kind, asksIfBug }), matches: [match(0.9, 0.9, { ...designed, answer })] }),
      ).lead;

    it.each([
      ["a unit's yes about the designed behaviour", designed.answer, "yes-no"],
      [
        "a statement, asked between bug and intended",
        "In Prefect 3 the flow's state comes from its return value.",
        "other",
      ],
      [
        'a statement, asked as a yes/no ("… shows Completed. bug?")',
        "In Prefect 3 the flow's state comes from its return value.",
        "yes-no",
      ],
    ] as const)("says it is not one for %s", (_why, answer, kind) => {
      expect(lead(answer, kind)).toBe("Not a bug — in Prefect 3 the flow's state comes from its return value.");
    });

    it.each([
      ["the unit is about a bug", "Yes — a bug before 3.6.17 skips retries; upgrade."],
      ["the unit already denies it", "No — task runs cannot be paused before 3.6.3."],
    ])("keeps the unit's answer when %s", (_why, answer) => {
      expect(lead(answer)).toBe(answer);
    });

    it("keeps the unit's yes for a question that asks something else", () => {
      expect(lead(designed.answer, "yes-no", false)).toBe(designed.answer);
    });
  });

  describe("asked whether what the asker sees is expected", () => {
    const lead = (answer: string) =>
      planAnswer(
        input({
          question: question({ kind: "yes-no", asksIfExpected: true }),
          matches: [match(0.9, 0.9, { ...unit, id: "designed", answer })],
        }),
      ).lead;

    it.each([
      [
        "an explanation is affirmed",
        "In Prefect 2 a flow that returns `None` takes its state from its task runs.",
        "Yes, that is expected — in Prefect 2 a flow that returns `None` takes its state from its task runs.",
      ],
      [
        "an instruction stands as its own sentence",
        "Return something: a flow that returns `None` takes its state from its task runs.",
        "Yes, that is expected. Return something: a flow that returns `None` takes its state from its task runs.",
      ],
      [
        "a no is kept",
        "No — task runs cannot be paused before 3.6.3.",
        "No — task runs cannot be paused before 3.6.3.",
      ],
    ])("%s", (_why, answer, expected) => {
      expect(lead(answer)).toBe(expected);
    });
  });

  it("fills a unit's value slots with the asker's own values", () => {
    const timeout: AnswerUnit = { ...unit, answer: "Set `timeout_seconds={{seconds|600}}` on the task." };
    const p = planAnswer(
      input({
        matches: [match(0.9, 0.9, timeout)],
        question: question({
          kind: "how-to",
          values: { names: [], seconds: 300, said: "5 minutes", times: null, poolType: null },
        }),
      }),
    );
    expect(p.lead).toBe("Set `timeout_seconds=300` on the task.");
  });

  // A unit about one side of "serve or deploy?", and one about both.
  const serve: AnswerUnit = {
    ...unit,
    id: "serve-name",
    about: ["flow.serve"],
    answer: "Serve names it after the flow.",
  };
  const both: AnswerUnit = {
    ...unit,
    id: "serve-vs-deploy",
    shape: "compare",
    about: ["flow.serve", "flow.deploy"],
    answer: "Serve runs in your process; deploy uses a work pool.",
  };
  const serveOrDeploy = question({ kind: "compare", sides: ["`my_flow.serve()`", "`my_flow.deploy()`"] });

  it("answers a comparison with a unit about both sides when it is nearly the best match", () => {
    const q = serveOrDeploy;
    const near = planAnswer(input({ question: q, matches: [match(0.8, 0.8, serve), match(0.72, 0.72, both)] }));
    expect(near.lead).toBe("Serve runs in your process; deploy uses a work pool.");
    const far = planAnswer(input({ question: q, matches: [match(0.9, 0.9, serve), match(0.6, 0.6, both)] }));
    expect(far.lead).not.toBe("Serve runs in your process; deploy uses a work pool.");
  });

  it.each([
    ["a note that covers more of the question", { share: 0.9, rarest: true }, null],
    // The coverage the engine measured was the first match's; the unit moved ahead of it has its own.
    [
      "the moved unit's own coverage",
      null,
      (text: string) => ({ share: text.includes("deploy") ? 0.8 : 0.1, rarest: true, topicMissed: false }),
    ],
  ])("answers a comparison with the unit about both sides over %s", (_, noteCoverage, coverage) => {
    const q = serveOrDeploy;
    const p = planAnswer(
      input({
        question: q,
        matches: [match(0.6, 0.6, serve), match(0.58, 0.58, both)],
        legacy: legacy({
          substantive: true,
          noteCoverage: noteCoverage ?? { share: 0.6, rarest: true },
          unitCoverage: { share: 0.2, rarest: false },
        }),
        ...(coverage ? { coverage } : {}),
      }),
    );
    expect(p.lead).toBe("Serve runs in your process; deploy uses a work pool.");
  });

  it.each([
    [["pause", "suspend"], true],
    // A side of several words is not the start of a function's name; it is read by the words that set it apart.
    [["pause runs", "suspend runs"], true],
    [["pause runs", "cancel runs"], false],
  ] as const)("reads a side in words %j as the function it starts: %s", (sides, chosen) => {
    const pause: AnswerUnit = { ...unit, id: "pause", about: ["pause_flow_run"], answer: "Pausing blocks." };
    const both: AnswerUnit = {
      ...unit,
      id: "both",
      shape: "compare",
      about: ["suspend_flow_run", "pause_flow_run"],
      answer: "Pausing blocks; suspending exits.",
    };
    const q = question({ kind: "compare", sides: [...sides] });
    const p = planAnswer(input({ question: q, matches: [match(0.7, 0.7, pause), match(0.65, 0.65, both)] }));
    expect(p.unit === "both").toBe(chosen);
  });

  it.each([
    // Each side's own words ("tag", "global") are what the unit is about.
    [["the tag concurrency limits", "global concurrency limits"], true],
    // Only one side's are.
    [["tag concurrency limits", "deployment concurrency limits"], false],
  ] as const)("reads sides in words %j by what sets them apart: %s", (sides, chosen) => {
    const tag: AnswerUnit = {
      ...unit,
      id: "tag",
      about: ["tag concurrency limit"],
      answer: "Tag limits cap task runs.",
    };
    const both: AnswerUnit = {
      ...unit,
      id: "both",
      shape: "compare",
      about: ["tag limit vs global limit"],
      answer: "A tag limit caps task runs; a global limit wraps any code.",
    };
    const q = question({ kind: "compare", sides: [...sides] });
    const p = planAnswer(input({ question: q, matches: [match(0.8, 0.8, tag), match(0.72, 0.72, both)] }));
    expect(p.unit === "both").toBe(chosen);
  });

  it("answers a comparison with a unit written as one over a list about both sides", () => {
    const list: AnswerUnit = {
      ...unit,
      id: "cli-list",
      shape: "list",
      asks: ["tag limits vs global limits commands?"],
      about: ["tag limit", "global limit"],
      answer: "Tag limits: `prefect concurrency-limit create`; global limits: `prefect gcl create`.",
    };
    const written: AnswerUnit = {
      ...unit,
      id: "written",
      shape: "compare",
      about: ["tag limit vs global limit"],
      answer: "A tag limit caps task runs; a global limit wraps any code.",
    };
    const q = question({ kind: "compare", sides: ["tag concurrency limits", "global concurrency limits"] });
    const near = planAnswer(input({ question: q, matches: [match(0.9, 0.9, list), match(0.78, 0.78, written)] }));
    expect(near.unit).toBe("written");
    const far = planAnswer(input({ question: q, matches: [match(0.95, 0.95, list), match(0.7, 0.7, written)] }));
    expect(far.unit).toBe("cli-list");
  });

  describe("a comparison", () => {
    const serve: AnswerUnit = { ...unit, id: "serve", answer: "`flow.serve()` runs in your process.", details: [] };
    const deploy: AnswerUnit = { ...unit, id: "deploy", answer: "`flow.deploy()` needs a work pool.", details: [] };
    const compare = (over: Partial<PlanInput>) =>
      planAnswer(
        input({
          question: question({ kind: "compare", sides: ["serve", "deploy"], text: "serve vs deploy?" }),
          ...over,
        }),
      );

    it("answers each side from its own unit, in the asker's order", () => {
      const p = compare({
        matches: [match(0.7, 0.7, serve)],
        sideMatches: [match(0.6, 0.6, serve), match(0.6, 0.6, deploy)],
      });
      expect(p.mode).toBe("answer");
      expect(p.lead).toBe(
        "*serve*: `flow.serve()` runs in your process.\n*deploy*: `flow.deploy()` needs a work pool.",
      );
      expect(p.unit).toBe("serve+deploy");
    });

    it.each([
      ["one side matches nothing confidently", [match(0.6, 0.6, serve), match(0.3, 0.3, deploy)]],
      [
        "both sides match the same unit (a unit about the comparison)",
        [match(0.6, 0.6, serve), match(0.6, 0.6, serve)],
      ],
    ])("leaves it to the best unit when %s", (_, sideMatches) => {
      const p = compare({ matches: [match(0.8, 0.8, serve)], sideMatches });
      expect(p.unit).toBe("serve");
    });

    it("keeps a unit that matches the whole comparison better than either side", () => {
      const both: AnswerUnit = { ...unit, id: "serve-vs-deploy", answer: "Serve for one machine, deploy to scale." };
      const p = compare({
        matches: [match(0.9, 0.9, both)],
        sideMatches: [match(0.6, 0.6, serve), match(0.6, 0.6, deploy)],
      });
      expect(p.unit).toBe("serve-vs-deploy");
    });

    it.each([
      ["a comparison unit about both sides", "compare", ["pause vs suspend?"], "both"],
      ["a unit whose phrasings compare both sides", undefined, ["pause vs suspend, what's the difference?"], "both"],
      ["a unit about both sides that answers another question", undefined, ["when did pause arrive?"], "pause+suspend"],
    ] as const)("prefers %s to one line per side, even matched less surely", (_, shape, asks, expected) => {
      const pause: AnswerUnit = { ...unit, id: "pause", about: ["pause_flow_run"], answer: "Pausing blocks." };
      const suspend: AnswerUnit = { ...unit, id: "suspend", about: ["suspend_flow_run"], answer: "Suspending exits." };
      const both: AnswerUnit = {
        ...unit,
        id: "both",
        ...(shape ? { shape } : {}),
        asks: [...asks],
        about: ["pause_flow_run", "suspend_flow_run"],
        answer: "Pausing blocks; suspending exits.",
      };
      const p = planAnswer(
        input({
          question: question({
            kind: "compare",
            sides: ["`pause_flow_run`", "`suspend_flow_run`"],
            text: "pause_flow_run vs suspend_flow_run?",
          }),
          matches: [match(0.6, 0.6, both)],
          sideMatches: [match(0.8, 0.8, pause), match(0.8, 0.8, suspend)],
        }),
      );
      expect(p.unit).toBe(expected);
    });
  });

  it("follows a statement about a parameter with the unit about that parameter, not with another match", () => {
    const paused: AnswerUnit = {
      ...unit,
      id: "paused",
      about: ["paused", "flow.deploy"],
      answer: "Pass `paused=True`.",
    };
    const schedule: AnswerUnit = { ...unit, id: "schedule", about: ["schedule"], answer: "Pass a `Cron(...)`." };
    const p = planAnswer(
      input({
        matches: [match(0.6, 0.6, paused), match(0.55, 0.55, schedule)],
        hooks: [
          () => ({ text: "Yes — `.deploy()` takes `schedule`.", confidence: 1, sources: [], about: ["schedule"] }),
        ],
      }),
    );
    expect(p.lead).toBe("Yes — `.deploy()` takes `schedule`.");
    expect(p.details[0]).toBe("Pass a `Cron(...)`.");
    expect(p.unit).toBe("schedule");
  });

  // A hook whose yes or no decides the question ("does 2.19.3 run on Python 3.12?") leads over a unit about the same
  // thing that says neither; a hook that only finds a name present does not.
  it.each([
    [true, "Yes — Prefect 2.19.3 installs on Python 3.12."],
    [false, "Python 3.8 or newer for late 2.x."],
  ])("a deciding hook leads over a unit that says no yes or no (decides: %s)", (decides, lead) => {
    const versions: AnswerUnit = {
      ...unit,
      id: "python-versions",
      about: ["Python version"],
      answer: "Python 3.8 or newer for late 2.x.",
      details: [],
    };
    const p = planAnswer(
      input({
        matches: [match(0.95, 0.95, versions)],
        hooks: [
          () => ({
            text: "Yes — Prefect 2.19.3 installs on Python 3.12.",
            confidence: 0.9,
            sources: [],
            about: ["Python version"],
            decides,
          }),
        ],
      }),
    );
    expect(p.lead).toBe(lead);
  });

  // What took a removed command's place for this question: a unit it matches, named like the command, over a unit
  // that matches the question's other words better.
  it("follows a command the release lacks with the matched unit named most like it", () => {
    const scheduler: AnswerUnit = { ...unit, id: "scheduler", about: ["scheduler"], answer: "Scheduler settings." };
    const pause: AnswerUnit = {
      ...unit,
      id: "pause",
      about: ["prefect deployment schedule pause"],
      answer: "Run `prefect deployment schedule pause`.",
    };
    const gone = "prefect deployment pause-schedule";
    const p = planAnswer(
      input({
        matches: [match(0.53, 0.53, scheduler), match(0.44, 0.44, pause)],
        unitsNamedLike: (name) => (name === gone ? [[pause]] : []),
        hooks: [() => ({ text: `No \`${gone}\` here.`, confidence: 1, sources: [], about: [gone], lacks: true })],
      }),
    );
    // What to do in the asker's release is the first paragraph's other half, not repeated below it.
    expect(p.lead).toBe(`No \`${gone}\` here. On 3.4.20, run \`prefect deployment schedule pause\`.`);
    expect(p.details).not.toContain("Run `prefect deployment schedule pause`.");
    expect(p.unit).toBe("pause");
  });

  it.each([
    // Only that the release lacks the name: a unit about it that opens with its own yes or no keeps the lead.
    ["No — it came in 3.4.14; use `DaskTaskRunner` before that.", true, "unit"],
    ["It runs tasks in processes.", true, "hook"],
    // Asked whether it exists, the facts' statement leads either way.
    ["No — it came in 3.4.14; use `DaskTaskRunner` before that.", false, "hook"],
  ])("a unit that says %j, the hook yielding %s: %s leads", (answer, yieldsToDecided, leads) => {
    const name = "ProcessPoolTaskRunner";
    const p = planAnswer(
      input({
        matches: [match(0.9, 0.9, { ...unit, id: "pool", about: [name], answer })],
        hooks: [
          () => ({
            text: `Not \`${name}\` here.`,
            confidence: 1,
            sources: [],
            about: [name],
            lacks: true,
            yieldsToDecided,
          }),
        ],
      }),
    );
    expect(p.lead.startsWith(leads === "hook" ? "Not `" : answer.slice(0, 10))).toBe(true);
  });

  it.each([
    // A setting gone before the asker's line began is about a line they left; one a later line adds says what
    // upgrading gives.
    ["3.4.20", "Before 2.8.1 the host was `PREFECT_ORION_API_HOST`.", false],
    ["2.5.0", "Before 2.8.1 the host was `PREFECT_ORION_API_HOST`.", true],
    ["2.19.3", "`PREFECT_SERVER_UI_API_URL` is the name from 3.0.11.", true],
    // A command the other line has (agents on 3.x), by the facts the engine passes in.
    ["3.2.6", "Block-based deployments are run by an agent: `prefect agent start -q <queue>`.", false],
    ["2.19.3", "Block-based deployments are run by an agent: `prefect agent start -q <queue>`.", true],
  ])("on %s keeps the detail %j: %s", (release, detail, kept) => {
    const p = planAnswer(
      input({
        version: { ...V, resolved: release },
        matches: [match(0.9, 0.9, { ...unit, details: [detail] })],
        settings: loadSettingsFacts(),
        commandOfOtherLine: (text) => text.includes("prefect agent start") && release.startsWith("3."),
      }),
    );
    expect(p.details.includes(detail)).toBe(kept);
  });

  it("keeps a detail about the other line when the asker asks about moving between lines", () => {
    const detail = "Before 2.8.1 the host was `PREFECT_ORION_API_HOST`.";
    const p = planAnswer(
      input({
        version: { ...V, resolved: "3.4.20" },
        question: question({ upgradeTo: { major: 2, release: "2.20.25", said: "to 2" } }),
        matches: [match(0.9, 0.9, { ...unit, details: [detail] })],
        settings: loadSettingsFacts(),
      }),
    );
    expect(p.details).toContain(detail);
  });

  it("keeps a companion that only describes below a statement that the release lacks the name", () => {
    const about: AnswerUnit = {
      ...unit,
      id: "vars",
      about: ["prefect variable set"],
      answer: "Variables hold config.",
    };
    const gone = "prefect variable set";
    const p = planAnswer(
      input({
        matches: [match(0.7, 0.7, about)],
        hooks: [() => ({ text: `No \`${gone}\` here.`, confidence: 1, sources: [], about: [gone], lacks: true })],
      }),
    );
    expect(p.lead).toBe(`No \`${gone}\` here.`);
    expect(p.details[0]).toBe("Variables hold config.");
  });

  it.each([
    ["<https://docs.prefect.io/v3/concepts/work-pools>", "*work pools*"],
    ["https://docs-2.prefect.io/latest/guides/host/", "*host*"],
    ["https://github.com/PrefectHQ/prefect/issues/15890", null],
    ["https://docs.prefect.io/v3/", null],
    ["no link here", null],
  ])("reads what a bare link is about from its path: %s", (text, topic) => {
    expect(linkTopic(text)).toBe(topic);
  });

  it("answers a bare link with the indexed page's title and shows the page when the index holds it", () => {
    const url = "https://docs.prefect.io/v3/concepts/flows";
    const p = planAnswer(input({ thin: true, matches: [], question: question({ text: `<${url}>`, kind: "other" }) }));
    expect(p.mode).toBe("need-more");
    expect(p.lead).toMatch(/^That link is about \*Flows\*/);
    expect(p.sources.map((s) => s.url)).toEqual([url]);
  });

  it("answers a bare link to a page the index lacks with the topic its path names", () => {
    const url = "https://docs.prefect.io/v3/how-to-guides/work-pools";
    const p = planAnswer(input({ thin: true, matches: [], question: question({ text: `<${url}>`, kind: "other" }) }));
    expect(p.lead).toMatch(/^That link is about \*work pools\*/);
  });

  it("does not answer a bare link from a unit, however well its words match", () => {
    const url = "https://docs.prefect.io/v3/concepts/flows";
    const p = planAnswer(
      input({ thin: true, matches: [match(0.9)], question: question({ text: `<${url}>`, kind: "other" }) }),
    );
    expect(p.mode).toBe("need-more");
  });

  it.each([
    ["a note covering clearly more of the question outranks a moderate unit", 0.6, 0.9, 0.5, "legacy", "Use X."],
    ["a confident unit keeps the lead over any note", 0.8, 0.9, 0.5, "answer"],
    ["a note only a little better does not", 0.6, 0.6, 0.5, "answer"],
    ["nor does any note a unit's yes or no to a yes/no question", 0.6, 0.9, 0.5, "answer", "No — drop the await."],
  ])("%s", (_, confidence, note, unitShare, mode, answer?: string) => {
    const p = planAnswer(
      input({
        question: question({ kind: "yes-no" }),
        matches: [answer ? match(confidence, confidence, { ...unit, answer }) : match(confidence)],
        legacy: legacy({
          substantive: true,
          noteCoverage: { share: note, rarest: true },
          unitCoverage: { share: unitShare, rarest: false },
        }),
      }),
    );
    expect(p.mode).toBe(mode);
  });

  it.each([
    ["workers", /what would you like to know about \*workers\*/],
    ["<@U123> retries?", /what would you like to know about \*retries\*/],
    ["help me please now", /^I need a little more to go on: what would you like to know, or/],
  ])("asks what about the topic a thin message names: %s", (text, lead) => {
    const p = planAnswer(input({ thin: true, matches: [], question: question({ text, kind: "other" }) }));
    expect(p.lead).toMatch(lead);
  });

  describe("a version trap", () => {
    const toml: AnswerUnit = {
      ...unit,
      id: "toml",
      versions: ">=3.1",
      answer: "Create `prefect.toml` in the working directory.",
      details: [],
    };
    const releases = ["3.0.0", "3.0.7", "3.1.0", "3.4.20"];
    const outside = (confidence: number, exact: string[], missing?: string[]): OutsideMatch => ({
      unit: toml,
      confidence,
      similarity: confidence,
      exact,
      ...(missing ? { missing } : {}),
    });
    const trap = (over: Partial<PlanInput>) =>
      planAnswer(
        input({ version: { ...V, version: "3.0.7", resolved: "3.0.7" }, releases, matches: [match(0.3)], ...over }),
      );

    it("says the asked-for thing needs a newer release, then how it works there", () => {
      const p = trap({ outside: outside(0.6, ["prefect.toml"]) });
      expect(p.lead).toBe("Not in Prefect 3.0.7: this needs Prefect 3.1.0 or later.");
      expect(p.details[0]).toBe("From 3.1.0: Create `prefect.toml` in the working directory.");
      expect(p.unit).toBe("toml");
    });

    it.each([
      ["the unit names nothing the question writes out", outside(0.9, [])],
      ["the match is weak", outside(0.4, ["prefect.toml"])],
      ["an unnamed unit is matched less than clearly", outside(0.65, [], ["prefect config view"])],
      ["an unnamed unit is not far ahead of the asker's range", outside(0.9, [], ["prefect config view"]), 0.75],
      ["the facts find nothing missing from the release", outside(0.9, [], [])],
    ])("stays silent when %s", (_, out, best = 0.3) => {
      expect(trap({ outside: out, matches: [match(best)] }).lead).not.toMatch(/^Not in Prefect/);
    });

    describe("asked whether it exists", () => {
      // "Is there a command that copies deployments over?" on a release before `prefect transfer`.
      const transfer: AnswerUnit = { ...toml, id: "transfer", about: ["prefect transfer"], versions: ">=3.1" };
      const copying = (confidence: number, missing = ["prefect transfer"]): OutsideMatch => ({
        unit: transfer,
        confidence,
        similarity: confidence,
        exact: [],
        missing,
      });
      const asked = (over: Partial<Question> = {}) =>
        question({
          text: "is there a command that copies over deployments?",
          kind: "yes-no",
          asksPossibility: true,
          ...over,
        });
      const apiKeys: AnswerUnit = { ...unit, id: "api-keys", answer: "No — API keys are for Prefect Cloud only." };
      const exists = (out: OutsideMatch, best: UnitMatch, q = asked()) =>
        trap({ outside: out, matches: [best], question: q }).lead;

      it("answers with the release it needs when its unit matches best, however little ahead", () => {
        expect(exists(copying(0.68), match(0.61, 0.61, apiKeys))).toBe(
          "Not in Prefect 3.0.7: `prefect transfer` needs Prefect 3.1.0 or later.",
        );
      });

      it.each([
        ["a unit in range matches as well", copying(0.68), match(0.68, 0.68, apiKeys), asked()],
        ["the match is moderate", copying(0.55), match(0.3, 0.3, apiKeys), asked()],
        ["the release has the unit's main name", copying(0.8, ["prefect deploy"]), match(0.7, 0.7, apiKeys), asked()],
        [
          "a unit in range is about that name",
          copying(0.68),
          match(0.61, 0.61, { ...unit, id: "before", about: ["prefect transfer"] }),
          asked(),
        ],
        [
          "a unit in range already says no to it",
          copying(0.68),
          match(0.61, 0.61, { ...unit, id: "no", answer: "No — `prefect transfer` arrives later; script the API." }),
          asked(),
        ],
        [
          "the question asks how, not whether",
          copying(0.68),
          match(0.61, 0.61, apiKeys),
          asked({ kind: "how-to", asksPossibility: false }),
        ],
      ])("stays silent when %s", (_, out, best, q) => {
        expect(exists(out, best, q)).not.toMatch(/^Not in Prefect/);
      });
    });

    describe("read from what the question's words are about", () => {
      // The asset units, outside 3.4.2, cover the question's words; the best unit in range shares its phrasing only.
      const assets: AnswerUnit = { ...toml, id: "assets", about: ["asset_deps"], versions: ">=3.1" };
      const covering = (over: Partial<OutsideMatch> = {}): OutsideMatch => ({
        unit: assets,
        confidence: 0.46,
        similarity: 0.46,
        exact: [],
        missing: [],
        known: [],
        coverage: { share: 0.75, rarest: true },
        ...over,
      });
      const covered = (out: OutsideMatch, best = 0.52, inRange = { share: 0.06, rarest: false }) =>
        trap({ outside: out, matches: [match(best)], legacy: legacy({ unitCoverage: inRange }) }).lead;

      it("says the release lacks it although the match is moderate and behind the unit in range", () => {
        expect(covered(covering())).toBe("Not in Prefect 3.0.7: this needs Prefect 3.1.0 or later.");
        const named = covering({ missing: ["asset_deps"], known: ["asset_deps"] });
        expect(covered(named)).toBe("Not in Prefect 3.0.7: `asset_deps` needs Prefect 3.1.0 or later.");
      });

      it.each([
        ["it misses the question's rarest word", covering({ coverage: { share: 0.7, rarest: false } })],
        ["it covers little of the question", covering({ coverage: { share: 0.55, rarest: true } })],
        ["it is matched weakly", covering({ confidence: 0.35 })],
        ["the best unit in range is matched confidently", covering({ confidence: 0.9 }), 0.7],
        ["the release has its main name", covering({ known: ["asset_deps"] })],
      ])("stays silent when %s", (_, out, best?: number) => {
        expect(covered(out, best)).not.toMatch(/^Not in Prefect/);
      });

      it.each([
        ["covers the question about as well", { share: 0.5, rarest: false }, 0.52],
        ["covers the rarest word too", { share: 0.2, rarest: true }, 0.52],
        // "Which setting controls that, and what's the default?" is covered by any list of settings.
        ["covers a fair part of it, however much more the other covers", { share: 0.3, rarest: false }, 0.52],
        ["is matched far better", { share: 0.06, rarest: false }, 0.65],
      ])("stays silent when the best unit in range %s", (_, inRange, best) => {
        expect(covered(covering(), best, inRange)).not.toMatch(/^Not in Prefect/);
      });
    });

    it("follows a removal with what the asker's release does instead, from a unit that matches well", () => {
      const old: AnswerUnit = { ...toml, id: "old-cmd", versions: "<3", answer: "Run the old command." };
      const now: AnswerUnit = { ...unit, id: "new-cmd", answer: "Pause it with the new command." };
      const gone: OutsideMatch = { unit: old, confidence: 0.9, similarity: 0.9, exact: ["old_command"] };
      const p = trap({
        version: { ...V, version: "3.4.20", resolved: "3.4.20" },
        releases: ["2.20.25", "3.0.0", "3.4.20"],
        outside: gone,
        matches: [match(0.7, 0.7, now)],
      });
      expect(p.lead).toBe(
        "Not in Prefect 3.4.20 any more: this applied up to Prefect 2.20.25. In 3.4.20: pause it with the new command.",
      );
      const weak = trap({
        version: { ...V, version: "3.4.20", resolved: "3.4.20" },
        releases: ["2.20.25", "3.0.0", "3.4.20"],
        outside: gone,
        matches: [match(0.3, 0.3, now)],
      });
      expect(weak.lead).toBe("Not in Prefect 3.4.20 any more: this applied up to Prefect 2.20.25.");
    });

    it("says so for a unit the question names nothing of, when the facts confirm a name it is about is missing", () => {
      const p = trap({ outside: outside(0.85, [], ["prefect config view"]), matches: [match(0.5)] });
      expect(p.lead).toBe("Not in Prefect 3.0.7: this needs Prefect 3.1.0 or later.");
    });

    it("stays silent on a how-to that names nothing the release lacks: the later unit's way is not the only one", () => {
      const asked = (kind: Question["kind"]) =>
        trap({
          question: question({ kind }),
          outside: outside(0.85, [], ["prefect config view"]),
          matches: [match(0.5)],
        }).lead;
      expect(asked("yes-no")).toMatch(/^Not in Prefect 3\.0\.7/);
      expect(asked("how-to")).not.toMatch(/^Not in Prefect/);
    });

    it.each([
      ["yes-no", /^Not in Prefect 3\.0\.7/],
      // Asked how, a unit in range matched surely is the asker's way to do it on their release.
      ["how-to", /^`\.map\(\)` returns its futures/],
    ] as const)("for a %s question, weighs a later release's unit against a sure one in range", (kind, lead) => {
      const p = trap({
        question: question({ kind }),
        outside: outside(0.95, [], ["prefect config view"]),
        matches: [match(0.7)],
      });
      expect(p.lead).toMatch(lead);
    });

    it("stays silent when the names the asker wrote are all there and the unit's main name is another one", () => {
      // "Retry only on a TimeoutError?": a unit about `.result(timeout=…)` raising TimeoutError, out of range for the
      // release, matched on the exception's name, not on what the release lacks.
      const main = { ...outside(0.85, ["TimeoutError"], ["prefect.toml"]), unit: { ...toml, about: ["prefect.toml"] } };
      expect(trap({ outside: main }).lead).not.toMatch(/^Not in Prefect/);
      const written = { ...main, exact: ["prefect.toml"] };
      expect(trap({ outside: written }).lead).toMatch(/^Not in Prefect 3\.0\.7: `prefect\.toml` needs/);
    });

    it("names the unit's main name when the facts say the release lacks it", () => {
      const main = { ...outside(0.85, [], ["prefect.toml"]), unit: { ...toml, about: ["prefect.toml", "profiles"] } };
      expect(trap({ outside: main }).lead).toBe("Not in Prefect 3.0.7: `prefect.toml` needs Prefect 3.1.0 or later.");
    });

    it.each([
      // The facts date the name before the unit's range (a 3.x unit about a name that came earlier): its own arrival.
      [{ "prefect.toml": "3.0.9" }, "Not in Prefect 3.0.7: `prefect.toml` needs Prefect 3.0.9 or later."],
      [{}, "Not in Prefect 3.0.7: `prefect.toml` needs Prefect 3.1.0 or later."],
      [{ "prefect.toml": "3.2.0" }, "Not in Prefect 3.0.7: `prefect.toml` needs Prefect 3.1.0 or later."],
    ])("dates a missing name by the facts when they say it came earlier: %j", (arrives, lead) => {
      const main = {
        ...outside(0.85, [], ["prefect.toml"]),
        arrives,
        unit: { ...toml, about: ["prefect.toml", "profiles"] },
      };
      expect(trap({ outside: main }).lead).toBe(lead);
    });

    it.each([
      ["the release has it under another name", [], false],
      ["the release has no name for it", ["PREFECT_X"], true],
    ])("on a setting's unit, traps only when %s", (_, missing, trapped) => {
      const setting = { ...outside(0.9, ["PREFECT_X"], missing), unit: { ...toml, setting: "PREFECT_X" } };
      expect(trap({ outside: setting }).lead.startsWith("Not in Prefect")).toBe(trapped);
    });
  });
});

describe("planAnswer with the asker's values", () => {
  const scheduled = (answer: string, code: string): AnswerUnit => ({
    ...unit,
    id: "scheduled",
    answer,
    example: { language: "python", code },
  });
  const asked = (text: string, u: AnswerUnit) =>
    planAnswer(
      input({
        question: plainQuestion(text, {
          kind: "how-to",
          values: { names: [], seconds: 900, said: "15 minutes", times: null, poolType: null, clock: null },
        }),
        matches: [match(0.9, 0.9, u)],
      }),
    );

  it("writes a number into the example only: the lead's prose describes its own number", () => {
    const u = scheduled("Use `interval=30` for sub-minute periods.", 'f.serve(name="x", interval=30)');
    const plan = asked("run it every 15 minutes", u);
    expect(plan.lead).toBe("Use `interval=30` for sub-minute periods.");
    expect(plan.example?.code).toContain("interval=900");
    expect(plan.details.join(" ")).toMatch(/uses your value: `interval=900` \(15 minutes\)/);
  });

  /** A how-to stating a time of day in Berlin. */
  const atTime = (text: string, clock: { hour: number; minute: number; days?: string }) =>
    plainQuestion(text, {
      kind: "how-to",
      values: { names: [], seconds: null, said: null, times: null, poolType: null, clock, timezone: "Europe/Berlin" },
    });

  it("writes a time of day and a zone into the lead, with the clock time the lead states", () => {
    const u = scheduled(
      'Pass `Cron("30 7 * * 1-5", timezone="UTC")`: it runs at 7:30 on weekdays.',
      'f.serve(name="x", schedules=[Cron("30 7 * * 1-5", timezone="UTC")])',
    );
    const plan = planAnswer(
      input({ question: atTime("weekdays at 9 berlin time", { hour: 9, minute: 0 }), matches: [match(0.9, 0.9, u)] }),
    );
    expect(plan.lead).toBe('Pass `Cron("0 9 * * 1-5", timezone="Europe/Berlin")`: it runs at 9:00 on weekdays.');
    expect(plan.example?.code).toContain('Cron("0 9 * * 1-5", timezone="Europe/Berlin")');
    expect(plan.details.join(" ")).not.toMatch(/uses your value/);
  });

  it("writes them into a guess at the reading too (a unit below the confidence to answer outright)", () => {
    const u = scheduled(
      'In `prefect.yaml` a schedule takes `cron: "0 6 * * 1-5"` and a `timezone` (`America/New_York`).',
      'f.serve(name="x", cron="0 6 * * 1-5")',
    );
    const plan = planAnswer(
      input({
        question: atTime("run it at 7am Europe/Berlin with prefect.yaml", { hour: 7, minute: 0, days: "*" }),
        matches: [match(0.4, 0.4, u)],
      }),
    );
    expect(plan.lead).toBe(
      `${TENTATIVE_OPENER} In \`prefect.yaml\` a schedule takes \`cron: "0 7 * * *"\` and a \`timezone\` (\`Europe/Berlin\`).`,
    );
  });
});

describe("planAnswer: details marked for later releases", () => {
  const detailed: AnswerUnit = {
    ...unit,
    details: [
      '`Cron("0 6 * * *", timezone="Europe/Berlin")` (3.2+) carries the zone in Python.',
      "`prefect.schedules` is 3.2+ (3.2+); earlier releases use `CronSchedule`.",
      "`prefect.yaml` takes a `schedules:` list.",
    ],
  };
  it.each([
    ["2.19.3", [false, true, true]],
    ["3.4.20", [true, true, true]],
  ])("on %s, a detail is kept unless all it names arrives later and it says nothing of before", (release, kept) => {
    const plan = planAnswer(
      input({ version: { ...V, version: release, resolved: release }, matches: [match(0.9, 0.9, detailed)] }),
    );
    expect(detailed.details.map((d) => plan.details.includes(d))).toEqual(kept);
  });
});

describe("planAnswer: a unit's value templates take the asker's values", () => {
  const templated = (answer: string, values: Partial<Question["values"]>) =>
    planAnswer(
      input({
        question: plainQuestion("q", {
          kind: "how-to",
          values: { names: [], seconds: null, said: null, times: null, poolType: null, clock: null, ...values },
        }),
        matches: [match(0.9, 0.9, { ...unit, id: "templated", answer })],
      }),
    ).lead;

  it.each([
    [
      "Use `cache_expiration=timedelta({{timedelta|hours=6}})`.",
      { seconds: 86_400, said: "a day" },
      "timedelta(days=1)",
    ],
    ["Use `cache_expiration=timedelta({{timedelta|hours=6}})`.", { seconds: 5_400, said: "90 min" }, "minutes=90"],
    ["Use `cache_expiration=timedelta({{timedelta|hours=6}})`.", {}, "timedelta(hours=6)"],
    [
      "Run `prefect work-pool set-concurrency-limit <pool> {{limit|3}}`.",
      { limit: 5 },
      "set-concurrency-limit <pool> 5",
    ],
    ["Run `prefect work-pool set-concurrency-limit <pool> {{limit|3}}`.", {}, "set-concurrency-limit <pool> 3"],
  ])("%s with %j → %s", (answer, values, expected) => {
    expect(templated(answer, values)).toContain(expected);
  });
});

describe("planAnswer with the asker's own module names", () => {
  const loggers: AnswerUnit = {
    ...unit,
    id: "extra-loggers",
    answer:
      "List them in `PREFECT_LOGGING_EXTRA_LOGGERS` (for example `PREFECT_LOGGING_EXTRA_LOGGERS=my_package,botocore`).",
    example: {
      language: "python",
      code: 'import os\n\nos.environ["PREFECT_LOGGING_EXTRA_LOGGERS"] = "my_package,botocore"\n',
    },
    slots: { modules: "my_package,botocore" },
  };
  const planned = (modules: string[], u: AnswerUnit = loggers) =>
    planAnswer(
      input({
        question: plainQuestion("logs from our libs are missing in the UI"),
        matches: [match(0.9, 0.9, u)],
        askerModules: modules,
      }),
    );

  it.each([
    [["acme.etl", "dwh_utils"], "PREFECT_LOGGING_EXTRA_LOGGERS=acme.etl,dwh_utils"],
    [[], "PREFECT_LOGGING_EXTRA_LOGGERS=my_package,botocore"],
  ])("names %j → %s", (modules, written) => {
    const plan = planned(modules);
    expect(plan.lead).toContain(written);
    expect(plan.example?.code ?? "").toContain(written.split("=")[1]!);
  });

  it("leaves a unit without a slot as written", () => {
    const { slots: _none, ...plain } = loggers;
    expect(planned(["acme.etl"], plain).lead).toContain("my_package,botocore");
  });
});

describe("planAnswer for a message that asks several things", () => {
  const where: AnswerUnit = {
    ...unit,
    id: "results-where",
    answer: "Persisted results go to `~/.prefect/storage/` by default.",
    details: [],
  };
  const s3: AnswerUnit = {
    ...unit,
    id: "results-s3",
    answer: "Set a default result storage block to send every flow's results to S3.",
    details: [],
    sources: [{ title: "Results", url: "https://docs.prefect.io/v3/results" }],
  };
  const password: AnswerUnit = { ...unit, id: "db-password", setting: "PREFECT_SERVER_DATABASE_PASSWORD", details: [] };
  const part = (text: string, matches: UnitMatch[], whole = 0.6) => ({ question: plainQuestion(text), matches, whole });
  const asked = "where do results go by default, and how do i send them to s3?";
  const plan = (parts: PlanInput["parts"]) =>
    planAnswer(input({ question: plainQuestion(asked), matches: [match(0.8, 0.8, where)], parts }));

  it("answers each part from its own unit, after the lead", () => {
    const p = plan([
      part("where do results go by default,", [match(0.8, 0.8, where)]),
      part("and how do i send them to s3?", [match(0.7, 0.7, s3), match(0.3, 0.3, where)]),
    ]);
    expect(p.lead).toBe("Persisted results go to `~/.prefect/storage/` by default.");
    expect(p.also).toEqual(["Set a default result storage block to send every flow's results to S3."]);
    expect(p.sources.map((s) => s.url)).toContain("https://docs.prefect.io/v3/results");
    // A part asked before the lead's follows it all the same: the lead answers the message as a whole.
    const first = plan([
      part("how do i send them to s3?", [match(0.7, 0.7, s3)]),
      part("where do results go by default?", [match(0.8, 0.8, where)]),
    ]);
    expect(first.lead).toBe("Persisted results go to `~/.prefect/storage/` by default.");
    expect(first.also).toHaveLength(1);
  });

  it.each([
    ["its best unit is not trusted", [match(0.3, 0.3, s3)]],
    ["the lead's unit matches it nearly as well", [match(0.7, 0.7, s3), match(0.65, 0.65, where)]],
    ["its best unit is the lead's", [match(0.9, 0.9, where)]],
    // A setting's docstring shares everyday words ("server", "database") with the part, not the setting's own.
    ["a setting's unit matches it on other words than the setting's", [match(0.9, 0.9, password)]],
  ])("leaves a part to the lead when %s", (_, matches) => {
    const p = plan([part("where do results go by default,", [match(0.8, 0.8, where)]), part(asked, matches)]);
    expect(p.also).toBeUndefined();
  });

  it("answers the other parts after a lead the facts give", () => {
    const p = planAnswer(
      input({
        question: plainQuestion(asked),
        matches: [match(0.8, 0.8, where)],
        parts: [
          part("where do results go by default,", [match(0.8, 0.8, where)]),
          part("and how do i send them to s3?", [match(0.7, 0.7, s3)]),
        ],
        hooks: [() => ({ text: "No `thing` in 3.4.20.", confidence: 1, sources: [], about: ["thing"], lacks: true })],
      }),
    );
    expect(p.lead).toBe("No `thing` in 3.4.20.");
    expect(p.also).toEqual(["Set a default result storage block to send every flow's results to S3."]);
  });

  it("leaves a part to the lead when the whole message does not call for its unit", () => {
    const p = plan([
      part("where do results go by default,", [match(0.8, 0.8, where)]),
      part("and how do i send them to s3?", [match(0.7, 0.7, s3)], 0.2),
    ]);
    expect(p.also).toBeUndefined();
  });

  it("leaves a comparison asked in two sentences to its sides", () => {
    const p = plan([
      part("should i pause or suspend?", [match(0.8, 0.8, where)]),
      { ...part("whats the difference", [match(0.7, 0.7, s3)]), question: plainQuestion("pause vs suspend?") },
    ]);
    expect(p.also).toBeUndefined();
  });
});

describe("planAnswer: a unit's yes or no to a question that asks what or where", () => {
  const memory: AnswerUnit = {
    ...unit,
    id: "results-memory",
    answer: "No — results are kept in memory only unless persistence is on: set `persist_result=True`.",
    details: [],
  };
  it.each([
    ["where do results go by default?", "other", "Results are kept in memory only"],
    // Asked without a question word, "still the case in 3?" is a yes/no question all the same.
    ["in 2 results were in memory. still the case in 3?", "other", "No — results"],
    ["do results stay in memory?", "yes-no", "No — results"],
  ] as const)("%s", (text, kind, opens) => {
    const p = planAnswer(input({ question: plainQuestion(text, { kind }), matches: [match(0.8, 0.8, memory)] }));
    expect(p.lead.startsWith(opens)).toBe(true);
  });
});
