// The pass-rate floor: a number in [0, 1] given on the command line or recorded in a JSON file.
import { readFile } from "node:fs/promises";
import { InputError } from "../core/index.js";

/** "0.8", "80%" -> 0.8. */
export function parseMinPass(text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith("%");
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed) / (percent ? 100 : 1);
  if (trimmed === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(`--min-pass must be a rate between 0 and 1 (or a percentage), got "${text}"`);
  }
  return value;
}

/** Reads `{ "minPass": 0.x }`. */
export async function readMinPassFile(file: string): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "not valid JSON";
    throw new InputError(`${file}: ${reason}`);
  }
  const value = (raw as { minPass?: unknown } | null)?.minPass;
  if (typeof value !== "number" || value < 0 || value > 1) {
    throw new InputError(`${file}: expected { "minPass": <number between 0 and 1> }`);
  }
  return value;
}
