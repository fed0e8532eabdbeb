// The case file contract (shared with everyone who writes cases), validated with zod.
import { z } from "zod";
import { RULE_IDS, type ThreadMessage } from "../core/index.js";
import type { EvalCase } from "./types.js";

const regex = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, "i");
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: `invalid regular expression /${source}/: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
});

const expectSchema = z
  .object({
    diagnoses: z.array(z.enum(RULE_IDS)).optional(),
    lead: z.array(regex).optional(),
    mentions: z.array(regex).optional(),
    must_not: z.array(regex).optional(),
    sources: z.array(z.string().min(1)).optional(),
    code_lints_clean: z.boolean().optional(),
  })
  .strict();

const versionSchema = z
  .string()
  .regex(/^\d+(\.\d+){0,2}$/, 'must look like "3.4.20", "3.4", "3" or be null')
  .nullable();

export const caseSchema = z
  .object({
    id: z.string().trim().min(1),
    prefect_version: versionSchema.optional(),
    thread: z.array(z.object({ author: z.enum(["user", "bot"]), text: z.string() }).strict()).optional(),
    question: z.string().trim().min(1),
    expect: expectSchema.optional(),
    tags: z.array(z.string().min(1)).optional(),
    reference: z.string().optional(),
  })
  .strict();

export type CaseFileRecord = z.infer<typeof caseSchema>;

/** Maps a validated record to the internal case shape. */
export function toEvalCase(record: CaseFileRecord): EvalCase {
  const thread: ThreadMessage[] = (record.thread ?? []).map((m) => ({
    author: m.author,
    text: m.text,
    isBot: m.author === "bot",
  }));
  const e = record.expect ?? {};
  return {
    id: record.id,
    prefectVersion: record.prefect_version ?? null,
    thread,
    question: record.question,
    expect: {
      diagnoses: e.diagnoses,
      lead: e.lead,
      mentions: e.mentions,
      mustNot: e.must_not,
      sources: e.sources,
      codeLintsClean: e.code_lints_clean,
    },
    tags: record.tags ?? [],
    ...(record.reference !== undefined ? { reference: record.reference } : {}),
  };
}

/** One line describing the first validation problem, e.g. `expect.mentions[0]: invalid regular expression`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid case";
  const where = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
  const message =
    issue.code === "unrecognized_keys"
      ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`
      : issue.message;
  return where ? `${where}: ${message}` : message;
}
