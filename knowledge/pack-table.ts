// A table of the knowledge pack (YAML under knowledge/pack/: paraphrases, alternatives, the glossary), read and
// validated in one place: a missing file is no table, a malformed one a clear error naming the file and where.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { InputError } from "../core/index.js";

/** The file's table, or `null` when there is no such file; `empty` stands for a file with nothing in it. */
export function readPackTable<T>(file: string, schema: z.ZodType<T>, empty: unknown): T | null {
  if (!existsSync(file)) return null;
  const parsed = schema.safeParse(parse(readFileSync(file, "utf8")) ?? empty);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${path.basename(file)}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
