// The upgrade guide as Markdown: the asker's code first (what breaks, where, and the rewrite), then the release-notes
// breaking changes and deprecations, then the removed names from the histories (long lists cut, --json has them all).
import type { ChangeFact } from "./change-facts-store.js";
import type { UpgradeGuide } from "./upgrade-guide.js";

const MAX_LISTED = 40;

export function formatUpgradeGuide(guide: UpgradeGuide): string {
  const out: string[] = [`# Upgrading Prefect ${guide.from} → ${guide.to}`, ""];
  for (const note of guide.notes) out.push(`> ${note}`);
  if (guide.notes.length > 0) out.push("");
  for (const file of guide.code) {
    out.push(`## Your code: ${file.label}`, "");
    if (file.uses.length === 0 && file.fixes.length === 0) {
      out.push(`Nothing in it is removed or changed between ${guide.from} and ${guide.to}.`, "");
      continue;
    }
    for (const use of file.uses) {
      const how = use.replacement ? `: ${use.replacement}` : "";
      out.push(`- line ${use.line}: \`${use.name}\` is gone after ${use.lastRelease}${how}`);
    }
    if (file.uses.length > 0) out.push("");
    const explained = new Set(file.uses.map((u) => u.line));
    for (const fix of file.fixes) {
      // A line already listed above needs only its rewrite, not the linter's message again.
      if (!explained.has(fix.line)) out.push(`- line ${fix.line} (${fix.rule}): ${fix.message}`);
      else if (fix.before !== undefined) out.push(`- line ${fix.line}, rewritten:`);
      else continue;
      if (fix.before !== undefined && fix.after !== undefined) {
        out.push("", "  ```diff", ...diffLines(fix.before, "-"), ...diffLines(fix.after, "+"), "  ```");
      }
    }
    if (file.fixedCode) out.push("", `Rewritten for ${guide.to}:`, "", "```python", file.fixedCode.trimEnd(), "```");
    out.push("");
  }
  section(out, "Breaking changes (release notes)", guide.breaking.map(noteLine));
  section(out, "Deprecations (release notes)", guide.deprecations.map(noteLine));
  section(
    out,
    "Removed APIs",
    guide.removedApis.map(
      (r) => `\`${r.name}\` (${r.kind}), last in ${r.lastRelease}${r.replacement ? `: ${r.replacement}` : ""}`,
    ),
  );
  section(
    out,
    "Removed parameters",
    guide.removedParams.map((p) => `\`${p.callable}(${p.param}=...)\`, last in ${p.lastRelease}`),
  );
  section(
    out,
    "Settings removed or renamed",
    guide.settings.map(
      (s) =>
        `\`${s.name}\`, last in ${s.lastRelease}${s.renamedTo ? `: now \`${s.renamedTo}\` (the old name still works as an alias)` : ""}`,
    ),
  );
  section(
    out,
    "CLI commands removed",
    guide.cli.map(
      (c) => `\`prefect ${c.command}\`, last in ${c.lastRelease}${c.replacement ? `: ${c.replacement}` : ""}`,
    ),
  );
  return `${out.join("\n").trimEnd()}\n`;
}

function noteLine(c: ChangeFact): string {
  const ref = c.pr === null ? "" : c.url ? ` ([#${c.pr}](${c.url}))` : ` (#${c.pr})`;
  return `${c.release}: ${c.text}${ref}`;
}

function section(out: string[], title: string, items: string[]): void {
  out.push(`## ${title} (${items.length})`, "");
  if (items.length === 0) out.push("None in this range.");
  for (const item of items.slice(0, MAX_LISTED)) out.push(`- ${item}`);
  if (items.length > MAX_LISTED) out.push(`- … and ${items.length - MAX_LISTED} more (\`--json\` lists them all)`);
  out.push("");
}

function diffLines(text: string, sign: string): string[] {
  return text.split("\n").map((l) => `  ${sign} ${l}`);
}
