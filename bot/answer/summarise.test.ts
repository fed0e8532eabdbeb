import { describe, expect, it } from "vitest";
import { brief, clip, keyPoints } from "./summarise.js";

const NOTE = `---
title: x
---
# Retries

Retries re-run a failed task after a delay. They are set on the decorator.

\`\`\`python
@task(retries=3)
def t(): ...
\`\`\`

- **retries**: how many extra attempts a task gets after the first one
  fails, counted per run.
- **retry_delay_seconds**: the pause between attempts.

## Prefect 2

- Only whole seconds were accepted for delays in old releases.
`;

describe("summarise", () => {
  it("picks key points close to the question, joining wrapped bullets and skipping code and the other major", () => {
    const points = keyPoints(NOTE, "how many retries does a task get?", 3, 3);
    expect(points).toContain(
      "**retries**: how many extra attempts a task gets after the first one fails, counted per run.",
    );
    expect(points.join(" ")).not.toContain("@task");
    expect(points.join(" ")).not.toMatch(/whole seconds/);
    expect(keyPoints(NOTE, "delays", 2, 5).join(" ")).toMatch(/whole seconds/);
  });

  it("gives one line per passage and clips without breaking inline code", () => {
    expect(brief(NOTE, "", 3)).toBe("Retries re-run a failed task after a delay.");
    expect(clip("use `prefect.futures.wait` to block until done", 20)).toBe("use `prefect.futures`…");
  });
});
