import { describe, expect, it } from "vitest";
import { SimilarFinder, visibleIn } from "./find-similar.js";
import type { Visibility } from "./triage-store.js";

const TEXT = "my deployment flow runs stay Pending, the process work pool worker never picks them up";

describe("visibleIn: where an earlier thread may be shown", () => {
  it.each<[string, { channel: string; visibility?: Visibility }, string, boolean]>([
    ["a public thread, in another channel", { channel: "CPUB", visibility: "public" }, "COTHER", true],
    ["a public thread, in its own channel", { channel: "CPUB", visibility: "public" }, "CPUB", true],
    ["a private thread, in its own channel", { channel: "GPRIV", visibility: "private" }, "GPRIV", true],
    ["a private thread, in another channel", { channel: "GPRIV", visibility: "private" }, "CPUB", false],
    ["a thread of unknown visibility, elsewhere", { channel: "GUNK" }, "CPUB", false],
  ])("%s", (_case, thread, channel, expected) => {
    expect(visibleIn(thread, channel)).toBe(expected);
  });
});

describe("SimilarFinder.find with shownIn", () => {
  const finder = new SimilarFinder();
  const base = { state: "new" as const, topic: "workers-and-pools" as const, text: TEXT };
  finder.addThread({ ...base, channel: "GPRIV", threadTs: "1.1", visibility: "private" });
  finder.addThread({ ...base, channel: "CPUB", threadTs: "2.1", visibility: "public" });
  finder.addThread({ ...base, channel: "GOLD", threadTs: "3.1" });
  const channels = (shownIn?: string) =>
    finder
      .find(TEXT, { ...(shownIn ? { shownIn } : {}) })
      .map((s) => (s.type === "thread" ? s.channel : s.type))
      .sort();

  it.each([
    ["a public channel sees only public threads", "CNEW", ["CPUB"]],
    ["a private channel sees its own and public threads", "GPRIV", ["CPUB", "GPRIV"]],
    ["threads stored without a visibility count as private", "GOLD", ["CPUB", "GOLD"]],
  ])("%s", (_case, shownIn, expected) => {
    expect(channels(shownIn)).toEqual(expected);
  });

  it("without shownIn (the operator's CLI) every thread is a candidate", () => {
    expect(channels()).toEqual(["CPUB", "GOLD", "GPRIV"]);
  });
});
