// Parses case files (a JSON array or JSON Lines) and validates every record; errors name file:line.
import { InputError } from "../core/index.js";
import { caseSchema, describeIssue, toEvalCase } from "./case-schema.js";
import type { EvalCase } from "./types.js";

export class CaseFileError extends InputError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${detail}`);
  }
}

/** Parses one case file's text. `file` is only used in error messages and case origins. */
export function parseCaseFile(text: string, file: string): EvalCase[] {
  const trimmed = text.trimStart();
  if (trimmed === "") return [];
  if (trimmed.startsWith("[")) return parseJsonArray(text, file);
  const whole = tryParse(text);
  if (whole.ok && !Array.isArray(whole.value)) return [validate(whole.value, file, firstContentLine(text))];
  return parseJsonLines(text, file);
}

function parseJsonArray(text: string, file: string): EvalCase[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CaseFileError(file, syntaxErrorLine(text, error), `not valid JSON: ${errorMessage(error)}`);
  }
  if (!Array.isArray(value)) throw new CaseFileError(file, 1, "expected a JSON array of cases");
  const offsets = arrayElementOffsets(text);
  return value.map((record, i) => validate(record, file, lineAt(text, offsets[i] ?? 0)));
}

function parseJsonLines(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const parsed = tryParse(line);
    if (!parsed.ok) throw new CaseFileError(file, i + 1, `not valid JSON: ${parsed.message}`);
    cases.push(validate(parsed.value, file, i + 1));
  });
  return cases;
}

function validate(record: unknown, file: string, line: number): EvalCase {
  const result = caseSchema.safeParse(record);
  if (!result.success) {
    const id = typeof record === "object" && record !== null && "id" in record ? ` (case "${String(record.id)}")` : "";
    throw new CaseFileError(file, line, `${describeIssue(result.error)}${id}`);
  }
  return { ...toEvalCase(result.data), origin: { file, line } };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function syntaxErrorLine(text: string, error: unknown): number | undefined {
  const message = errorMessage(error);
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  return firstBrokenElementLine(text);
}

/** V8 does not always say where JSON breaks; parse element by element to find the first broken one. */
function firstBrokenElementLine(text: string): number | undefined {
  const offsets = arrayElementOffsets(text);
  const end = text.lastIndexOf("]");
  for (const [i, start] of offsets.entries()) {
    const slice = text
      .slice(start, offsets[i + 1] ?? (end > start ? end : text.length))
      .trim()
      .replace(/,$/, "");
    if (!tryParse(slice).ok) return lineAt(text, start);
  }
  return undefined;
}

function firstContentLine(text: string): number {
  return lineAt(text, text.length - text.trimStart().length);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Start offsets of the elements of a top-level JSON array (the text is known to be valid JSON). */
export function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (depth === 1 && expectElement && ch !== "]") {
      offsets.push(i);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return offsets;
}
