import { describe, expect, it } from "vitest";
import { parseRobots } from "./robots.js";

describe("parseRobots", () => {
  const text = `# comment
User-agent: BadBot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open/
Disallow: /*.pdf$
`;

  it("applies the * group with longest-match precedence", () => {
    const rules = parseRobots(text, "OrcaDocsIngest/0.1");
    expect(rules.allows("/docs/page")).toBe(true);
    expect(rules.allows("/private/x")).toBe(false);
    expect(rules.allows("/private/open/x")).toBe(true);
    expect(rules.allows("/files/a.pdf")).toBe(false);
    expect(rules.allows("/files/a.pdf.html")).toBe(true);
  });

  it("uses the group naming our agent, and allows everything without rules", () => {
    expect(parseRobots(text, "BadBot/2").allows("/docs")).toBe(false);
    expect(parseRobots("", "x").allows("/anything")).toBe(true);
  });
});
