// Bad input must give a clear result quickly, never a crash. Speed is reported by the benchmark; the bounds here are
// generous ceilings that only catch runaway behaviour.
import { describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../knowledge/index.js";
import { createLinter, MAX_LINT_CHARS } from "./create-linter.js";
import { detectVersion } from "./detect-version.js";
import { extractSnippets } from "./extract-snippets.js";
import { unmangleSlack } from "./unmangle-slack.js";

const facts = loadPrefectFacts();
const linter = await createLinter(facts);

/** Deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomText(next: () => number, length: number, alphabet?: string): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    out += alphabet ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 0xffff));
  }
  return out;
}

function everythingOn(text: string) {
  const snippets = extractSnippets(text);
  const version = detectVersion([text], facts);
  const result = linter.lint(text, version.resolved);
  unmangleSlack(text);
  return { snippets, version, result };
}

describe("fuzzing the linter and the extractor", () => {
  it("survives random bytes and random code-like text", () => {
    const next = random(7);
    const pythonish = "()[]{}:=.,'\"\\#@ \n\tdefclassimportfromprefectflowtask_submit<>|&;0123456789";
    for (let i = 0; i < 60; i++) {
      const text =
        i % 2 === 0
          ? randomText(next, 50 + Math.floor(next() * 3000))
          : randomText(next, 50 + Math.floor(next() * 3000), pythonish);
      const { result } = everythingOn(text);
      expect(Array.isArray(result.diagnoses)).toBe(true);
      expect(typeof result.fixedCode).toBe("string");
    }
  });

  it("reports a 1 MB paste as too large instead of checking it", () => {
    const line = "x = compute(1, 2, 3)  # filler\n";
    const big = line.repeat(Math.ceil(1_048_576 / line.length));
    const started = performance.now();
    const { result, snippets } = everythingOn(big);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.diagnoses).toHaveLength(1);
    expect(result.diagnoses[0]).toMatchObject({ rule: "syntax-error", severity: "warning" });
    expect(result.diagnoses[0]!.message).toContain(MAX_LINT_CHARS.toLocaleString("en-US"));
    expect(snippets.length).toBeGreaterThanOrEqual(1);
  });

  it("handles 5,000 nested brackets and deeply nested blocks", () => {
    const brackets = `x = ${"(".repeat(5000)}1${")".repeat(5000)}\n`;
    expect(linter.lint(brackets, "3.4.20").diagnoses).toEqual([]);
    const unclosed = `x = ${"[".repeat(5000)}`;
    expect(linter.lint(unclosed, "3.4.20").diagnoses[0]?.rule).toBe("syntax-error");
    let ifs = "from prefect import flow\n\n@flow\ndef f(x):\n";
    for (let depth = 1; depth <= 90; depth++) ifs += `${"    ".repeat(depth)}if x:\n`;
    ifs += `${"    ".repeat(91)}return x\n`;
    expect(linter.lint(ifs, "3.4.20").diagnoses.filter((d) => d.rule !== "syntax-error")).toEqual([]);
  });

  it("treats prose, YAML and shell as text without crashing", () => {
    for (const text of [
      "Hi team, our worker keeps crashing after the upgrade. Any idea?",
      "deployments:\n- name: etl\n  work_pool:\n    name: k8s\n",
      "$ prefect deploy --all\n$ prefect worker start --pool k8s",
      "",
      "\u0000\u0001\u0002\uFFFF",
    ]) {
      const { result } = everythingOn(text);
      expect(result.diagnoses.every((d) => d.rule === "syntax-error" || d.rule === "slack-mangled")).toBe(true);
    }
  });
});
