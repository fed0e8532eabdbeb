import { describe, expect, it } from "vitest";
import type { LintResult } from "../../../core/index.js";
import { createNoteLibrary, loadAnswerUnits, type PackNote, parseNote } from "../../../knowledge/index.js";
import { hintsFor, UnitIndex } from "../retrieve/index.js";
import { plainQuestion } from "../understand/index.js";
import { gatherProse, type Hints, knownWords, pickNote, rankExamples, selectSentences, topicHits } from "./prose.js";

const unitIndex = new UnitIndex(loadAnswerUnits());

/** The hints the engine derives for a question: its kind, and the vocabulary of the units that match it. */
/** `withUnits: false` leaves the pack's unit vocabulary out, for cases about the note's own structure. */
function hints(text: string, withUnits = true): Hints {
  const q = plainQuestion(text);
  return hintsFor(q, withUnits ? unitIndex.match(q, "3.8.3") : []);
}

function note(file: string, text: string): PackNote {
  const n = parseNote(file, text);
  if (!n) throw new Error(`${file} did not parse`);
  return n;
}

const RUN = note(
  "run.md",
  `---
title: run_deployment — triggering deployments from code
url: https://docs.prefect.io/v3/how-to-guides/deployments/run-deployments
topics: [run_deployment, FlowRun, timeout]
versions: [2, 3]
---

# run_deployment

\`run_deployment\` creates a flow run of a deployment and returns a **FlowRun**, not a future.

- By default it **blocks**, polling until the run reaches a final state, then returns the FlowRun.
- \`timeout=0\` returns at once.
- Fan out by starting several runs with \`timeout=0\` and awaiting them.

Read the final state:

\`\`\`python
from prefect.deployments import run_deployment

run = run_deployment(name="etl/prod")
print(run.state.name)
\`\`\`

## Prefect 3

- From 3.6.11 there is also \`arun_deployment\` for async code.

## Prefect 2

Available from 2.5.0; it is awaitable in async code.

\`\`\`python
from prefect.deployments import run_deployment

run = run_deployment(name="etl/prod", timeout=60)
\`\`\`
`,
);

const POOLS = note(
  "pools.md",
  `---
title: Work pools and workers
url: https://docs.prefect.io/v3/concepts/work-pools
versions: [2, 3]
---

# Work pools

A **worker** polls one pool and starts its scheduled runs.

| Pool type | Worker package   | Start it                          |
| --------- | ---------------- | --------------------------------- |
| \`docker\`  | \`prefect-docker\` | \`prefect worker start --pool d\`   |
| \`ecs\`     | \`prefect-aws\`    | \`prefect worker start --pool e\`   |

The breaking changes:

1. Agents are gone; workers replace them.
2. Infrastructure blocks are gone as well.
3. Storage blocks moved to integration packages.
`,
);

const clean = (version: string): LintResult => ({ version, diagnoses: [], fixedCode: "" });

describe("selectSentences", () => {
  it("leads with the sentence that answers the question and keeps the other major's section out", () => {
    const s = selectSentences(
      RUN,
      "how do I run a deployment and wait until it is finished?",
      3,
      [],
      hints("how do I run a deployment and wait until it is finished?"),
    )!;
    expect(s.lead).toMatch(/blocks/);
    expect([s.lead, ...s.points].join(" ")).not.toMatch(/2\.5\.0/);
  });

  it("answers a why-question with the note's cause, not the restated symptom", () => {
    const crash = note(
      "crash.md",
      `---\ntitle: Tasks crash when the flow returns\nurl: https://docs.prefect.io/v3/x\ntopics: [crash]\nversions: [3]\n---\n# Crash\n\nSymptom: task runs end Crashed with "Crash detected! Execution was cancelled." while the flow is Completed.\n\nWhy: the flow returned before its futures, and the task runner cancels what has not finished because nothing waited for it.\n`,
    );
    const s = selectSentences(
      crash,
      "why do my task runs say Crash detected?",
      3,
      [],
      hints("why do my task runs say Crash detected?"),
    )!;
    expect(s.lead).toMatch(/^Why:/);
    expect(
      selectSentences(
        crash,
        "what does Crash detected look like?",
        3,
        [],
        hints("what does Crash detected look like?"),
      )!.lead,
    ).toMatch(/^Symptom/);
  });

  it("brings in the asker's own major section", () => {
    const s = selectSentences(
      RUN,
      "can I await run_deployment in async code?",
      2,
      [],
      hints("can I await run_deployment in async code?", false),
    )!;
    expect([s.lead, ...s.points].join(" ")).toMatch(/awaitable/);
    expect([s.lead, ...s.points].join(" ")).not.toMatch(/arun_deployment/);
  });

  it("shows a table whole when several rows match", () => {
    const s = selectSentences(
      POOLS,
      "what do I install for docker and ecs workers?",
      3,
      [],
      hints("what do I install for docker and ecs workers?"),
    )!;
    const text = s.points.join("\n");
    expect(text).toMatch(/`docker`: worker package `prefect-docker`/);
    expect(text).toMatch(/`ecs`: worker package `prefect-aws`/);
  });

  it("lists every item when the question asks for a list", () => {
    const s = selectSentences(POOLS, "what are the breaking changes?", 3, [], hints("what are the breaking changes?"))!;
    expect([s.lead, ...s.points]).toEqual(
      expect.arrayContaining([
        "Agents are gone; workers replace them.",
        "Infrastructure blocks are gone as well.",
        "Storage blocks moved to integration packages.",
      ]),
    );
  });
});

describe("examples", () => {
  it("ranks the example of the asker's major first", () => {
    expect(rankExamples(RUN, "run a deployment with a timeout", 2)[0]!.code).toContain("timeout=60");
    expect(rankExamples(RUN, "run a deployment and read its state", 3)[0]!.code).toContain("run.state.name");
  });

  it("includes an example only when it lints clean for the asker's release, else tries the next", async () => {
    const notes = createNoteLibrary([RUN, POOLS]);
    const input = {
      question: "how do I run a deployment and read its state?",
      apiNames: [],
      major: 3 as const,
      release: "3.4.20",
      retrieved: [],
    };
    const ok = await gatherProse({ notes, linter: { lint: (_c, v) => clean(v) } }, input);
    expect(ok?.note.file).toBe("run.md");
    expect(ok?.example?.code).toContain("run_deployment");

    const seen: string[] = [];
    const failing = await gatherProse(
      {
        notes,
        linter: {
          lint: (code, version) => {
            seen.push(version);
            return {
              ...clean(version),
              diagnoses: [{ rule: "unknown-symbol", severity: "error", line: 1, column: 1, message: code }],
            };
          },
        },
      },
      input,
    );
    expect(failing?.example).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v === "3.4.20")).toBe(true);
  });
});

describe("pickNote", () => {
  const notes = createNoteLibrary([RUN, POOLS]);

  it("returns null when no note covers the question", () => {
    expect(pickNote(notes, "how do I bake sourdough bread at home", 3, [])).toBeNull();
  });

  it("prefers a note the main index also ranks high", () => {
    const hit = {
      id: "x#0",
      docId: "x",
      title: POOLS.title,
      url: POOLS.url,
      section: [],
      kind: "docs" as const,
      versionTag: null,
      score: 1,
      snippet: "",
      text: "",
    };
    expect(pickNote(notes, "worker deployment runs", 3, [hit])?.file).toBe("pools.md");
  });

  it("passes over a note that names nothing a pasted error quotes", () => {
    const asked = { names: [], text: "worker deployment runs" };
    expect(pickNote(notes, "worker deployment runs", 3, [], undefined, [], asked)).not.toBeNull();
    expect(
      pickNote(notes, "worker deployment runs", 3, [], undefined, [], { ...asked, subjects: ["NoSuchThing"] }),
    ).toBeNull();
  });
});

describe("pickNote: names the asker uses", () => {
  const VARS = note(
    "vars.md",
    `---
title: Variables
url: https://docs.prefect.io/v3/concepts/variables
topics: [variables, Variable.get]
versions: [2, 3]
---

# Variables

\`Variable.get(name)\` returns the value in 3.x and an object with \`.value\` in 2.x.
`,
  );
  const notes = createNoteLibrary([RUN, POOLS, VARS]);

  it("counts a note listing a used name among its topics", () => {
    expect(topicHits(VARS, ["Variable"])).toBe(1);
    expect(topicHits(VARS, ["flow", "Variable", "get"])).toBe(1);
    expect(topicHits(RUN, ["Variable"])).toBe(0);
  });

  it("picks that note for a vague question about code that uses the name", () => {
    const q = "my coworker says this is wrong here, but it works for me? who is right";
    expect(pickNote(notes, `${q} Variable Variable`, 2, [], q, [], { names: ["Variable"], text: q })?.file).toBe(
      "vars.md",
    );
  });

  it("counts a multi-word topic only when the asker wrote it out", () => {
    expect(topicHits(RUN, [], "my prefect deployment build step fails")).toBe(0);
    const BUILD = { ...VARS, topics: ["prefect deployment build"] };
    expect(topicHits(BUILD, [], "CI runs prefect deployment build then apply")).toBe(1);
    expect(topicHits(BUILD, [], "how do I build a deployment")).toBe(0);
  });

  it("leaves words no note uses out of coverage", () => {
    expect(knownWords(notes, "flaky VM after a year: run_deployment timeout")).toBe("run_deployment timeout");
  });
});
