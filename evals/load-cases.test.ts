import { describe, expect, it } from "vitest";
import { arrayElementOffsets, CaseFileError, parseCaseFile } from "./load-cases.js";

const good = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    prefect_version: "3.4.20",
    thread: [{ author: "user", text: "hi" }],
    question: "why does my flow hang?",
    expect: { mentions: ["wait"], must_not: ["\\.submit\\(\\) on a flow"], code_lints_clean: true },
    ...extra,
  });

describe("parseCaseFile", () => {
  it("reads JSON Lines, skipping blank lines, and maps the contract to the internal shape", () => {
    const cases = parseCaseFile(`${good("a")}\n\n${good("b", { tags: ["futures"] })}\n`, "x.jsonl");
    expect(cases.map((c) => c.id)).toEqual(["a", "b"]);
    expect(cases[0]!.expect).toMatchObject({
      mentions: ["wait"],
      mustNot: ["\\.submit\\(\\) on a flow"],
      codeLintsClean: true,
    });
    expect(cases[0]!.thread).toEqual([{ author: "user", text: "hi", isBot: false }]);
    expect(cases[1]!.tags).toEqual(["futures"]);
    expect(cases[1]!.origin).toEqual({ file: "x.jsonl", line: 3 });
  });

  it("reads a JSON array and locates each element's line", () => {
    const text = `[\n  ${good("a")},\n\n  ${good("b", { prefect_version: null })}\n]\n`;
    const cases = parseCaseFile(text, "x.json");
    expect(cases.map((c) => [c.id, c.origin?.line, c.prefectVersion])).toEqual([
      ["a", 2, "3.4.20"],
      ["b", 4, null],
    ]);
  });

  it("names file and line of a record that breaks the contract", () => {
    const bad = JSON.stringify({ id: "c", question: "q", expect: { diagnoses: ["no-such-rule"] } });
    expect(() => parseCaseFile(`${good("a")}\n${bad}\n`, "cases.jsonl")).toThrow(
      /^cases\.jsonl:2: expect\.diagnoses\[0\]/,
    );
  });

  it("rejects invalid regexes, unknown fields and malformed lines with the line number", () => {
    const badRegex = JSON.stringify({ id: "r", question: "q", expect: { mentions: ["(unclosed"] } });
    expect(() => parseCaseFile(badRegex, "f.jsonl")).toThrow(
      /f\.jsonl:1: expect\.mentions\[0\]: invalid regular expression/,
    );
    const typo = JSON.stringify({ id: "t", question: "q", expect: { mention: ["x"] } });
    expect(() => parseCaseFile(typo, "f.jsonl")).toThrow(/unknown field\(s\) "mention"/);
    expect(() => parseCaseFile(`${good("a")}\n{"id": "b",`, "f.jsonl")).toThrow(/^f\.jsonl:2: not valid JSON/);
    let err: unknown;
    try {
      parseCaseFile(`${good("a")}\n{"id": "b",`, "f.jsonl");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CaseFileError);
    expect((err as CaseFileError).code).toBe("input_invalid");
  });

  it("reports the line of a JSON syntax error inside an array", () => {
    expect(() => parseCaseFile(`[\n${good("a")},\n{"id": }\n]`, "arr.json")).toThrow(/^arr\.json:3: not valid JSON/);
  });

  it("finds element offsets without being fooled by brackets inside strings", () => {
    const text = '[ {"a": "[,]"}, [1, 2], "x,y" ]';
    expect(arrayElementOffsets(text).map((o) => text[o])).toEqual(["{", "[", '"']);
  });
});
