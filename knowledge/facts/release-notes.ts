// Reads one release-notes file (Markdown or MDX) into its entries, through a real Markdown parser (markdown-it, read as mdast):
// `## 3.4.25 - title` / `## Release 2.19.8` / `## 0.7.11` start a release; headings or a bold line ("**Bug Fixes 🐞**")
// start a section; each list item is an entry, its pull request read from the link that points at it.
import { valid } from "@renovatebot/pep440";
import type { List, ListItem, Node, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { type ChangeKind, entryKind, type SectionKind, sectionKind } from "./change-kinds.js";
import { markdownTree } from "./markdown-tree.js";

export interface RawChange {
  /** "prefect", or the integration package ("prefect-aws"). */
  product: string;
  release: string;
  kind: ChangeKind;
  /** The entry as text, inline code kept in backticks, the author credit and PR reference taken off. */
  text: string;
  pr: number | null;
  url: string | null;
  /** Inline code spans, in order. */
  code: string[];
}

export interface ParsedNotes {
  changes: RawChange[];
  /** Things read but not understood (a list outside any release, an MDX error): reported, never fatal. */
  warnings: string[];
}

const PULL = /\/pull\/(\d+)/;
const PR_TEXT = /^#(\d+)$/;
const USER_LINK = /^https:\/\/github\.com\/(?:apps\/)?[\w-]+\/?$/;

/**
 * An MDX file is read as CommonMark without indented code or HTML, its JSX wrapper lines as blank lines (see
 * markdown-tree.ts: remark spent seconds on these files, markdown-it a fraction of that). CommonMark is enough:
 * release notes use lists, headings, bold, links and code; bare pull-request URLs (GFM's autolinks) are read from the
 * text instead.
 */
export function parseMarkdown(text: string, mdx: boolean): Root {
  return markdownTree(text, mdx);
}

export function parseReleaseNotes(
  text: string,
  options: { product: string; mdx: boolean; label: string },
): ParsedNotes {
  const warnings: string[] = [];
  const tree = parseMarkdown(text, options.mdx);
  const changes: RawChange[] = [];
  let release: string | null = null;
  // Kinds by heading depth: a topic heading ("#### Engine") inherits the kind of the heading above it.
  let headingKinds: (SectionKind | undefined)[] = [];
  let boldKind: SectionKind | undefined;
  const currentKind = (): SectionKind | undefined => boldKind ?? headingKinds.findLast((k) => k !== undefined);

  const visit = (node: RootContent): void => {
    if (node.type === "heading") {
      const title = inlineText(node.children).trim();
      if (node.depth <= 2) {
        const version = releaseOf(title);
        if (version) {
          release = version;
          headingKinds = [];
        } else if (node.depth === 1) release = null;
        else headingKinds = [sectionKind(title) ?? "skip"];
        boldKind = undefined;
        return;
      }
      headingKinds = headingKinds.slice(0, node.depth - 2);
      headingKinds[node.depth - 2] = sectionKind(title);
      boldKind = undefined;
      return;
    }
    if (node.type === "paragraph") {
      const first = node.children[0];
      if (first?.type === "strong") {
        const kind = sectionKind(inlineText(first.children));
        if (kind || node.children.length === 1) boldKind = kind ?? "other";
      }
      return;
    }
    if (node.type === "list") {
      const kind = currentKind();
      if (!release) {
        if (kind !== "skip") warnings.push(`${options.label}: a list outside any release section was skipped`);
        return;
      }
      if (kind === "skip") return;
      for (const change of listEntries(node, kind ?? "other"))
        changes.push({ ...change, product: options.product, release });
      return;
    }
    // MDX wrappers (<Note>, <Accordion>) hold ordinary Markdown.
    if ("children" in node && Array.isArray((node as Parent).children)) {
      for (const child of (node as Parent).children) visit(child as RootContent);
    }
  };
  for (const node of tree.children) visit(node);
  return { changes, warnings };
}

/** "3.4.25 - A slice of π-thon" / "Release 2.19.8" / "0.7.11" -> the version; null for any other heading. */
function releaseOf(title: string): string | null {
  const token = title.replace(/^release\s+/i, "").split(/\s+/)[0] ?? "";
  return /^\d+\.\d+/.test(token) && valid(token) ? token : null;
}

function listEntries(list: List, section: ChangeKind): Omit<RawChange, "product" | "release">[] {
  const out: Omit<RawChange, "product" | "release">[] = [];
  for (const item of list.children) {
    const entry = itemEntry(item, section);
    if (entry) out.push(entry);
    for (const child of item.children) if (child.type === "list") out.push(...listEntries(child, section));
  }
  return out;
}

function itemEntry(item: ListItem, section: ChangeKind): Omit<RawChange, "product" | "release"> | null {
  // A loose item's paragraphs are one entry, a space apart ("Fix e" + "more on e" is not "Fix emore on e").
  const phrasing = item.children.flatMap((c, i): PhrasingContent[] =>
    c.type === "paragraph" ? [...(i > 0 ? [{ type: "text" as const, value: " " }] : []), ...c.children] : [],
  );
  if (phrasing.length === 0) return null;
  const refs = { pr: null as number | null, url: null as string | null };
  const code: string[] = [];
  const text = cleanEntry(inlineText(phrasing, refs, code));
  if (!text) return null;
  return { kind: entryKind(section, text), text, pr: refs.pr, url: refs.url, code };
}

/** Renders inline content as text: code in backticks, PR links as "#N", user links as "@name". */
function inlineText(
  nodes: readonly (PhrasingContent | Node)[],
  refs?: { pr: number | null; url: string | null },
  code?: string[],
): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out += (node as { value: string }).value.replace(/https:\/\/github\.com\/\S+\/pull\/(\d+)\S*/g, (url, n) => {
          notePr(refs, url, Number(n));
          return `#${n}`;
        });
        break;
      case "inlineCode":
        code?.push((node as { value: string }).value);
        out += `\`${(node as { value: string }).value}\``;
        break;
      case "link": {
        const link = node as { url: string; children: PhrasingContent[] };
        const label = inlineText(link.children, undefined, code).trim();
        const pull = PULL.exec(link.url);
        if (pull && (PR_TEXT.test(label) || label.includes(link.url) || label === "")) {
          notePr(refs, link.url, Number(pull[1]));
          out += `#${pull[1]}`;
        } else if (USER_LINK.test(link.url) && label.startsWith("@")) out += label;
        else out += label;
        break;
      }
      case "break":
        out += " ";
        break;
      default:
        if ("children" in node) out += inlineText((node as Parent).children as PhrasingContent[], refs, code);
        else if ("value" in node) out += String((node as { value: unknown }).value);
    }
  }
  return out;
}

function notePr(refs: { pr: number | null; url: string | null } | undefined, url: string, n: number): void {
  // The entry's own pull request is the last one it links (an earlier one is an issue or a related change).
  if (refs) {
    refs.pr = n;
    refs.url = url.replace(/[).,]+$/, "");
  }
}

/** Takes the credit and PR reference off an entry's text ("… by @x in #19258", "… — #14548", "… #22647 by @y"). */
function cleanEntry(text: string): string {
  let t = text.replace(/\s+/g, " ").trim();
  for (;;) {
    const before = t;
    t = t
      .replace(/\s*(?:by\s+@[\w-]+(?:\[bot\])?(?:\s*(?:,|and)\s*@[\w-]+(?:\[bot\])?)*)\s*$/i, "")
      .replace(/\s*\bin\s+#\d+(?:\s*(?:,|and)\s*#\d+)*\s*$/i, "")
      .replace(/\s*[-—–:]?\s*\(?#\d+\)?\s*$/, "")
      .trim();
    if (t === before) return t;
  }
}
