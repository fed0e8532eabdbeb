// Import edits on the tree, as the repairs apply them (applyEdits on the parsed text).
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../lint/index.js";
import { importEdit, importNameRemoval, parseTree, unusedImportRemoval } from "./python-tree.js";

function edit(code: string, make: (tree: NonNullable<ReturnType<typeof parseTree>>) => ReturnType<typeof importEdit>) {
  const tree = parseTree(code)!;
  const e = make(tree);
  return e ? applyEdits(code, [e]) : code;
}

describe("importEdit", () => {
  it.each([
    [
      "appends to the module's import",
      "from prefect import flow\nimport os",
      "prefect",
      "task",
      "from prefect import flow, task\nimport os",
    ],
    [
      "puts a new prefect import first among the prefect ones",
      "import os\nfrom prefect.futures import wait",
      "prefect",
      "flow",
      "import os\nfrom prefect import flow\nfrom prefect.futures import wait",
    ],
    [
      "puts another module after the last import",
      "import os\n\nx = 1",
      "prefect.futures",
      "wait",
      "import os\nfrom prefect.futures import wait\n\nx = 1",
    ],
    ["leaves a bound name alone", "def wait(x):\n    pass", "prefect.futures", "wait", "def wait(x):\n    pass"],
    [
      "puts a plain module import first",
      "from prefect import flow",
      "asyncio",
      undefined,
      "import asyncio\nfrom prefect import flow",
    ],
  ])("%s", (_name, code, module, name, expected) => {
    expect(edit(code, (t) => importEdit(t, module, name))).toBe(expected);
  });
});

describe("importNameRemoval", () => {
  it.each([
    ["drops one name of several", "from prefect import flow, wait, task\n", "from prefect import flow, task\n"],
    ["drops the last name with its comma", "from prefect import flow, wait\n", "from prefect import flow\n"],
    ["drops the line of a lone name", "import os\nfrom prefect import wait\nx = 1", "import os\nx = 1"],
    [
      "reads a parenthesised import",
      "from prefect import (\n    flow,\n    wait,\n)\n",
      "from prefect import (\n    flow,\n)\n",
    ],
  ])("%s", (_name, code, expected) => {
    expect(edit(code, (t) => importNameRemoval(t, "prefect", "wait"))).toBe(expected);
  });

  it("keeps an import that is still used", () => {
    const code = "from prefect import wait\nwait([f])";
    expect(edit(code, (t) => unusedImportRemoval(t, "prefect", "wait"))).toBe(code);
  });
});
