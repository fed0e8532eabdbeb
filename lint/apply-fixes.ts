// Applying text edits, and following offsets through them (the linter fixes mangling before it parses, then reports
// positions and fixes in the text the caller gave it).
import type { Diagnosis, TextEdit } from "../core/index.js";

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Applies edits that do not overlap one another (the caller guarantees it); equal insertion points keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = "";
  let cursor = 0;
  for (const { e } of sorted) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = Math.max(cursor, e.end);
  }
  return out + text.slice(cursor);
}

/**
 * Applies every diagnosis' fix to the code. A fix is all-or-nothing: one that would overlap an earlier accepted fix
 * is skipped, so the result is always well-formed text.
 */
export function applyFixes(code: string, diagnoses: readonly Diagnosis[]): string {
  const accepted: TextEdit[] = [];
  for (const d of diagnoses) {
    const edits = d.fix?.edits ?? [];
    if (edits.length === 0) continue;
    const valid = edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= code.length);
    if (!valid || edits.some((e) => accepted.some((a) => overlaps(a, e)))) continue;
    accepted.push(...edits);
  }
  return applyEdits(code, accepted);
}

/** A text after edits, able to map its offsets back to the text before them. */
export class Rewrite {
  readonly text: string;
  /** Edits with their position in the new text, sorted. */
  private readonly placed: { source: TextEdit; newStart: number; newEnd: number }[] = [];

  constructor(
    readonly source: string,
    edits: readonly TextEdit[],
  ) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let delta = 0;
    for (const e of sorted) {
      const newStart = e.start + delta;
      this.placed.push({ source: e, newStart, newEnd: newStart + e.text.length });
      delta += e.text.length - (e.end - e.start);
    }
    this.text = applyEdits(source, sorted);
  }

  /** Offset in the source for an offset in the new text (inside a rewritten span: the span's start). */
  toSource(offset: number): number {
    let delta = 0;
    for (const p of this.placed) {
      if (offset < p.newStart) break;
      if (offset < p.newEnd) return p.source.start;
      delta = p.newEnd - p.source.end;
    }
    return offset - delta;
  }

  /** An edit of the new text as an edit of the source, or null when it touches rewritten text. */
  editToSource(edit: TextEdit): TextEdit | null {
    for (const p of this.placed) {
      const inside =
        edit.start === edit.end
          ? p.newStart < edit.start && edit.start < p.newEnd
          : p.newStart < edit.end && edit.start < p.newEnd;
      if (inside) return null;
    }
    return { start: this.toSource(edit.start), end: this.toSource(edit.end), text: edit.text };
  }
}
