import { describe, expect, it } from "vitest";
import { ReleaseIndex } from "./release-index.js";

const releases = ["2.0.0", "2.19.3", "2.20.25", "3.0.0", "3.4.10", "3.4.25", "3.5.0", "3.8.3"];
// Full surfaces at 2.20.25, 3.0.0 and 3.5.0.
const index = new ReleaseIndex(releases, [2, 3, 6]);

describe("ReleaseIndex.resolve", () => {
  it.each([
    ["3.4", "3.4.25"],
    ["3.4.x", "3.4.25"],
    ["3", "3.8.3"],
    ["2", "2.20.25"],
    ["3.4.11", "3.4.10"],
    ["3.4.99", "3.4.25"],
    ["4.0", "3.8.3"],
    ["1.9", "2.0.0"],
    ["3.0.0", "3.0.0"],
    [" v3.5.0 ", "3.5.0"],
    ["3.4.20rc1", "3.4.10"],
  ])("%s -> %s", (asked, expected) => {
    expect(index.resolve(asked)).toBe(expected);
  });

  it("throws an input error for non-versions", () => {
    expect(() => index.resolve("")).toThrow(/not a Prefect version/);
    expect(() => index.resolve("newest")).toThrow(/not a Prefect version/);
  });

  it("gives the newest release of a major line", () => {
    expect(index.latestOfMajor(2)).toBe("2.20.25");
    expect(index.latestOfMajor(3)).toBe("3.8.3");
  });
});

describe("ReleaseIndex.surfaceFor", () => {
  it("prefers the nearest surface at or below, else the oldest above", () => {
    const all = () => true;
    expect(index.surfaceFor(5, all)).toBe(1); // 3.4.25 -> 3.0.0
    expect(index.surfaceFor(7, all)).toBe(2); // 3.8.3 -> 3.5.0
    expect(index.surfaceFor(0, all)).toBe(0); // 2.0.0 -> 2.20.25 (above)
    expect(index.surfaceFor(5, (o) => o === 2)).toBe(2);
    expect(index.surfaceFor(5, () => false)).toBe(-1);
  });
});
