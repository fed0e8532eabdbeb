import { describe, expect, it } from "vitest";
import { brief, clip, keyPoints, tablesToBullets, units } from "./passage-extracts.js";

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

describe("passage extracts", () => {
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

  it("turns table rows into bullets that name their columns, grouped per table", () => {
    const md = "| Pool | Package |\n| --- | --- |\n| `docker` | `prefect-docker` |\n| `ecs` | `prefect-aws` |\n";
    expect(tablesToBullets(md)).toContain("`docker`: package `prefect-docker`");
    const rows = units(md);
    expect(rows.map((u) => u.text)).toEqual(["`docker`: package `prefect-docker`", "`ecs`: package `prefect-aws`"]);
    expect(new Set(rows.map((u) => u.table)).size).toBe(1);
  });

  it("leaves out developers' notes a docstring carries", () => {
    const md =
      "Generates a JSON schema for the block.\n\nTODO\\: stop overriding this method - use GenerateSchema instead?";
    expect(units(md).map((u) => u.text)).toEqual(["Generates a JSON schema for the block."]);
  });

  it("keeps placeholders inside inline code and numbers the items of each list", () => {
    const [cancel] = units("Cancel a run with `prefect flow-run cancel <id>` from any shell.");
    expect(cancel?.text).toContain("`prefect flow-run cancel <id>`");
    const items = units(
      "Intro sentence that is long enough here.\n\n- first item of the list here\n- second item of the list here\n\nA paragraph between the lists.\n\n- a later list item stands alone",
    );
    const lists = items.filter((u) => u.list !== undefined).map((u) => u.list);
    expect(lists[0]).toBe(lists[1]);
    expect(lists[2]).not.toBe(lists[0]);
  });
});

describe("units: prose that mentions code words", () => {
  it("keeps a sentence that says 'return value (…)' and drops real code lines", () => {
    const texts = units(
      "Its state comes only from its return value (and any exception it raises).\n\nreturn compute(x) + other(y) + more(z)",
    ).map((u) => u.text);
    expect(texts).toEqual(["Its state comes only from its return value (and any exception it raises)."]);
  });
});
