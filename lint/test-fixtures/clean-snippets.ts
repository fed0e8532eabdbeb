// Correct Prefect code, written for Orca's tests: every snippet must lint clean for its version (no false alarms).
// Each snippet is a .py file under clean/ whose first two lines name it and the release it is written for:
//   # orca-fixture: <name>
//   # prefect: <version>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface CleanSnippet {
  name: string;
  version: string;
  code: string;
}

const HEADER = /^# orca-fixture: (.+)\n# prefect: (\S+)\n/;
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "clean");

function readSnippet(file: string): CleanSnippet {
  const text = readFileSync(path.join(DIR, file), "utf8");
  const header = HEADER.exec(text);
  if (!header) throw new Error(`${file}: the first two lines must be "# orca-fixture: NAME" and "# prefect: VERSION"`);
  return { name: header[1]!, version: header[2]!, code: text.slice(header[0].length) };
}

export const CLEAN_SNIPPETS: readonly CleanSnippet[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map(readSnippet);
