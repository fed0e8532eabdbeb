// Extracts the main content of an HTML page as Markdown: navigation, footers, scripts and forms are dropped,
// headings and code blocks are kept.
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";

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
  const out: string[] = [];
  if (main) for (const node of main.contents().toArray()) render($, node, out);
  const markdown = out
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const h1 = /^#\s+(.+)$/m.exec(markdown)?.[1];
  return { title: h1?.trim() || title || pageUrl, markdown, links };
}

function render($: cheerio.CheerioAPI, node: AnyNode, out: string[]): void {
  if (node.type === "text") {
    out.push((node as unknown as { data: string }).data.replace(/\s+/g, " "));
    return;
  }
  if (node.type !== "tag") return;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = () => {
    for (const child of el.children) render($, child, out);
  };
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    out.push(`\n\n${"#".repeat(Number(heading[1]))} ${$(el).text().trim().replace(/\s+/g, " ")}\n\n`);
    return;
  }
  switch (tag) {
    case "pre": {
      const code = $(el).find("code").first();
      const cls = `${code.attr("class") ?? ""} ${$(el).attr("class") ?? ""}`;
      const lang = /(?:language|lang)-([\w+-]+)/.exec(cls)?.[1] ?? "";
      const text = (code.length > 0 ? code : $(el)).text().replace(/\n$/, "");
      out.push(`\n\n\`\`\`${lang}\n${text}\n\`\`\`\n\n`);
      return;
    }
    case "code":
      out.push(`\`${$(el).text()}\``);
      return;
    case "br":
      out.push("\n");
      return;
    case "li":
      out.push("\n- ");
      children();
      return;
    case "p":
    case "div":
    case "section":
    case "table":
    case "tr":
    case "ul":
    case "ol":
    case "blockquote":
    case "dl":
      out.push("\n\n");
      children();
      out.push("\n\n");
      return;
    case "td":
    case "th":
      children();
      out.push(" | ");
      return;
    default:
      children();
  }
}
