// The memoized linter gives exactly what the real linter gives, lints each (code, release, snippet) once, and hands
// every caller its own copy.
import { beforeAll, describe, expect, it } from "vitest";
import { loadPrefectFacts } from "../../../knowledge/index.js";
import { createLinter, type Linter } from "../../../lint/index.js";
import type { SnippetLinter } from "../ports.js";
import { memoizedLinter } from "./memoized-linter.js";

const WAIT_IMPORT = "from prefect import flow, wait\n\n@flow\ndef main():\n    pass\n";
const CLEAN = "from prefect import flow\n\n@flow\ndef main():\n    return 1\n";

let linter: Linter;

beforeAll(async () => {
  linter = await createLinter(loadPrefectFacts());
});

/** The real linter, counting the calls that reach it. */
function counted(): { port: SnippetLinter; calls: () => number } {
  let calls = 0;
  return {
    port: {
      lint(code, version, options) {
        calls++;
        return linter.lint(code, version, options);
      },
    },
    calls: () => calls,
  };
}

describe("memoizedLinter", () => {
  it.each([
    [WAIT_IMPORT, "3.4.20", undefined],
    [WAIT_IMPORT, "2.20.25", 1],
    [CLEAN, "3.4.20", 0],
  ])("returns what the linter returns (%#)", async (code, version, snippet) => {
    const options = snippet === undefined ? undefined : { snippet };
    const memo = memoizedLinter(counted().port);
    const expected = linter.lint(code, version, options);
    expect(await memo.lint(code, version, options)).toEqual(expected);
    expect(await memo.lint(code, version, options)).toEqual(expected);
  });

  it("lints a (code, release, snippet) once, and again for another release or snippet index", async () => {
    const { port, calls } = counted();
    const memo = memoizedLinter(port);
    await memo.lint(WAIT_IMPORT, "3.4.20");
    await memo.lint(WAIT_IMPORT, "3.4.20");
    expect(calls()).toBe(1);
    await memo.lint(WAIT_IMPORT, "2.20.25");
    await memo.lint(WAIT_IMPORT, "3.4.20", { snippet: 2 });
    expect(calls()).toBe(3);
  });

  it("gives each caller its own copy, so a caller's edit never reaches the next", async () => {
    const memo = memoizedLinter(counted().port);
    const first = await memo.lint(WAIT_IMPORT, "3.4.20");
    expect(first.diagnoses.length).toBeGreaterThan(0);
    first.diagnoses[0]!.message = "edited";
    first.diagnoses.push({ ...first.diagnoses[0]!, rule: "syntax-error" });
    const second = await memo.lint(WAIT_IMPORT, "3.4.20");
    expect(second).toEqual(linter.lint(WAIT_IMPORT, "3.4.20"));
  });
});
