import { describe, expect, it } from "vitest";
import {
  dropImport,
  fillEmptyBlocks,
  findCall,
  fromImports,
  removeDependents,
  renameIdentifier,
} from "./line-edits.js";

describe("line edits", () => {
  it("splits a call's top-level arguments, keywords and nested brackets included", () => {
    const call = findCall('x = f(a, g(1, 2), k=[1, 2], s="a,b")', "f");
    expect(call?.args).toEqual([
      { value: "a" },
      { value: "g(1, 2)" },
      { keyword: "k", value: "[1, 2]" },
      { keyword: "s", value: '"a,b"' },
    ]);
    expect(findCall("obj.f(1)", "f")).toBeUndefined();
  });

  it("reads and edits parenthesised imports", () => {
    const lines = ["from prefect import (", "    flow,", "    task as t,", ")", "x = 1"];
    expect(fromImports(lines)[0]).toEqual({
      start: 0,
      end: 4,
      module: "prefect",
      names: [{ name: "flow" }, { name: "task", alias: "t" }],
    });
    expect(dropImport(lines, "prefect", "flow")).toEqual(["from prefect import task as t", "x = 1"]);
  });

  it("removes statements depending on a name, transitively, and fills emptied blocks", () => {
    const out = removeDependents(
      ["def f():", "    r = gone(1)", "    print(r)", "    if r:", "        x = 2"],
      ["gone"],
      "removed",
    );
    expect(out).toEqual(["def f():", "    # removed", "    pass"]);
  });

  it("keeps unrelated statements and strings that merely mention the name", () => {
    const lines = ['print("gone")', "y = 1"];
    expect(removeDependents(lines, ["gone"], "removed")).toEqual(lines);
    expect(fillEmptyBlocks(["def f():", "    return 1"])).toEqual(["def f():", "    return 1"]);
  });

  it("renames identifiers outside strings, comments and attributes", () => {
    expect(renameIdentifier(["A(1)  # A", 'x.A("A")'], "A", "B")).toEqual(["B(1)  # A", 'x.A("A")']);
  });
});
