// YAML front matter of Markdown and MDX files (docs pages, pack notes): one parser for the docs reader, the note
// library and the passage extracts.
import { parse as parseYaml } from "yaml";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Set when a front-matter block was present but not valid YAML (the body is still used). */
  error?: string;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(text: string): FrontMatter {
  const m = BLOCK.exec(text);
  if (!m) return { data: {}, body: text.replace(/^\uFEFF/, "") };
  const body = text.slice(m[0].length);
  try {
    const parsed: unknown = parseYaml(m[1] ?? "");
    const data =
      parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { data, body };
  } catch (error) {
    return { data: {}, body, error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}
