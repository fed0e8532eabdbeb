// Public links and version tags for files read from a docs folder.
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Maps a file path relative to the ingested folder to its public page. The base URL is either a prefix
 * ("https://docs.prefect.io/v3/" + "concepts/task-runners") or a template with "{path}"
 * ("https://docs-2.prefect.io/latest/{path}/"). "index" pages map to their folder.
 */
export function docUrl(relativePath: string, baseUrl: string | undefined, absolutePath: string): string {
  if (!baseUrl) return pathToFileURL(absolutePath).href;
  let page = relativePath
    .split(path.sep)
    .join("/")
    .replace(/\.(mdx?|markdown|html?)$/i, "");
  page = page === "index" ? "" : page.replace(/\/index$/, "");
  if (baseUrl.includes("{path}")) return baseUrl.replace("{path}", page).replace(/([^:])\/\/+/g, "$1/");
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return base + page;
}

/** "2" or "3" from a folder name such as v3/, prefect-2/, 2.x/ anywhere in the path; null when absent. */
export function detectVersionTag(filePath: string): string | null {
  const parts = filePath.split(/[\\/]/).reverse();
  for (const part of parts) {
    const m = /^(?:v|prefect-?|prefect_)?([23])(?:\.x)?$/i.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** Version tag from a front-matter `versions` list: one major gives its tag, several give null (applies to all). */
export function versionTagFromList(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const majors = [...new Set(list.map((v) => String(v).trim().split(".")[0]).filter((v) => /^\d+$/.test(v ?? "")))];
  if (majors.length === 1) return majors[0] ?? null;
  return null;
}
