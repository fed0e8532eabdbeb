// A small robots.txt reader: the group for our user agent (or "*"), Allow/Disallow with longest-match precedence.

export interface RobotsRules {
  allows(pathname: string): boolean;
}

export function parseRobots(text: string, userAgent: string): RobotsRules {
  const groups: Array<{ agents: string[]; rules: Array<{ allow: boolean; path: string }> }> = [];
  let current: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = (m[1] ?? "").toLowerCase();
    const value = (m[2] ?? "").trim();
    if (field === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === "disallow" && value !== "") current.rules.push({ allow: false, path: value });
    if (field === "allow" && value !== "") current.rules.push({ allow: true, path: value });
  }
  const ua = userAgent.toLowerCase();
  const group =
    groups.find((g) => g.agents.some((a) => a !== "*" && ua.includes(a))) ?? groups.find((g) => g.agents.includes("*"));
  const rules = group?.rules ?? [];
  return {
    allows(pathname: string): boolean {
      let best: { allow: boolean; length: number } | null = null;
      for (const rule of rules) {
        if (!matches(rule.path, pathname)) continue;
        if (!best || rule.path.length > best.length || (rule.path.length === best.length && rule.allow)) {
          best = { allow: rule.allow, length: rule.path.length };
        }
      }
      return best?.allow ?? true;
    },
  };
}

function matches(pattern: string, pathname: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`).test(pathname);
}
