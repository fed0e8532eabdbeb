// Release notes as an mdast tree, parsed by markdown-it. remark (micromark) spent 1.5-3 s of `orca build-facts` on
// the half-megabyte 2.x notes and the 3.x files; markdown-it parses the same CommonMark a few times faster. Its token
// stream is folded into the few mdast node types the release-notes reader walks (headings, paragraphs, lists, list
// items, block quotes; text, inline code, links, strong, emphasis, breaks, images, HTML), so the reader stays a tree
// walk and its output stays the same (the compiled facts are tested byte for byte against the committed file).

import MarkdownIt from "markdown-it";
import type { Root } from "mdast";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];
type AnyNode = { type: string; children?: AnyNode[]; [key: string]: unknown };

const markdown = new MarkdownIt("commonmark", { html: true });
/** MDX has no indented code and no HTML: text there is Markdown (JSX wrapper lines are blanked before parsing). */
const mdxMarkdown = new MarkdownIt("commonmark", { html: false }).disable(["code"]);

/**
 * A line holding only a JSX tag (`<Note>`, `</Accordion>`, `<Tab title="x">`) or an MDX comment (`{/* … *\/}`):
 * MDX reads it as a wrapper around ordinary Markdown, which ends the paragraph or list before it, as a blank line does.
 */
const JSX_LINE = /^[ \t]*(?:<\/?[A-Z][\w.]*(?:\s[^<>]*)?\/?>|\{\/\*[^\n]*?\*\/\})[ \t]*$/gm;

export function markdownTree(text: string, mdx: boolean): Root {
  const tokens = mdx ? mdxMarkdown.parse(text.replace(JSX_LINE, ""), {}) : markdown.parse(text, {});
  const root: AnyNode = { type: "root", children: [] };
  const stack: AnyNode[] = [root];
  const add = (node: AnyNode): void => {
    stack.at(-1)!.children!.push(node);
  };
  for (const token of tokens) {
    if (token.nesting === -1) {
      stack.pop();
      continue;
    }
    // A heading's or paragraph's phrasing content.
    if (token.type === "inline") {
      stack.at(-1)!.children!.push(...inlineNodes(token.children ?? []));
      continue;
    }
    const node = blockNode(token);
    if (!node) continue;
    add(node);
    if (token.nesting === 1) stack.push(node);
  }
  return root as unknown as Root;
}

function blockNode(token: Token): AnyNode | null {
  switch (token.type) {
    case "heading_open":
      return { type: "heading", depth: Number(token.tag.slice(1)), children: [] };
    case "paragraph_open":
      return { type: "paragraph", children: [] };
    case "bullet_list_open":
    case "ordered_list_open":
      return { type: "list", ordered: token.type === "ordered_list_open", children: [] };
    case "list_item_open":
      return { type: "listItem", children: [] };
    case "blockquote_open":
      return { type: "blockquote", children: [] };
    case "fence":
    case "code_block":
      return { type: "code", value: token.content };
    case "html_block":
      return { type: "html", value: token.content };
    case "hr":
      return { type: "thematicBreak" };
    default:
      return token.nesting === 1 ? { type: token.type.replace(/_open$/, ""), children: [] } : null;
  }
}

function inlineNodes(tokens: readonly Token[]): AnyNode[] {
  const root: AnyNode = { type: "inline", children: [] };
  const stack: AnyNode[] = [root];
  for (const token of tokens) {
    if (token.nesting === -1) {
      stack.pop();
      continue;
    }
    const node = inlineNode(token);
    if (!node) continue;
    const parent = stack.at(-1)!.children!;
    // Adjacent text is one text node, as in mdast (a soft break is a newline inside it).
    const last = parent.at(-1);
    if (node.type === "text" && last?.type === "text") last.value = `${last.value as string}${node.value as string}`;
    else parent.push(node);
    if (token.nesting === 1) stack.push(node);
  }
  return root.children!;
}

function inlineNode(token: Token): AnyNode | null {
  switch (token.type) {
    case "text":
    case "text_special":
      // markdown-it leaves empty text around delimiters ("**Bug Fixes**" opens with one); mdast has none.
      return token.content === "" ? null : { type: "text", value: token.content };
    case "softbreak":
      return { type: "text", value: "\n" };
    case "hardbreak":
      return { type: "break" };
    case "code_inline":
      return { type: "inlineCode", value: token.content };
    case "link_open":
      return { type: "link", url: token.attrGet("href") ?? "", children: [] };
    case "strong_open":
      return { type: "strong", children: [] };
    case "em_open":
      return { type: "emphasis", children: [] };
    case "image":
      return { type: "image", url: token.attrGet("src") ?? "" };
    case "html_inline":
      return { type: "html", value: token.content };
    default:
      return token.nesting === 1 ? { type: token.type.replace(/_open$/, ""), children: [] } : null;
  }
}
