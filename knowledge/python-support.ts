// Which Python versions each Prefect release installs on. The API history says what a release contains, not which
// interpreters it runs on, so this table is read from the release notes (2.x: 2.6.5 added 3.11, 2.10.20 dropped 3.7,
// 2.14.14 added 3.12; 3.x: 3.3.0 added 3.13, 3.4.25 added 3.14, 3.5.0 dropped 3.9) and agrees with fact sheet B48
// (2.20: 3.8+, 3.0: 3.9+, 3.8.3: 3.10+). Both the claim checker ("Prefect 3.8 still supports Python 3.9" is false)
// and the answer to "can we install 3.8.3 on python 3.9?" read it here.
import { compareVersions } from "../core/index.js";

export interface PythonSupportRow {
  /** The first release of the range; it runs to the next newer row's first release. */
  readonly from: string;
  /** Every Python minor version the range installs on, oldest first. */
  readonly python: readonly string[];
}

/** Newest first. Releases before the last row's `from` are not covered: the notes before 2.6.5 do not say. */
export const PYTHON_SUPPORT_ROWS: readonly PythonSupportRow[] = [
  { from: "3.5.0", python: ["3.10", "3.11", "3.12", "3.13", "3.14"] },
  { from: "3.4.25", python: ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] },
  { from: "3.3.0", python: ["3.9", "3.10", "3.11", "3.12", "3.13"] },
  { from: "3.0.0", python: ["3.9", "3.10", "3.11", "3.12"] },
  { from: "2.14.14", python: ["3.8", "3.9", "3.10", "3.11", "3.12"] },
  { from: "2.10.20", python: ["3.8", "3.9", "3.10", "3.11"] },
  { from: "2.6.5", python: ["3.7", "3.8", "3.9", "3.10", "3.11"] },
];

/** The row covering a release, or `null` for a release older than the table. */
function pythonSupportAt(release: string): PythonSupportRow | null {
  return PYTHON_SUPPORT_ROWS.find((r) => compareVersions(release, r.from) >= 0) ?? null;
}

/** Compares two Python minor versions ("3.9" < "3.10"). */
function comparePython(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0);
}

/**
 * What the table says of a Python version at a release: supported; or not, because it is older than the release's
 * oldest (with the release that dropped it) or newer than its newest (with the first release that supports it).
 */
export type PythonVerdict =
  | { supported: true; row: PythonSupportRow }
  | { supported: false; row: PythonSupportRow; older: boolean; droppedIn?: string; supportedFrom?: string };

export function pythonVerdict(python: string, release: string): PythonVerdict | null {
  const row = pythonSupportAt(release);
  if (!row) return null;
  if (row.python.includes(python)) return { supported: true, row };
  const at = PYTHON_SUPPORT_ROWS.indexOf(row);
  if (comparePython(python, row.python[0]!) < 0) {
    // The newest row older than the release's that still has it ends where the next newer row begins.
    const last = PYTHON_SUPPORT_ROWS.findIndex((r, i) => i > at && r.python.includes(python));
    return {
      supported: false,
      row,
      older: true,
      ...(last > 0 ? { droppedIn: PYTHON_SUPPORT_ROWS[last - 1]!.from } : {}),
    };
  }
  const first = PYTHON_SUPPORT_ROWS.findLastIndex((r, i) => i < at && r.python.includes(python));
  return {
    supported: false,
    row,
    older: false,
    ...(first >= 0 ? { supportedFrom: PYTHON_SUPPORT_ROWS[first]!.from } : {}),
  };
}
