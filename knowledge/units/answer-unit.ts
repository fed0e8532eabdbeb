// Answer units: the knowledge Orca answers from, as data. A unit holds the questions it answers (several everyday
// phrasings), a one- or two-sentence direct answer, details, an example, the releases it holds for (a PEP 440
// specifier), its sources and the error messages it explains. Units are written in Orca's words under
// knowledge/pack/units/*.yaml, or generated from the structured facts (settings, see setting-units.ts).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { InputError } from "../../core/index.js";

export const QUESTION_KINDS = [
  "yes-no",
  "how-to",
  "why-error",
  "compare",
  "which-setting",
  "list",
  "review-code",
  "other",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const source = z.object({ title: z.string().min(1), url: z.string().url() }).strict();

const unitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Questions this unit answers, in askers' words. */
    asks: z.array(z.string().min(8)).min(2),
    /**
     * The plain first questions the unit answers ("how do i cache a task?"): matched only when a question says exactly
     * their words, since words that common would otherwise pull every longer question about the topic.
     */
    basics: z.array(z.string().min(8)).optional(),
    /** The names the unit is about (APIs, settings, CLI commands, concepts): an exact match in a question is strong. */
    about: z.array(z.string().min(2)).default([]),
    /** The direct answer: one or two sentences that answer the asks on their own. */
    answer: z.string().min(10),
    details: z.array(z.string()).default([]),
    example: z
      .object({ language: z.string().default("python"), code: z.string().min(1) })
      .strict()
      .optional(),
    /** PEP 440 specifier of the Prefect releases the unit holds for ("<3", ">=3.1"); all when absent. */
    versions: z.string().optional(),
    errors: z.array(z.string()).default([]),
    /**
     * "list": the answer enumerates a family ("every key of prefect.yaml", "the CLI's flow-run commands"); "compare":
     * it sets two things side by side. Either fits questions that ask for that, rather than one how-to or yes/no.
     */
    shape: z.enum(["list", "compare"]).optional(),
    /**
     * Text in the answer and example that stands for the asker's own names, replaced by the names they write:
     * `modules` for their packages' or loggers' names ("my_package,botocore" → "acme.etl,dwh_utils").
     */
    slots: z
      .object({ modules: z.string().min(3) })
      .strict()
      .optional(),
    sources: z.array(source).min(1),
  })
  .strict();

export type AnswerUnitRecord = z.infer<typeof unitSchema>;

export interface AnswerUnit extends AnswerUnitRecord {
  /** Where the unit comes from: a pack file, or the facts it was generated from. */
  origin: string;
  /** For units generated from the settings table: the setting they describe (rendered per release). */
  setting?: string;
}

/**
 * A unit's text with its value slots filled: `{{limit|5}}`, `{{tag|database}}`, `{{env|GIT_SHA}}` become the asker's
 * own value where `own` has one, else the unit's example value after the bar.
 */
export function fillSlots(text: string, own: Readonly<Record<string, string | null | undefined>> = {}): string {
  return text.replace(/\{\{([a-z_]+)\|([^}]*)\}\}/g, (_, key: string, fallback: string) => own[key] ?? fallback);
}

/** Parses one units file (a YAML list). */
export function parseUnits(text: string, origin: string): AnswerUnit[] {
  const raw = parse(text) as unknown;
  const list = z.array(unitSchema).safeParse(raw);
  if (!list.success) {
    const issue = list.error.issues[0];
    throw new InputError(`${origin}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid answer unit"}`);
  }
  return list.data.map((u) => ({ ...u, origin }));
}

/** Every unit of a directory's .yaml files, in file order; ids must be unique. */
export function loadUnitsDir(dir: string): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".yaml")) continue;
    for (const u of parseUnits(readFileSync(path.join(dir, name), "utf8"), `units/${name}`)) {
      if (seen.has(u.id)) throw new InputError(`answer unit id "${u.id}" is defined twice (units/${name})`);
      seen.add(u.id);
      units.push(u);
    }
  }
  return units;
}
