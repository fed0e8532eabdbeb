import { parseVersion, stripPunctuation } from "../../../core/index.js";
import { words } from "./question-kind.js";

/** How a Python version is introduced: "python 3.9", "python3.9", "py3.12", "py 3.10". */
const PYTHON_WORDS = ["python", "py"] as const;

/** A Python 3 minor version written after "python" ("3.9", "3.9.18" → "3.9"), else null. */
function minorOf(text: string | undefined): string | null {
  if (!text || !text.startsWith("3.")) return null;
  const parsed = parseVersion(text);
  return parsed && parsed[0] === 3 ? `3.${parsed[1]}` : null;
}

/** The Python minor versions a text names as Python's ("our python 3.9 base image" → ["3.9"]); not Prefect's. */
export function pythonVersionsNamed(text: string): string[] {
  const w = words(text).map(stripPunctuation);
  const out = new Set<string>();
  w.forEach((word, i) => {
    for (const lead of PYTHON_WORDS) {
      const minor = word === lead ? minorOf(w[i + 1]) : word.startsWith(lead) ? minorOf(word.slice(lead.length)) : null;
      if (minor) out.add(minor);
    }
  });
  return [...out];
}
