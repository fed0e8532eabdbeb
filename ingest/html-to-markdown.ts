// Extracts the main content of an HTML page as Markdown: navigation, footers, scripts and forms are dropped,
// headings and code blocks are kept.
import * as cheerio from "cheerio";
import TurndownService from "turndown";
// @ts-expect-error -- the GFM plugin ships no type declarations.
import { gfm } from "turndown-plugin-gfm";

const DROP = [
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "header",
  "aside",
  "form",
  "button",
  "svg",
  "iframe",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[aria-hidden=true]",
  ".sidebar",
  ".toc",
  ".nav",
  ".navbar",
  ".footer",
].join(",");

export interface HtmlPage {
  title: string;
  markdown: string;
  /** Absolute URLs of every link on the page (before any scope check). */
  links: string[];
}

export function htmlToMarkdown(html: string, pageUrl: string): HtmlPage {
  const $ = cheerio.load(html);
  const links: string[] = [];
  $("a[href]").each((_, a) => {
    try {
      links.push(new URL($(a).attr("href") ?? "", pageUrl).href);
    } catch {
      // An unparsable href is not a page to visit.
    }
  });
  const title = ($("title").first().text() || $("h1").first().text()).trim().replace(/\s+/g, " ");
  $(DROP).remove();
  const main = ["main", "article", "[role=main]", "#content", ".content", "body"]
    .map((s) => $(s).first())
    .find((el) => el.length > 0);
  const markdown = main ? toMarkdown($.html(main.contents())) : "";
  const h1 = /^#\s+(.+)$/m.exec(markdown)?.[1];
  return { title: h1?.trim() || title || pageUrl, markdown, links };
}

// turndown (with its GFM plugin) is the converter: tables keep their header row, ordered lists stay ordered, nested
// lists keep their depth, and code blocks stay fenced with their language.
const turndown = new TurndownService({
  headingStyle: "atx",
  codeBlockStyle: "fenced",
  bulletListMarker: "-",
  emDelimiter: "_",
});
turndown.use(gfm);
turndown.addRule("fencedWithLanguage", {
  // Highlighters put the language on <pre> as often as on <code>.
  filter: (node) => node.nodeName === "PRE",
  replacement: (_content, node) => {
    const pre = node as unknown as DomElement;
    const code = pre.querySelector("code");
    const cls = `${code?.getAttribute("class") ?? ""} ${pre.getAttribute("class") ?? ""}`;
    const lang = /(?:language|lang)-([\w+-]+)/.exec(cls)?.[1] ?? "";
    const text = (code ?? pre).textContent?.replace(/\n$/, "") ?? "";
    return `\n\n\`\`\`${lang}\n${text}\n\`\`\`\n\n`;
  },
});

/** The part of a DOM element the rule reads (the project compiles without the DOM library). */
interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  textContent: string | null;
}

function toMarkdown(html: string): string {
  return turndown
    .turndown(html)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
