// What a release-notes section heading says about its entries. Data, not code: the headings Prefect has used over
// 2.x and 3.x ("Bug Fixes 🐞", "### Fixes", "Integrations & Dependencies 🤝", "Development & Tidiness 🧹" ...).

export type ChangeKind =
  | "fix"
  | "enhancement"
  | "feature"
  | "breaking"
  | "deprecation"
  | "integration"
  | "docs"
  | "other";

/** "skip": not a change at all (contributor lists, changelog links). */
export type SectionKind = ChangeKind | "skip";

/** First matching word stem wins, so the more specific words come first ("improvements and bug fixes" is a fix). */
const SECTION_WORDS: readonly [stem: string, kind: SectionKind][] = [
  ["contributor", "skip"],
  ["full changelog", "skip"],
  ["all changes", "skip"],
  ["breaking", "breaking"],
  ["deprecat", "deprecation"],
  ["bug", "fix"],
  ["fix", "fix"],
  ["integration", "integration"],
  ["collection", "integration"],
  ["dependenc", "integration"],
  ["documentation", "docs"],
  ["docs", "docs"],
  ["tidiness", "other"],
  ["maintenance", "other"],
  ["development", "other"],
  ["uncategorized", "other"],
  ["experimental", "enhancement"],
  ["feature", "feature"],
  ["enhancement", "enhancement"],
  ["improvement", "enhancement"],
];

/** The kind a heading names, or undefined when it names none (a topic heading such as "Engine"). */
export function sectionKind(heading: string): SectionKind | undefined {
  const text = heading.toLowerCase().replace(/[^a-z& ]+/g, " ");
  for (const [stem, kind] of SECTION_WORDS) if (text.includes(stem)) return kind;
  return undefined;
}

/** Leading verbs that say what an entry is whatever section it was filed under (mixed "Improvements" lists). */
const ENTRY_VERBS: readonly [verbs: readonly string[], kind: ChangeKind][] = [
  [["fix", "fixes", "fixed", "resolve", "resolves", "resolved"], "fix"],
  [["deprecate", "deprecates", "deprecated"], "deprecation"],
];

/** Sections that mix kinds; an entry's own verb decides there. */
const MIXED: ReadonlySet<ChangeKind> = new Set(["enhancement", "feature"]);

export function entryKind(section: ChangeKind, text: string): ChangeKind {
  if (!MIXED.has(section)) return section;
  const first = /^[A-Za-z]+/.exec(text)?.[0]?.toLowerCase() ?? "";
  for (const [verbs, kind] of ENTRY_VERBS) if (verbs.includes(first)) return kind;
  return section;
}
