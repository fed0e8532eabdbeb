// Everyday wordings → the answer unit that answers them. The vocabulary is the units' phrasings (data), so these
// rows test the matching mechanism and the pack together; none of them is a rule in code.
import { describe, expect, it } from "vitest";
import {
  type AnswerUnit,
  createParaphrases,
  DEFAULT_PACK_DIR,
  loadAnswerUnits,
  loadNoteLibrary,
  loadParaphrases,
  loadPrefectFacts,
  loadSettingsFacts,
  settingUnits,
} from "../../../knowledge/index.js";
import type { Question } from "../understand/index.js";
import { asksAboutSetting, plainQuestion, questionKind, readFocus, readVersionStatement } from "../understand/index.js";
import { coreWords, UnitIndex } from "./unit-index.js";

const facts = loadPrefectFacts();
const settings = loadSettingsFacts();
// Built as the engine builds it: the notes tell common words from specific ones, and the settings' facts say when a
// question states a setting's default.
const notesText = loadNoteLibrary(DEFAULT_PACK_DIR).notes.map((n) =>
  [n.title, ...n.sections.map((s) => s.prose)].join("\n"),
);
const index = new UnitIndex(loadAnswerUnits(), notesText, loadParaphrases(), settings);

function question(text: string): Question {
  const focus = readFocus(text, text, facts, settings, facts.latest);
  return plainQuestion(text, {
    kind: questionKind({ text, hasCode: false, quotesError: false, namesSetting: focus.settings.length > 0 }),
    focus,
  });
}

describe("UnitIndex.match", () => {
  it.each([
    ["does task.map return results in the same order as the inputs?", "map-order"],
    ["what happens to my running flow runs when I restart the prefect server?", "server-restart-running-runs"],
    ["How do I pass secrets to my flow running on ECS?", "secrets-on-ecs"],
    ["how do I set a default value for a flow parameter that shows up in the UI?", "flow-parameter-default-ui"],
    ["can I change the log level of my flows with an environment variable instead of code?", "log-level-env"],
    ["I want 5 retries with the wait growing each time plus some jitter", "task-retries"],
    ["one task occasionally hangs forever on a socket. can prefect kill it after 5 min?", "task-timeout"],
    ["what is the default value of PREFECT_API_REQUEST_TIMEOUT?", "setting-prefect-api-request-timeout"],
    ["can I set the API url via env?", "setting-prefect-api-url"],
    // A basic question said word for word, though other units' texts repeat its words ("self host") more.
    ["how do i self host prefect server?", "start-local-server"],
  ])("%s → %s", (text, id) => {
    const [best] = index.match(question(text), facts.latest);
    expect(best?.unit.id).toBe(id);
    expect(best!.confidence).toBeGreaterThanOrEqual(0.62);
  });

  it("ranks lower a unit that tells the asker to do what they say they already do", () => {
    const text =
      "i `.submit()` a bunch of tasks but they need to run one after another. how do i make submit run them sequentially?";
    const [best, next] = index.match(question(text), "2.20.25");
    expect(best?.unit.id).toBe("b-task-runners-2x");
    // The unit that says to submit them matched first before the asker's practice was read.
    expect(next?.unit.id).toBe("v-task-runner-needs-submit-2x");
  });

  it.each([
    // What the asker does, said inside the asking sentence ("tasks i `.submit()`").
    "in 2.19 how do i force tasks i `.submit()` in a flow to run one at a time instead of concurrently?",
    // The manner set aside ("instead of concurrently") is not what a unit about running them concurrently answers.
    "i `.submit()` a bunch of tasks in a loop but they hit a legacy sftp. how do i make the submitted tasks run one at a time instead of concurrently?",
  ])("answers a 2.x asker who wants submitted tasks one at a time with the sequential runner: %s", (text) => {
    const [best] = index.match(question(text), "2.19.3");
    expect(best?.unit.id).toBe("b-task-runners-2x");
  });

  it.each([
    // A goal in the words a unit's phrasing tells as happening against the wish ("… but they still run one at a time").
    ["how do i make submitted tasks run one at a time?", "2.19.3", "b-task-runners-2x"],
  ])("%s (%s) → %s", (text, release, id) => {
    const [best] = index.match(question(text), release);
    expect(best?.unit.id).toBe(id);
  });

  it("does not answer with a unit whose phrasing sets aside the very way asked for ('… instead of the cli')", () => {
    const ids = index.match(question("cli to create an ecs work pool?"), "3.4.20").map((m) => m.unit.id);
    expect(ids[0]).not.toBe("o-terraform-provider");
    // Asked for the other way, the same phrasing still finds it.
    const [best] = index.match(question("can i manage work pools with terraform instead of the cli?"), "3.4.20");
    expect(best?.unit.id).toBe("o-terraform-provider");
  });

  it("puts a setting before a unit whose answer names none, for a yes/no asking for a setting it does not name", () => {
    const text = "i know about log_prints=True but i have like 60 flows, is there one switch to turn it on everywhere?";
    const input = { text, hasCode: false, quotesError: false, namesSetting: false };
    const q = { ...question(text), asksSetting: asksAboutSetting(input) };
    expect(q.asksSetting).toBe(true);
    const all = new UnitIndex(
      [...loadAnswerUnits(), ...settingUnits(settings)],
      notesText,
      loadParaphrases(),
      settings,
    );
    const [best] = all.match(q, "2.20.3");
    expect(best?.unit.setting ?? best?.unit.answer).toMatch(/PREFECT_LOGGING_LOG_PRINTS/);
  });

  it.each([
    ["self hosted server. which knob decides when a run counts as late, and what's the default?", /late/],
    ["k8s worker here. how do i stop one task from hanging forever?", /timeout/],
  ])("reads a short statement before the question as the scene, not the topic: %s", (text, about) => {
    const all = new UnitIndex(
      [...loadAnswerUnits(), ...settingUnits(settings)],
      notesText,
      loadParaphrases(),
      settings,
    );
    const [best] = all.match(question(text), "3.4.20");
    expect([best?.unit.id, ...(best?.unit.about ?? [])].join(" ").toLowerCase()).toMatch(about);
  });

  it("puts a setting before a unit whose answer names none, for a question asking which setting", () => {
    const q = question(
      "persisted task results end up in ~/.prefect/storage on the worker box. which setting changes where local results get written?",
    );
    expect(q.kind).toBe("which-setting");
    const [best] = index.match(q, "3.4.20");
    expect(best?.unit.setting ?? best?.unit.answer).toMatch(/PREFECT_/);
  });

  // Everyday words ("seems", "only", "every") are conversation, not topic, however rarely the units use them.
  it.each([
    [
      "our worker seems to pick up runs only every ~10s. which setting is that?",
      "setting-prefect-worker-query-seconds",
    ],
  ])("%s → %s first, through the chatter", (text, id) => {
    const [best] = index.match(question(text), facts.latest);
    expect(best?.unit.id).toBe(id);
  });

  // A unit that lists a whole family answers "which ... are there", not "how do I do this one thing".
  it.each([
    ["how do i kill a stuck flow run from the terminal?", undefined],
    ["list all the prefect flow-run cli commands", "list"],
  ])("%s → a unit of shape %s", (text, shape) => {
    const [best] = index.match(question(text), facts.latest);
    expect(best!.unit.shape).toBe(shape);
  });

  it("reads the words a glossed question kept in its own language as grammar, not topic", () => {
    const english = question("how do i make a task retry 3 times when it fails?");
    const glossed = { ...question("porfa how do i make a task retry 3 times cuando it fails?"), language: "Spanish" };
    const [a] = index.match(english, facts.latest);
    const [b] = index.match(glossed, facts.latest);
    expect(b?.unit.id).toBe(a?.unit.id);
    expect(b!.confidence).toBeCloseTo(a!.confidence, 1);
  });

  // The asker's own identifiers say whose code it is, not what is asked: they leave the match as it was.
  it.each([
    [
      "logs from our lib dont show up in the prefect ui",
      "logs from our lib acme_ingestkit dont show up in the prefect ui",
    ],
    ["can a task retry after a timeout?", "can the zorblax_v2 task retry after a timeout?"],
  ])("%s ≈ %s", (plain, named) => {
    const [a] = index.match(question(plain), facts.latest);
    const [b] = index.match(question(named), facts.latest);
    expect(b?.unit.id).toBe(a?.unit.id);
    expect(b!.confidence).toBeCloseTo(a!.confidence, 1);
  });

  it("counts a name the unit is about when the asker's code uses it, below one the question writes out", () => {
    const text = "why does this raise TypeError: unsupported operand type(s) for +: 'Variable' and 'int'?";
    const code = 'from prefect.variables import Variable\nlimit = Variable.get("batch_limit")\nprint(limit + 1)';
    const rank = (matches: { unit: { id: string } }[]) => matches.findIndex((m) => m.unit.id === "b-variable-get-2x");
    const withCode = index.match(question(text), "2.19.3", 50, false, code);
    const without = index.match(question(text), "2.19.3", 50);
    expect(rank(withCode)).toBeGreaterThanOrEqual(0);
    expect(rank(without) === -1 || rank(withCode) < rank(without)).toBe(true);
    expect(withCode[rank(withCode)]!.exact).toEqual([]);
  });

  it("does not take a keyword the asker's code already passes for what the question is about", () => {
    const text = "i only want to retry when the api returns 429, not on 400s.";
    const code = "@task(retries=5, retry_delay_seconds=30)\ndef call_api(path):\n    return httpx.get(path).json()";
    const [best] = index.match(question(text), "3.4.20", 3, false, code);
    expect(best?.unit.about).toContain("retry_condition_fn");
  });

  // "Which one wins here?" names nothing itself: the keywords its code passes are what it points at.
  it("takes the keywords the code passes for the topic when the asking sentence names nothing of its own", () => {
    const code =
      '@task(cache_policy=INPUTS + TASK_SOURCE, cache_key_fn=lambda ctx, p: p["day"])\ndef rollup(day, region): ...';
    const [best] = index.match(
      question("which one actually wins here? i see a warning in the logs"),
      "3.1.4",
      3,
      false,
      code,
    );
    expect(best?.unit.about).toContain("cache_key_fn");
  });

  it("reads the asking sentence with the Prefect words its everyday phrases stand for (paraphrases, in data)", () => {
    const text = "keep the geocoding api at 10 rps at most, whatever runs";
    const bare = new UnitIndex(index.units, notesText, undefined, settings);
    expect(index.match(question(text), facts.latest)[0]?.unit.id).toBe("b-rate-limit");
    expect(bare.match(question(text), facts.latest)[0]?.unit.id).not.toBe("b-rate-limit");
  });

  it("credits a unit about the name an everyday phrase stands for, as a smaller exact match", () => {
    const unit = (id: string, name: string): AnswerUnit => ({
      id,
      origin: "test",
      asks: ["run cleanup code when the export breaks", "clean the temp files up when the export breaks"],
      about: [name],
      answer: "Attach a function to the flow.",
      details: [],
      errors: [],
      sources: [{ title: "t", url: "https://docs.prefect.io/v3/x" }],
    });
    const units = [unit("completion", "on_completion"), unit("failure", "on_failure")];
    const meant = new UnitIndex(units, [], createParaphrases([{ says: ["hook that in"], means: "on_failure" }]));
    const text = "the export breaks and leaves temp files. where do i hook that in?";
    const [best, other] = meant.match(question(text), facts.latest, 2);
    expect(best?.unit.id).toBe("failure");
    // The phrase's words alone lift it a little (its meaning is matched as one more reading); the name lifts it more.
    expect(best!.confidence - other!.confidence).toBeGreaterThan(0.05);
    const bare = new UnitIndex(units, []);
    const [a, b] = bare.match(question(text), facts.latest, 2);
    expect(a!.confidence).toBe(b!.confidence);
  });

  it("takes as candidates the units an everyday phrase's Prefect words find, beyond the asker's own words", () => {
    const text =
      "when someone pushes to main in github i want deployment `docs/prod` to run. is there a way without a server of our own?";
    const ids = index.match(question(text), facts.latest, 40).map((m) => m.unit.id);
    const bare = new UnitIndex(index.units, notesText, undefined, settings);
    const bareIds = bare.match(question(text), facts.latest, 40).map((m) => m.unit.id);
    expect(ids).toContain("a-webhooks-cloud");
    expect(bareIds).not.toContain("a-webhooks-cloud");
  });

  it.each([
    ["how do I make flows go faster with a GPU?"],
    ["is there a prefect plugin for excel spreadsheets?"],
    ["how do I run this flow?"],
  ])("%s → no confident unit", (text) => {
    const [best] = index.match(question(text), facts.latest);
    expect(best?.confidence ?? 0).toBeLessThan(0.62);
  });

  it.each([
    ["self-hosted", "is there a built-in way to clean up old data on our self-hosted server?", "self-hosted"],
    ["prefect 3", "our project pins pydantic 1.10. Can we upgrade to prefect 3?", "prefect 3"],
  ])("does not count an English compound (%s) as a name the unit is about", (_, text, word) => {
    for (const m of index.match(question(text), facts.latest, 10)) expect(m.exact).not.toContain(word);
  });

  it("trusts a unit whose error message the thread quotes, whatever the words around it", () => {
    const withError = index.units.find((u) => !u.versions && u.errors[0] && u.errors[0].length >= 10)!;
    const text = `after our upgrade this shows up:\n${withError.errors[0]!.toUpperCase()}\nno clue`;
    const matches = index.match(question(text), facts.latest, 50);
    const hit = matches.find((m) => m.unit.id === withError.id);
    expect(hit?.explainsError).toBe(true);
    expect(hit?.confidence).toBeGreaterThanOrEqual(0.75);
  });

  describe("the unit that explains a quoted error", () => {
    const errorUnit = (id: string, errors: string[]): AnswerUnit => ({
      id,
      origin: "test",
      asks: [`question about ${id} number one`, `question about ${id} number two`],
      about: [],
      answer: `The answer of ${id}.`,
      details: [],
      errors,
      sources: [{ title: "t", url: "https://docs.prefect.io/v3/x" }],
    });
    const small = new UnitIndex([
      errorUnit("by-class", ["PrefectImportError"]),
      errorUnit("by-message", ["`prefect.deployments:Deployment` has been removed."]),
    ]);
    const explains = (text: string) =>
      small
        .match(question(text), facts.latest, 5)
        .filter((m) => m.explainsError)
        .map((m) => m.unit.id);

    it.each([
      ["straight quotes", "PrefectImportError: 'prefect.deployments:Deployment' has been removed. Use x"],
      ["curly quotes", "PrefectImportError: ‘prefect.deployments:Deployment’ has been removed."],
      ["no quotes", "PrefectImportError: prefect.deployments:Deployment has been removed."],
    ])("matches the message whatever its quote marks (%s), over a unit matching only the class", (_, line) => {
      expect(explains(`got this:\n${line}\nany idea?`)).toEqual(["by-message"]);
    });

    it("reads a module path in a message as one name: `prefect` is not `prefect.infrastructure`", () => {
      const modules = new UnitIndex([errorUnit("no-prefect", ["No module named 'prefect'"])]);
      const explained = (line: string) =>
        modules.match(question(`got this:\n${line}\nany idea?`), facts.latest, 5).some((m) => m.explainsError);
      expect(explained("ModuleNotFoundError: No module named 'prefect'")).toBe(true);
      expect(explained("ModuleNotFoundError: No module named 'prefect.infrastructure'")).toBe(false);
    });

    it("trusts less a unit that names nothing the error quotes: it matched the words every such error shares", () => {
      const asks = ["ImportError cannot import name after upgrading", "import fails with cannot import name"];
      const imports = new UnitIndex([
        { ...errorUnit("names-cron", []), asks, answer: "`Cron` arrived in 3.2.0." },
        { ...errorUnit("names-other", []), asks, answer: "`NO_CACHE` arrived in 3.1.12." },
      ]);
      const confidence = (text: string, id: string) =>
        imports.match(question(text), facts.latest, 5).find((m) => m.unit.id === id)?.confidence ?? 0;
      const asked = "got this:\nImportError: cannot import name 'Cron'\nany idea?";
      expect(confidence(asked, "names-other")).toBeLessThan(0.85 * confidence(asked, "names-cron"));
      // Without a quoted name the same words match both alike.
      const bare = "got an import error: cannot import name, any idea?";
      expect(confidence(bare, "names-other")).toBeCloseTo(confidence(bare, "names-cron"), 2);
    });

    it("falls back to the unit matching the class when no unit matches the message", () => {
      expect(explains("got this:\nPrefectImportError: 'prefect.foo:Bar' has been removed.\nany idea?")).toEqual([
        "by-class",
      ]);
    });
  });

  it.each([
    ["a status code inside another number", "Finished task-run 4012 at 12:00:01"],
    ["a status code alone", "the server answered 401 and then nothing"],
  ])("does not take %s for a quoted error", (_, text) => {
    for (const m of index.match(question(text), facts.latest, 50)) expect(m.explainsError).toBeUndefined();
  });

  it("keeps a setting unit to the releases that have the setting, and finds the renamed one by its old name", () => {
    const [best] = index.match(question("which env var is PREFECT_UI_SERVE_BASE now?"), "3.4.20");
    expect(best?.unit.setting).toBe("PREFECT_SERVER_UI_SERVE_BASE");
  });
});

/** A unit written for a test of the mechanism, not from the pack. */
const unit = (id: string, asks: string[], about: string[]) => ({
  id,
  asks,
  about,
  answer: `The answer of ${id}.`,
  details: [],
  errors: [],
  sources: [{ title: "Docs", url: "https://docs.prefect.io/v3" }],
  origin: "test",
});

describe("UnitIndex.match: a short question in the very words of a phrasing", () => {
  const units = [
    unit("what-deployment", ["what is a deployment?", "why do i need a deployment for my flow?"], []),
    unit("delete-deployments", ["delete every deployment of a flow", "remove old deployments from the server"], []),
  ];

  it("is as specific as that phrasing, not vague", () => {
    const index = new UnitIndex(units);
    const exact = index.match(plainQuestion("what is a deployment?"), "3.4.20")[0];
    expect(exact?.unit.id).toBe("what-deployment");
    expect(exact!.confidence).toBeGreaterThan(0.9);
    // As few words that are not one of its phrasings stay vague.
    const near = index.match(plainQuestion("deployment for the ui?"), "3.4.20")[0];
    expect(near?.confidence ?? 0).toBeLessThan(0.6);
  });

  it("matches a unit's basic questions only word for word", () => {
    const index = new UnitIndex([
      {
        ...unit("cache-basics", ["cache a task on its inputs for six hours", "reuse results across flow runs"], []),
        basics: ["how do i cache a task?"],
      },
      unit("no-cache", ["turn caching off for one task", "make one task never reuse a cached result"], []),
    ]);
    const plain = index.match(plainQuestion("How can I cache a task?"), "3.4.20")[0];
    expect(plain?.unit.id).toBe("cache-basics");
    expect(plain!.confidence).toBeGreaterThan(0.9);
    // A longer question with the same words is not the basic one.
    const longer = index.match(plainQuestion("how do i make this one task never use the cache?"), "3.4.20");
    expect(longer[0]?.unit.id).toBe("no-cache");
  });

  it("keeps the word a basic question opens with: a definition is not a way to do it", () => {
    const index = new UnitIndex([
      {
        ...unit("what-flow", ["what do I get from decorating a function", "why decorate my main function"], []),
        basics: ["what is a flow?"],
      },
      unit("self-host", ["run my own server instead of the cloud", "host the api and ui ourselves"], []),
    ]);
    const what = index.match(plainQuestion("what is a flow?"), "3.4.20")[0];
    expect(what?.unit.id).toBe("what-flow");
    expect(what!.confidence).toBeGreaterThan(0.9);
    // The same words asked how ("how do I … this flow?") share every word but the opener.
    const how = index.match(plainQuestion("how is a flow?"), "3.4.20")[0];
    expect(how?.confidence ?? 0).toBeLessThan(0.9);
  });
});

describe("coreWords: the words every phrasing of a unit says", () => {
  const server = [
    "turn on debug logs for the server",
    "debug logs for the server process",
    "server logs at debug level",
    "make the server log debug output",
  ];
  const any = () => true;

  it.each([
    ["words in nearly every phrasing", server, any, ["debug", "log", "server"]],
    ["only those the filter keeps (rare enough, topical)", server, (t: string) => t !== "log", ["debug", "server"]],
    ["none from too few phrasings", server.slice(0, 3), any, []],
    [
      "none that most phrasings leave out",
      ["see more log output", "turn on verbose output", "show debug lines", "louder logging"],
      any,
      [],
    ],
  ])("%s", (_, asks, keep, expected) => {
    expect(coreWords(asks, keep).sort()).toEqual(expected);
  });
});

describe("UnitIndex.coverage with everyday phrasings", () => {
  const units = [
    unit("timeouts", ["how do I set a timeout on a task?", "what does timeout_seconds do?"], ["timeout_seconds"]),
    unit("schedules", ["how do I run a deployment every hour?", "cron schedule for a flow"], ["cron"]),
  ];
  const paraphrases = createParaphrases([{ says: ["runs past"], means: "timeout timeout_seconds" }]);
  const asked = "kill the thing if it runs past ten minutes";

  it("calls a text that says none of the Prefect words of the question's phrases off its topic", () => {
    const index = new UnitIndex(units, [], paraphrases);
    const q = plainQuestion(asked);
    expect(index.coverage(q, "Give the deployment an interval: it runs every ten minutes.").topicMissed).toBe(true);
    expect(index.coverage(q, "Set timeout_seconds on the task: past it, the run fails.").topicMissed).toBe(false);
    expect(new UnitIndex(units).coverage(q, "Give the deployment an interval.").topicMissed).toBe(false);
  });

  it("finds the unit the phrases mean, trusted less than one the asker's own words find", () => {
    const q = plainQuestion(asked);
    const found = new UnitIndex(units, [], paraphrases).match(q, "3.4.20").find((m) => m.unit.id === "timeouts");
    expect(new UnitIndex(units).match(q, "3.4.20").some((m) => m.unit.id === "timeouts")).toBe(false);
    expect(found).toBeDefined();
    const direct = new UnitIndex(units).match(plainQuestion("set a timeout on the task"), "3.4.20")[0];
    expect(direct?.unit.id).toBe("timeouts");
    expect(found!.confidence).toBeLessThan(direct!.confidence);
  });
});

describe("UnitIndex.match with a name many units share", () => {
  const topics = ["pull steps", "build steps", "anchors", "triggers", "names", "push steps", "job variables", "tags"];
  const yamlUnits = (n: number) =>
    topics
      .slice(0, n)
      .map((topic, i) =>
        unit(`yaml-${i}`, [`how do I set up ${topic} in prefect.yaml?`, `${topic} in a yaml file`], ["prefect.yaml"]),
      );
  const bonus = (n: number) => {
    const [best] = new UnitIndex(yamlUnits(n)).match(
      plainQuestion("how do i set up pull steps in prefect.yaml for ci?"),
      "3.4.20",
    );
    expect(best?.unit.id).toBe("yaml-0");
    return best!.confidence - best!.similarity;
  };

  // `prefect.yaml`, `run_deployment`: where the question is asked, not which of the units about it answers it.
  it("gives a name every candidate shares less weight than a name few units are about", () => {
    expect(bonus(2)).toBeCloseTo(0.25, 5);
    expect(bonus(3)).toBeCloseTo(0.25, 5);
    expect(bonus(8)).toBeLessThan(0.16);
  });
});

describe("UnitIndex.match with a version written as its own sentence", () => {
  const units = [
    unit("compat", ["is prefect 3.1 client compatible with 3.4 server", "do client and server versions match?"], []),
    unit("schedule", ["cron schedule on weekdays", "deployment at a fixed hour"], []),
  ];

  // "prefect 3.4" says which version, not what the question is about.
  it("does not match a unit on the release numbers it happens to name", () => {
    const [best] = new UnitIndex(units).match(
      plainQuestion("can my deployment run every weekday at 7? prefect 3.4"),
      "3.4.20",
    );
    expect(best?.unit.id).toBe("schedule");
  });
});

describe("UnitIndex.match ranks by what the unit says about the asking sentence", () => {
  // The first unit's phrasings share the context's words; only the second one's answer speaks of what is asked.
  const units = [
    unit("deploy-names", ["deploy only some deployments of prefect.yaml", "prefect.yaml deploy by name"], []),
    {
      ...unit("cron-zone", ["run a deployment at a fixed time", "deployment schedule in prefect.yaml"], []),
      answer: "Give the schedule a cron string and a timezone: `0 9 * * 1-5` runs every weekday at nine, Berlin time.",
    },
  ];

  it("puts the unit whose text covers the asking sentence above one matched through the context", () => {
    const [best] = new UnitIndex(units).match(
      plainQuestion("how do i run etl every weekday at nine berlin time? we deploy with prefect.yaml"),
      "3.4.20",
    );
    expect(best?.unit.id).toBe("cron-zone");
  });
});

describe("UnitIndex.match weighs a short asking sentence's own words", () => {
  // The context sentence shares its words with the first unit; the short asking sentence is what the second answers.
  const units = [
    unit("stuck-pending", ["flow run stuck, the worker is gone"], []),
    {
      ...unit("cancel-cli", ["stop a flow run stuck forever"], []),
      answer: "Kill it from the terminal with `prefect flow-run cancel <id>`.",
    },
  ];

  it("ranks the unit that speaks of the asking sentence's words above the context's", () => {
    const ranked = new UnitIndex(units).match(
      plainQuestion("flow run stuck forever, the worker vm is gone. how do i kill it from the terminal"),
      "3.4.20",
    );
    expect(ranked.map((m) => m.unit.id)).toEqual(["cancel-cli", "stuck-pending"]);
    // Ranked, not rescored: the context's unit still matches the words better.
    expect(ranked[1]!.confidence).toBeGreaterThan(ranked[0]!.confidence);
  });

  // A pool the asker named `gpu-pool` is theirs: a unit whose example happens to name a "gpu" pool is not about it.
  it.each([
    ["we only want 3 runs on our `gpu-pool` at once, others should wait."],
    ["we only want 3 runs on our 'gpu-pool' at once, others should wait."],
  ])("leaves the words of the asker's own names out of the asking sentence: %s", (text) => {
    const pools = [
      {
        ...unit("paused", ["create a work pool that starts paused so runs wait"], []),
        answer: "Create it with `prefect work-pool create 'k8s-gpu' --paused`; runs wait.",
      },
      unit("limit", ["cap concurrent runs on a pool, the rest wait"], []),
    ];
    const ranked = new UnitIndex(pools).match(plainQuestion(text), "3.4.20");
    expect(ranked[0]!.unit.id).toBe("limit");
  });
});

// A deployment's or pool's hyphenated name says what the asker runs on it, except the part that says what it is.
it.each([
  ["every run of `nightly-dbt` shows up as Late and never starts. pool is `k8s-prod`", "late"],
  ["runs of our `dbt-nightly` deployment stay Late, nothing in the logs", "late"],
])("reads the asker's hyphenated names as theirs, not as the topic: %s", (text, id) => {
  const units = [
    unit("late", ["my deployment runs never start and stay Late", "runs sit there as Late"], []),
    unit("dbt", ["run dbt models nightly from a flow", "trigger a dbt build every night"], []),
  ];
  expect(new UnitIndex(units).match(plainQuestion(text), "3.4.20")[0]!.unit.id).toBe(id);
});

describe("UnitIndex.match with an asking sentence that points back", () => {
  const units = [
    unit("run-tags", ["read the current run's tags inside my flow code", "how do i read the tags in a flow?"], []),
    unit("variables", ["read a variable created in the UI", "get a variable's value in a flow"], []),
  ];

  it.each([
    ["made a variable called 'target_bucket' in the UI. how do i read it inside my flow code?", "variables"],
    ["made a variable called 'target_bucket' in the UI. how do i read tags inside my flow code?", "run-tags"],
  ])("reads the pointer with the sentence it stands for: %s", (text, id) => {
    expect(new UnitIndex(units).match(plainQuestion(text), "3.4.20")[0]?.unit.id).toBe(id);
  });
});

describe("UnitIndex.match for a planned move to the other major line", () => {
  const units = [
    {
      ...unit("storage-2x", ["upload flow code with build_from_flow storage", "build_from_flow script"], []),
      versions: "<3",
    },
    {
      ...unit("removed-3", ["build_from_flow script after upgrading", "what replaces build_from_flow"], []),
      versions: ">=3",
    },
  ];
  const q = plainQuestion("planning our move to prefect 3. can we keep our build_from_flow script as is?");

  it("takes the units of the planned line too, ahead of those that hold only before the move", () => {
    const index = new UnitIndex(units);
    expect(index.match(q, "2.20.10").map((m) => m.unit.id)).toEqual(["storage-2x"]);
    expect(index.match(q, "2.20.10", 3, false, "", "3.8.3")[0]?.unit.id).toBe("removed-3");
  });
});

describe("UnitIndex.match with an everyday phrase whose meaning a unit never says", () => {
  // Two units the words match about equally (the first a little better); only the second says what "at once" means.
  const units = [
    { ...unit("once", ["stop the worker after it picks up runs once"], []), answer: "Use `--run-once`." },
    {
      ...unit("limit", ["stop the worker after it picks up runs once"], []),
      answer: "Pass `--limit`, a concurrency cap.",
    },
  ];
  const asked = plainQuestion("how do i stop the worker picking up more than 3 runs at once?");

  it.each([
    [
      "ranks the unit that says the phrase's meaning first",
      createParaphrases([{ says: ["at once"], means: "concurrency" }]),
      "limit",
    ],
    ["keeps the order when no phrase is known", createParaphrases([]), "once"],
  ])("%s", (_, paraphrases, first) => {
    const ranked = new UnitIndex(units, [], paraphrases).match(asked, "3.4.20");
    expect(ranked[0]!.unit.id).toBe(first);
  });
});

describe("UnitIndex.match with a setting asked about in everyday words", () => {
  it.each([
    ["how long are events kept before the server deletes them? our postgres keeps growing", "EVENTS_RETENTION_PERIOD"],
    ["how far ahead does a worker pick up scheduled runs? our pods take a minute to start", "WORKER_PREFETCH_SECONDS"],
    // A question for a quantity asks for a setting's value, even with a release named beside it.
    ["how long does the prefect server keep events and can i shorten it? we're on 3.4", "EVENTS_RETENTION_PERIOD"],
  ])("finds the setting for %j without the word 'setting'", (text, setting) => {
    const [best] = index.match(question(text), "3.4.20");
    expect(best?.unit.setting).toContain(setting);
  });
});

describe("UnitIndex.match with a setting's default stated in the question", () => {
  const settingsFacts = loadSettingsFacts();
  const units = settingUnits(settingsFacts).filter((u) =>
    ["PREFECT_API_SERVICES_LATE_RUNS_AFTER_SECONDS", "PREFECT_API_SERVICES_LATE_RUNS_LOOP_SECONDS"].includes(
      u.setting!,
    ),
  );
  const asked = question("our runs get marked late after like 5 seconds when the worker is slow. can we loosen that?");
  const confidence = (index: UnitIndex, release: string) =>
    index.match(asked, release).find((m) => m.unit.setting === "PREFECT_API_SERVICES_LATE_RUNS_AFTER_SECONDS")!
      .confidence;

  // The value an asker sees is the default they never changed: 5 s until 2.16.6, 15 s after.
  it("is surer of the setting whose default at the asker's release is the number they state", () => {
    const withFacts = new UnitIndex(units, [], undefined, settingsFacts);
    const without = new UnitIndex(units);
    expect(confidence(withFacts, "2.14.3")).toBeGreaterThan(confidence(without, "2.14.3") + 0.1);
    expect(confidence(withFacts, "2.20.3")).toBeCloseTo(confidence(without, "2.20.3"), 5);
  });

  // A written unit that names the setting among what it is about explains the number the asker sees as well.
  it("is surer of a written unit about that setting too", () => {
    const written = unit(
      "loosen-late",
      ["how do I stop runs from being marked late so soon?"],
      ["PREFECT_API_SERVICES_LATE_RUNS_AFTER_SECONDS", "late runs"],
    );
    const of = (index: UnitIndex, release: string) =>
      index.match(asked, release).find((m) => m.unit.id === "loosen-late")!.confidence;
    const withFacts = new UnitIndex([written], [], undefined, settingsFacts);
    const without = new UnitIndex([written]);
    expect(of(withFacts, "2.14.3")).toBeGreaterThan(of(without, "2.14.3") + 0.1);
    expect(of(withFacts, "2.20.3")).toBeCloseTo(of(without, "2.20.3"), 5);
  });
});

describe("UnitIndex.match with a method called on the asker's own object", () => {
  const units = [
    unit("flow-serve", ["does serving need a work pool?", "long running process for scheduled runs"], ["Flow.serve"]),
    unit("task-serve", ["background task worker process", "serve tasks for delay"], ["Task.serve"]),
    unit("pools", ["which work pool type runs on kubernetes?", "kubernetes work pool setup"], ["work pool"]),
    unit("secret-load", ["load a secret block in my flow", "read the secret value"], ["Secret.load"]),
  ];
  const index = new UnitIndex(units);
  const exactOf = (text: string) =>
    Object.fromEntries(index.match(plainQuestion(text), "3.4.20").map((m) => [m.unit.id, m.exact]));

  // `my_flow.serve()` is `Flow.serve` written on the asker's own flow; its receiver says whose method it is.
  it.each([
    ["if i call my_flow.serve() will runs land on our kubernetes work pool?", ["flow-serve"]],
    ["does my_task.serve() start a task worker?", ["task-serve"]],
    ["if i call etl.serve() will runs land on our kubernetes work pool?", ["flow-serve", "task-serve"]],
    ["will runs land on our kubernetes work pool?", []],
    ["do i need 3 scripts each calling .serve() on a kubernetes work pool?", ["flow-serve", "task-serve"]],
    // The words say which type a receiver that names none is: right after a bare call, or next to its name elsewhere.
    ["how do i make the .serve()'d tasks run on our kubernetes work pool?", ["task-serve"]],
    ["we start 3 tasks with .serve() on our kubernetes work pool", ["task-serve"]],
    ["we call etl.serve() on a vm; the etl flow never lands on our kubernetes work pool", ["flow-serve"]],
    ["we call etl.serve() on a vm; the etl task never starts a worker", ["task-serve"]],
    // A type named as the place of the call ("in a flow") is not what it is called on.
    ["how do i get tasks i .serve() in a flow onto our kubernetes work pool?", ["task-serve"]],
    ["do i .serve() inside the flow or outside it for our kubernetes work pool?", ["flow-serve", "task-serve"]],
    // A pronoun after the call stands for the type named before it.
    ["the tasks in my flow land on our kubernetes work pool? i .serve() them", ["task-serve"]],
    // How many there are says nothing of what they are.
    ["i .serve() a bunch of tasks on our kubernetes work pool", ["task-serve"]],
    // A class calls its own method: `String.load` is not `Secret.load`.
    ['we keep values in blocks, `String.load("schema")`. does that still work?', []],
    ['we read keys with `Secret.load("key")` in the flow', ["secret-load"]],
  ])("%s → exact name for %j", (text, ids) => {
    const exact = exactOf(text);
    expect(Object.keys(exact).filter((id) => (exact[id] ?? []).length > 0)).toEqual(ids);
  });
});

describe("UnitIndex.match with a CLI group's name in a sentence", () => {
  const units = [
    unit(
      "groups",
      ["which cli command groups are there?", "list the cli groups"],
      ["prefect server", "prefect worker"],
    ),
    unit("start", ["how do i start the server on another port?", "server start options"], ["prefect server start"]),
    unit("automations", ["does a self-hosted server run automations?", "automations without cloud"], ["automations"]),
  ];
  const index = new UnitIndex(units);
  const exactOf = (text: string) =>
    index.match(plainQuestion(text), "3.4.20").find((m) => m.unit.id === "groups")?.exact ?? [];

  // "the open source prefect server" is the server, not the `prefect server` command group.
  it.each([
    ["does the open source prefect server run automations?", []],
    ["what does `prefect server` have besides start?", ["prefect server"]],
    ["i ran $ prefect server and got the help text, what are the groups?", ["prefect server"]],
  ])("%s → %j", (text, exact) => {
    expect(exactOf(text)).toEqual(exact);
  });
});

describe("UnitIndex.match with a name written only in the setting of the scene", () => {
  const units = [
    unit("deploy-cli", ["what does prefect deploy do?", "deploy flows from prefect.yaml"], ["prefect deploy"]),
    unit("image-secrets", ["keep api keys out of the docker image", "secrets in a docker image"], ["Secret"]),
  ];
  const index = new UnitIndex(units);
  const confidenceOf = (text: string, id: string) =>
    index.match(plainQuestion(text), "3.4.20").find((m) => m.unit.id === id)?.confidence ?? 0;

  // The asker has `prefect deploy` already and asks about another thing: the name's bonus is halved.
  it("weighs a name less when only the setting writes it and the asking sentence says enough of its own", () => {
    const setting =
      "we deploy with `prefect deploy` to a docker pool. how do we keep api keys and db passwords out of the image?";
    const asked =
      "we deploy to a docker pool. how do we keep api keys and db passwords out of the `prefect deploy` image?";
    expect(confidenceOf(asked, "deploy-cli") - confidenceOf(setting, "deploy-cli")).toBeGreaterThan(0.08);
    expect(index.match(plainQuestion(setting), "3.4.20")[0]?.unit.id).toBe("image-secrets");
  });

  // A short asking sentence stands on the sentence before it; a message with no question mark has no asking sentence.
  it.each([
    ["we run `prefect deploy` in ci and keep api keys and db passwords in the image. how do i fix that?"],
    ["we run `prefect deploy` in ci. now the api keys and db passwords end up inside the docker image"],
  ])("keeps the full bonus for %j", (text) => {
    const match = index.match(plainQuestion(text), "3.4.20").find((m) => m.unit.id === "deploy-cli");
    expect(match!.confidence - match!.similarity).toBeCloseTo(0.25);
  });
});

describe("UnitIndex.askerModules", () => {
  // The asker's packages and loggers: names no unit is about and no unit or note uses, Prefect's own excepted.
  it.each([
    ["logs from our own lib acme_utils dont show up in the ui", ["acme_utils"]],
    ["our loggers under acme.etl and dwh_utils are missing", ["acme.etl", "dwh_utils"]],
    ["only stuff from get_run_logger shows up", []],
    ["logging from prefect.flows shows but flows.py does not", []],
    ["logs from the snowflake connector are missing", []],
  ])("%s → %j", (text, names) => {
    expect(index.askerModules(plainQuestion(text))).toEqual(names);
  });
});

describe("UnitIndex.match reads the asking sentence with the one before it", () => {
  const units = [
    unit("late", ["runs are marked late after a few seconds when the worker is slow", "late runs threshold"], []),
    unit("timeouts", ["what is the default timeout of a task?", "task timeout default value"], []),
  ];
  const late = (text: string) =>
    new UnitIndex(units).match(plainQuestion(text), "3.4.20").find((m) => m.unit.id === "late")!.confidence;

  // "that" is the runs turning Late, which only the sentence before names: read together they ask one question.
  it("is surer of the subject a question names just before it asks about it than of one named after", () => {
    expect(
      late("our runs flip to late really fast when the worker is slow. how long until that happens by default?"),
    ).toBeGreaterThan(
      late("how long until that happens by default? our runs flip to late really fast when the worker is slow.") + 0.05,
    );
  });
});

describe("UnitIndex.match with an asking sentence that points back", () => {
  it.each([
    // "that" is what the sentence before says; the release the pointing sentence names says which version only
    // ("supported in prefect 3.3" is not about Python support).
    [
      "we run workers on GKE and want task results to land in a GCS bucket rather than local disk. is that supported in prefect 3.3?",
      "3.3.0",
      "b-result-storage-block",
    ],
    // Past a sentence that only says how things stand.
    [
      "we still run `prefect agent start -q default` on a vm with a KubernetesJob infra block. everything works on 2.20. any reason to change it now?",
      "2.20.3",
      "f-infra-blocks-vs-work-pools-2x",
    ],
  ])("%s (on %s) → %s", (text, release, expected) => {
    expect(index.match(question(text), release)[0]?.unit.id).toBe(expected);
  });
});

describe("UnitIndex.unitsNamedLike", () => {
  const units = [
    unit("create", ["add a schedule from the cli", "schedule create command"], ["prefect deployment schedule create"]),
    unit("run", ["run a deployment from the cli", "deployment run command"], ["prefect deployment run"]),
    unit("pause-all", ["pause every schedule at once"], ["prefect deployment schedule pause --all"]),
    unit("pause", ["pause a deployment's schedule"], ["prefect deployment schedule pause"]),
    unit("emit", ["send a custom event from python"], ["emit_event"]),
    {
      ...unit("old", ["set a schedule from the cli", "set-schedule"], ["prefect deployment set-schedule"]),
      versions: "<3",
    },
  ];
  const index = new UnitIndex(units);

  // What replaced a command is named like it: two words besides "prefect" in common.
  it.each([
    ["prefect deployment set-schedule", "3.4.20", [["create", "pause"], ["pause-all"]]],
    ["prefect deployment set-schedule", "2.20.3", [["old"], ["create", "pause"], ["pause-all"]]],
    // As many words shared, the name with fewer words of its own is more alike.
    ["prefect deployment pause-schedule", "3.4.20", [["pause"], ["pause-all"], ["create"]]],
    ["prefect flow-run retry", "3.4.20", []],
    // Words are compared stemmed: `emit_event` is named like `prefect events emit`.
    ["prefect events emit", "3.4.20", [["emit"]]],
  ])("%s on %s → %j", (name, release, ids) => {
    expect(index.unitsNamedLike(name, release).map((tier) => tier.map((u) => u.id))).toEqual(ids);
  });
});

describe("UnitIndex word rarity with units split by release", () => {
  const asks = ["how do i run my flow every fifteen minutes", "interval schedule for a deployment"];
  const other = unit("other", ["how do i pass secrets to my flow", "store a password"], []);
  const schedule = unit("schedule", asks, ["interval"]);
  const confidence = (units: ReturnType<typeof unit>[]) =>
    new UnitIndex(units)
      .match(plainQuestion("run it every fifteen minutes on an interval"), "3.4.20")
      .find((m) => m.unit.id === "schedule")!.confidence;

  // The same phrasings before and after a release are one document: the split does not make its words common.
  it("matches a split unit as surely as the unit before the split", () => {
    const split = [other, { ...schedule, versions: ">=3" }, { ...schedule, id: "schedule-before-3", versions: "<3" }];
    expect(confidence(split)).toBeCloseTo(confidence([other, schedule]), 5);
  });
});

describe("UnitIndex.match with a plain word in quotes", () => {
  const units = [
    unit("assets", ["track the tables a flow produces", "data lineage in the ui"], ["assets", "materialize"]),
    unit("artifacts", ["show a table in the ui", "a report attached to a run"], ["artifacts"]),
  ];
  const exact = (text: string) =>
    new UnitIndex(units).match(question(text), "3.4.20").find((m) => m.unit.id === "assets")?.exact ?? [];

  // An asker quotes a term they heard ("what is this 'assets' thing?"); unquoted, "assets" is only a word.
  it.each([
    ["my lead says we should use 'assets' to track our tables, what is that?", ["assets"]],
    ["my lead says we should use `assets` to track our tables, what is that?", ["assets"]],
    ["my lead says we should use assets to track our tables, what is that?", []],
    ["we don't track assets' tables, what is that?", []],
  ])("%s → %j", (text, names) => {
    expect(exact(text)).toEqual(names);
  });
});

describe("UnitIndex.match reads the sentences around the asking one for what they add", () => {
  it.each([
    // A short statement of where the asker is keeps out of the matching, whatever release it names.
    [
      "what's the right way to keep our api key out of code? want to read it inside a flow. self hosted 3.2.3",
      "b-secret-block-usage",
      "pinned",
    ],
    // Nor does "server runs in k8s.": the digit inside "k8s" is no word of its own.
    [
      "UI loads but shows 'can't connect to server API' through our load balancer. server runs in k8s. which setting fixes the url the UI calls?",
      "a-server-ui-api-url",
    ],
    // A sentence after the question that points back ("read it") goes on asking about what the question names.
    [
      "what's the right way to keep our stripe api key out of code? want to read it inside a flow.",
      "b-secret-block-usage",
    ],
    // The asking sentence's own everyday phrases ("never use the cache"), read apart from the context's ("shows Cached").
    [
      "when our flow retries, the `pull_orders` task shows Cached and doesn't call the api again. how do i make just this one task never use the cache? 3.1.12",
      "disable-caching",
    ],
  ])("%s → %s", (text, id, pinned?: string) => {
    // As the understand stage reads it: with the release the message states, unless the caller pinned one.
    const asked = { ...question(text), version: pinned ? null : readVersionStatement([text], facts.releases) };
    expect(index.match(asked, asked.version?.release ?? facts.latest)[0]?.unit.id).toBe(id);
  });
});

describe("UnitIndex.match with units the asker's words find alike", () => {
  const withAnswer = (id: string, answer: string) => ({ ...unit(id, ["throttle work across all flows"], []), answer });
  const units = [
    withAnswer("tag-limit", "Tag the tasks and create a limit for the tag."),
    withAnswer("rate-limit", "Create a limit with slot decay and call rate_limit before each request."),
  ];
  const paraphrases = createParaphrases([{ says: ["req/sec"], means: "rate_limit slot decay" }]);

  // The everyday phrase ("5 req/sec") says which of them: the one that says what it means.
  it("ranks first the one that says more of what the asker's everyday phrases mean", () => {
    const text = "our vendor allows 5 req/sec. how do i throttle across all flows?";
    expect(new UnitIndex(units, [], paraphrases).match(plainQuestion(text), "3.4.20")[0]?.unit.id).toBe("rate-limit");
  });
});

describe("UnitIndex.match reads the whole message as well as its best sentence", () => {
  // "need max 3 running at once across everything" alone fits a work pool's limit; the message is about tasks in many
  // flows, which a tag limit or a global concurrency limit around the query caps.
  it("ranks first the unit that fits the whole message, not the one sentence it matches best", () => {
    const text =
      "we have tasks in like 6 different flows that hit snowflake. need max 3 running at once across everything. what's the prefect way?";
    expect(["b-tag-concurrency-limit", "b-global-concurrency-limit"]).toContain(
      index.match(question(text), "3.4.20")[0]?.unit.id,
    );
  });
});
