import { describe, expect, it } from "vitest";
import { withElidedParameters } from "./elided-code.js";

describe("withElidedParameters", () => {
  it.each([
    ["def call_api(...): ...", "def call_api(*_a): ..."],
    ["async def load(client, ...):\n    pass", "async def load(client, *_a):\n    pass"],
    // `...` is valid Python as a value, an argument or a body: left alone.
    ["x = ...", null],
    ["call_api(...)", null],
    ["def f(a):\n    ...", null],
  ])("%j → %j", (code, expected) => {
    const out = withElidedParameters(code);
    expect(out).toBe(expected);
    // Offsets of everything after the elision stay the same.
    if (out !== null) expect(out.length).toBe(code.length);
  });
});
