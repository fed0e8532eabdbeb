import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docUrl } from "./doc-url.js";
import { readMarkdownFolder } from "./markdown-reader.js";
import { mdxToMarkdown } from "./mdx.js";

const MDX = `---
title: Task runners
description: concurrency
---
import { Thing } from "/snippets/thing.mdx"

Intro with a [link](/v3/concepts/flows) and \`<flow-name>\` in code.

<Warning>
Process pools need **picklable** inputs.
</Warning>

<Card title="Read more" href="/v3/x">
Card body text.
</Card>

## Configure

<CodeGroup>
  \`\`\`python title="example.py" {3}
  from prefect import flow

  @flow
  def f():
      return 1
  \`\`\`
</CodeGroup>
`;

describe("mdxToMarkdown", () => {
  it("drops components and imports but keeps their words, links' text and inline code", () => {
    const md = mdxToMarkdown(MDX.split("---\n")[2] ?? "");
    expect(md).toContain("Process pools need **picklable** inputs.");
    expect(md).toContain("**Read more**");
    expect(md).toContain("Card body text.");
    expect(md).toContain("`<flow-name>`");
    expect(md).toContain("Intro with a link and");
    expect(md).not.toMatch(/<Warning>|<\/Card>|import \{ Thing \}/);
  });

  it("keeps fenced code whole, de-indented, with only the language on the fence", () => {
    const md = mdxToMarkdown(MDX);
    expect(md).toContain("```python\nfrom prefect import flow\n\n@flow\ndef f():\n    return 1\n```");
  });
});

describe("docUrl", () => {
  it("maps paths under a base URL, with index pages as their folder", () => {
    expect(docUrl("concepts/task-runners.mdx", "https://docs.prefect.io/v3/", "/x")).toBe(
      "https://docs.prefect.io/v3/concepts/task-runners",
    );
    expect(docUrl("concepts/index.mdx", "https://docs.prefect.io/v3", "/x")).toBe(
      "https://docs.prefect.io/v3/concepts",
    );
    expect(docUrl("concepts/flows.md", "https://docs-2.prefect.io/latest/{path}/", "/x")).toBe(
      "https://docs-2.prefect.io/latest/concepts/flows/",
    );
    expect(docUrl("a.md", undefined, "/tmp/a.md")).toBe("file:///tmp/a.md");
  });
});

describe("readMarkdownFolder", () => {
  it("reads front matter, titles, version tags and public URLs", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "orca-md-"));
    const v3 = path.join(root, "v3");
    mkdirSync(path.join(v3, "concepts"), { recursive: true });
    writeFileSync(path.join(v3, "concepts", "task-runners.mdx"), MDX);
    writeFileSync(path.join(v3, "concepts", "no-front-matter.md"), "# Plain page\n\nBody.\n");
    writeFileSync(
      path.join(v3, "notes.md"),
      "---\n\ntitle: Note\nurl: https://example.org/page\nversions: [2, 3]\n---\nText\n",
    );
    writeFileSync(path.join(v3, "broken.md"), "---\ntitle: [unclosed\n---\n# Still read\n");
    writeFileSync(path.join(v3, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));

    const result = await readMarkdownFolder(v3, { baseUrl: "https://docs.prefect.io/v3/" });
    const byId = new Map(result.documents.map((d) => [d.sourceId, d]));
    expect([...byId.keys()].sort()).toEqual([
      "broken.md",
      "concepts/no-front-matter.md",
      "concepts/task-runners.mdx",
      "notes.md",
    ]);
    expect(byId.get("concepts/task-runners.mdx")).toMatchObject({
      title: "Task runners",
      url: "https://docs.prefect.io/v3/concepts/task-runners",
      versionTag: "3",
      kind: "docs",
    });
    expect(byId.get("concepts/task-runners.mdx")?.markdown).toContain("picklable");
    expect(byId.get("concepts/no-front-matter.md")?.title).toBe("Plain page");
    expect(byId.get("notes.md")).toMatchObject({ title: "Note", url: "https://example.org/page", versionTag: null });
    expect(byId.get("broken.md")?.title).toBe("Still read");
    expect(result.warnings.some((w) => w.includes("broken.md") && w.includes("front matter ignored"))).toBe(true);
    expect(result.skipped).toEqual([]);

    const forced = await readMarkdownFolder(v3, { versionTag: "2", kind: "conversation" });
    expect(forced.documents.every((d) => d.versionTag === "2" && d.kind === "conversation")).toBe(true);
    expect(forced.documents[0]?.url.startsWith("file://")).toBe(true);
  });
});
