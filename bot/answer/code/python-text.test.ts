import { describe, expect, it } from "vitest";
import { ensureImport, functionBlocks, tidyTopLevel } from "./python-text.js";

describe("python-text", () => {
  it("finds functions with decorators and body extents", () => {
    const lines = "@flow(name='x')\ndef f():\n    a = 1\n\n    return a\n\ndef g(): pass".split("\n");
    const [f] = functionBlocks(lines);
    expect(f).toMatchObject({ name: "f", start: 1, end: 5, decorators: ["@flow(name='x')"], bodyIndent: 4 });
  });

  it("adds names to from-imports", () => {
    expect(ensureImport(["from prefect import flow", "import os"], "prefect", "task")).toEqual([
      "from prefect import flow, task",
      "import os",
    ]);
    expect(ensureImport(["import os", "", "x = 1"], "prefect.futures", "wait")).toEqual([
      "import os",
      "from prefect.futures import wait",
      "",
      "x = 1",
    ]);
  });

  it("puts two blank lines before top-level definitions", () => {
    expect(tidyTopLevel("import os\n@task\ndef a():\n    pass\ndef b():\n    pass")).toBe(
      "import os\n\n\n@task\ndef a():\n    pass\n\n\ndef b():\n    pass",
    );
  });
});
