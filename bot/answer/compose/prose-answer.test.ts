// The prose path end to end through the engine, with a small note library and in-test search: the answer opens
// with the sentence that answers, shows an example checked for the asker's release, adds API facts, cites the note
// first and never the same link twice.
import { describe, expect, it } from "vitest";
import type { SearchHit, VersionGuess } from "../../../core/index.js";
import { createNoteLibrary, loadAnswerUnits, loadPrefectFacts, parseNote } from "../../../knowledge/index.js";
import { createAnswerEngine } from "../engine.js";
import type { AnswerDeps } from "../ports.js";
import { UnitIndex } from "../retrieve/index.js";

// The real answer units: they answer first when they match, and lend their vocabulary to the notes path otherwise.
const units = new UnitIndex(loadAnswerUnits());

const facts = loadPrefectFacts();
const NOTE_URL = "https://docs.prefect.io/v3/how-to-guides/deployments/run-deployments";
const note = parseNote(
  "run.md",
  `---
title: run_deployment — triggering deployments from code
url: ${NOTE_URL}
topics: [run_deployment, FlowRun, timeout]
versions: [2, 3]
---

# run_deployment

\`run_deployment\` creates a flow run of a deployment and returns a **FlowRun**, not a future.

- By default it **blocks**, polling until the run reaches a final state, then returns the FlowRun.
- \`timeout=0\` returns at once, right after the run is created.

Start a run and read its final state:

\`\`\`python
from prefect.deployments import run_deployment

run = run_deployment(name="etl/prod")
print(run.state.name)
\`\`\`

## Prefect 3

- From 3.6.11 there is also \`arun_deployment\` for async code.

## Prefect 2

Available from 2.5.0 in \`prefect.deployments\`; it is awaitable in async code.
`,
)!;

function hit(id: string, title: string, url: string, kind: SearchHit["kind"] = "docs"): SearchHit {
  return {
    id,
    docId: id,
    title,
    url,
    section: [title],
    kind,
    versionTag: "3",
    score: 1,
    snippet: title,
    text: `${title} text.`,
  };
}

function deps(version: VersionGuess, lint: AnswerDeps["linter"]["lint"]): AnswerDeps {
  return {
    facts,
    linter: { lint },
    notes: createNoteLibrary([note]),
    units,
    reader: {
      unmangle: (t) => t,
      extractSnippets: () => [],
      detectVersion: () => version,
    },
    retriever: {
      async search(_q, options = {}) {
        return options.kind === "conversation"
          ? [hit("c1", "run_deployment then .wait() fails", NOTE_URL, "conversation")]
          : [
              hit("n1", note.title, NOTE_URL),
              hit("r1", "flow_runs", "https://docs.prefect.io/v3/api-ref/python/prefect-flow_runs"),
              hit("d1", "Deployments › Run a deployment", "https://docs.prefect.io/v3/concepts/deployments"),
            ];
      },
    },
  };
}

const V2: VersionGuess = { version: "2.19", resolved: "2.19.9", major: 2, how: "stated", evidence: ["prefect 2.19"] };
const V3: VersionGuess = { version: "3", resolved: "3.8.3", major: 3, how: "assumed", evidence: [] };
const clean: AnswerDeps["linter"]["lint"] = (code, version) => ({ version, diagnoses: [], fixedCode: code });

describe("prose answers", () => {
  it("opens with the answer, shows the checked example, and cites its source first without repeating a link", async () => {
    const answer = await createAnswerEngine(deps(V2, clean)).answer({
      messages: [],
      question: "I'm on prefect 2.19, how do I run a deployment from python and wait for it?",
    });
    const lines = answer.markdown.split("\n");
    expect(lines[0]).toMatch(/blocks/);
    expect(answer.markdown).toContain("**Example** (checked clean for Prefect 2.19.9)");
    expect(answer.markdown).toContain('run_deployment(name="etl/prod")');
    expect(answer.markdown).not.toMatch(/arun_deployment/);
    expect(answer.sources[0]).toMatchObject({ url: NOTE_URL });
    const urls = answer.sources.map((s) => s.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.some((u) => u.includes("/api-ref/"))).toBe(false);
  });

  it("leaves out an example that fails the check for the asker's release", async () => {
    const failing: AnswerDeps["linter"]["lint"] = (code, version) => ({
      version,
      diagnoses: [{ rule: "unknown-symbol", severity: "error", line: 1, column: 1, message: "no such name" }],
      fixedCode: code,
    });
    const answer = await createAnswerEngine(deps(V3, failing)).answer({
      messages: [],
      question: "how do I run a deployment and read its final state?",
    });
    expect(answer.markdown).not.toContain("```");
    expect(answer.markdown.split("\n")[0]).not.toBe("");
  });

  it("adds a one-line fact per API named in the question", async () => {
    const answer = await createAnswerEngine(deps(V3, clean)).answer({
      messages: [],
      question: "how does `run_deployment` wait for the child run?",
    });
    expect(answer.markdown.split("\n").slice(0, 4).join("\n")).toMatch(/blocks/);
    expect(answer.markdown).toMatch(
      /\*\*API facts for Prefect 3\.8\.3:\*\*\n- `prefect\.deployments[\w.]*run_deployment`: in 3\.8\.3: yes/,
    );
  });

  it("points at the run's logs when a failure is described without its error", async () => {
    const answer = await createAnswerEngine(deps(V3, clean)).answer({
      messages: [],
      question: "my run_deployment call fails right away, why?",
    });
    expect(answer.markdown).toMatch(/prefect flow-run logs <flow-run-id>`, `prefect task-run logs <task-run-id>`/);
  });
});
