import { describe, expect, it } from "vitest";
import { tidyTopLevel } from "./python-text.js";

describe("python-text", () => {
  it("puts two blank lines before top-level definitions", () => {
    expect(tidyTopLevel("import os\n@task\ndef a():\n    pass\ndef b():\n    pass")).toBe(
      "import os\n\n\n@task\ndef a():\n    pass\n\n\ndef b():\n    pass",
    );
  });
});
