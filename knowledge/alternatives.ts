// Families of alternatives (knowledge/pack/alternatives.yaml): where runs execute, which distributed task runner, which
// cloud. A question that names one member of a family is not answered by a unit about another member only: "pass
// secrets to my flow on ECS" is not a question about the Kubernetes Helm chart. Offline matching sees the words the
// two share ("secrets", "worker") and not that the places differ; this table, in data, says which places exclude
// each other.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PACK_DIR } from "./default-pack.js";
import { readPackTable } from "./pack-table.js";

export interface Alternatives {
  /** Per family, the members a text names. */
  membersIn(text: string): Map<string, Set<string>>;
  readonly size: number;
}

const schema = z.array(
  z
    .object({
      family: z.string().min(2),
      members: z.record(z.string().min(2), z.array(z.string().min(2)).min(1)),
    })
    .strict(),
);

/**
 * A text as phrases are looked up in it: lower case, words separated by single spaces. Hyphens and colons inside a
 * name stay (`prefect-docker`, `ecs:push`); code punctuation does not (`prefect_dask` → "prefect dask",
 * `s3://bucket` → "s3 bucket").
 */
function normal(text: string): string {
  const spaced = text
    .toLowerCase()
    .replace(/[^a-z0-9:-]+/g, " ")
    .replace(/:(?![a-z])|(?<![a-z0-9]):|(?<![a-z0-9])-|-(?![a-z0-9])/g, " ");
  return ` ${spaced.replace(/\s+/g, " ").trim()} `;
}

export function createAlternatives(
  entries: readonly { family: string; members: Readonly<Record<string, readonly string[]>> }[],
): Alternatives {
  const phrases: { family: string; member: string; phrase: string }[] = [];
  for (const { family, members } of entries)
    for (const [member, says] of Object.entries(members))
      for (const say of says) phrases.push({ family, member, phrase: normal(say) });
  return {
    size: phrases.length,
    membersIn(text) {
      const said = normal(text);
      const out = new Map<string, Set<string>>();
      for (const p of phrases)
        if (said.includes(p.phrase)) {
          const named = out.get(p.family) ?? new Set<string>();
          named.add(p.member);
          out.set(p.family, named);
        }
      return out;
    },
  };
}

export const NO_ALTERNATIVES: Alternatives = createAlternatives([]);

export function loadAlternatives(file = path.join(DEFAULT_PACK_DIR, "alternatives.yaml")): Alternatives {
  const table = readPackTable(file, schema, []);
  return table === null ? NO_ALTERNATIVES : createAlternatives(table);
}

/**
 * Whether a unit (the members it names, per family) is about another member of a family than the question names: both
 * name members of that family and share none.
 */
export function namesOtherAlternative(
  question: ReadonlyMap<string, ReadonlySet<string>>,
  unit: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  for (const [family, asked] of question) {
    const about = unit.get(family);
    if (about && ![...about].some((m) => asked.has(m))) return true;
  }
  return false;
}
