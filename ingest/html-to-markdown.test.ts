import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html-to-markdown.js";

const page = (main: string) =>
  `<html><head><title>T</title></head><body><nav>NAV</nav><main>${main}</main><footer>FOOT</footer></body></html>`;

describe("htmlToMarkdown", () => {
  it.each([
    [
      "a table keeps its header row",
      "<table><thead><tr><th>Setting</th><th>Default</th></tr></thead><tbody><tr><td>retries</td><td>0</td></tr></tbody></table>",
      "| Setting | Default |\n| --- | --- |\n| retries | 0 |",
    ],
    ["an ordered list stays ordered", "<ol><li>install</li><li>start</li></ol>", "1.  install\n2.  start"],
    ["a nested list keeps its depth", "<ul><li>a<ul><li>b</li></ul></li></ul>", "-   a\n    -   b"],
    [
      "code keeps its language from <pre> or <code>",
      '<pre class="language-python"><code>x = 1\n</code></pre>',
      "```python\nx = 1\n```",
    ],
    [
      "inline code stays inline",
      "<p>Run <code>prefect server start</code> now.</p>",
      "Run `prefect server start` now.",
    ],
  ])("%s", (_name, main, expected) => {
    const { markdown } = htmlToMarkdown(page(main), "https://example.test/docs/x");
    expect(markdown).toContain(expected);
    expect(markdown).not.toMatch(/NAV|FOOT/);
  });
});
