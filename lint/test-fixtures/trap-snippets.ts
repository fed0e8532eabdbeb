// Code with (and look-alikes without) a runtime trap, written for Orca's rule tests. Each snippet is a .py file
// under traps/<group>/ whose first four lines say what it is, the release it is checked against, the rule and the
// lines (of the file) where that rule must speak, or "none" when it must stay quiet:
//   # orca-fixture: <name>
//   # prefect: <version>
//   # rule: <rule id>
//   # lines: <line> <line> ... | none
// and, optionally, the words the asker's message writes beside the code (`LintOptions.spoken`):
//   # spoken: <word> <word> ...
// A `<file>.fixed.py` beside a snippet holds its code (without the header) once every safe fix is applied.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RULE_IDS, type RuleId } from "../../core/index.js";

export interface TrapSnippet {
  file: string;
  name: string;
  version: string;
  rule: RuleId;
  /** 1-based lines of the file where the rule must report; empty when it must stay quiet. */
  lines: number[];
  /** The whole file, header included (the header is comments, so line numbers are the file's). */
  text: string;
  /** Length of the header, to compare the fixed code without it. */
  headerLength: number;
  /** The expected code after the safe fixes, when a `.fixed.py` file is given. */
  fixed?: string;
  /** The words the asker writes outside the code, when the snippet says so. */
  spoken?: string[];
}

const HEADER = /^# orca-fixture: (.+)\n# prefect: (\S+)\n# rule: (\S+)\n# lines: ([\d ]+|none)\n(?:# spoken: (.+)\n)?/;
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "traps");

function readSnippet(dir: string, file: string): TrapSnippet {
  const full = path.join(dir, file);
  const text = readFileSync(full, "utf8");
  const header = HEADER.exec(text);
  if (!header) throw new Error(`${file}: the first lines must be orca-fixture, prefect, rule and lines headers`);
  const rule = header[3] as RuleId;
  if (!RULE_IDS.includes(rule)) throw new Error(`${file}: unknown rule ${rule}`);
  const fixedPath = full.replace(/\.py$/, ".fixed.py");
  return {
    file,
    name: header[1]!,
    version: header[2]!,
    rule,
    lines: header[4] === "none" ? [] : header[4]!.trim().split(/\s+/).map(Number),
    text,
    headerLength: header[0].length,
    fixed: existsSync(fixedPath) ? readFileSync(fixedPath, "utf8") : undefined,
    ...(header[5] ? { spoken: header[5].trim().split(/\s+/) } : {}),
  };
}

/** The snippets of one group (a folder under traps/), in file order. */
export function trapSnippets(group: string): TrapSnippet[] {
  const dir = path.join(ROOT, group);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py") && !f.endsWith(".fixed.py"))
    .sort()
    .map((f) => readSnippet(dir, f));
}
