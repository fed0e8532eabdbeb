import { describe, expect, it } from "vitest";
import { repairSyntax } from "./syntax-repairs.js";

describe("repairSyntax", () => {
  it("adds a missing colon to a def header", () => {
    const { lines, fixes } = repairSyntax(["def add(a, b) -> int", "    return a + b"]);
    expect(lines[0]).toBe("def add(a, b) -> int:");
    expect(fixes).toEqual([{ line: 1, text: "added the missing `:` at the end of line 1" }]);
  });

  it("closes a decorator call left open before the def", () => {
    const { lines } = repairSyntax(["@flow(retries=2, retry_delay_seconds=30", "def f():", "    pass"]);
    expect(lines[0]).toBe("@flow(retries=2, retry_delay_seconds=30)");
  });

  it("leaves valid code and open multi-line calls alone", () => {
    const code = ["x = call(", "    1,", ")", "def f():", "    return x"];
    expect(repairSyntax(code)).toEqual({ lines: code, fixes: [] });
  });
});
