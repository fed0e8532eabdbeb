// The answer's hook into the release-notes facts: from the understood question (its words, code, API names and the
// asker's version) at most one statement that leads the answer ("Fixed in 3.4.25 (#19258); you are on 3.4.20: …")
// and, with it, a few "possibly related" links. Everything about matching lives in knowledge/facts (changeLead).
import { type ChangeFactsStore, type ChangeLead, changeLead, type PrefectFacts } from "../../knowledge/index.js";
import type { ApiFinding } from "./api-lookup.js";
import type { CheckedSnippet } from "./check-code.js";
import type { ThreadReading } from "./read-thread.js";

export interface UnderstoodQuestion {
  reading: ThreadReading;
  apis: ApiFinding[];
  checked: CheckedSnippet[];
  scoped: boolean;
}

/** The change lead for a question; null when there are no change facts or the question is out of scope. */
export function changeLeadFor(
  deps: { changes?: ChangeFactsStore; facts: PrefectFacts },
  q: UnderstoodQuestion,
): ChangeLead | null {
  if (!deps.changes || q.scoped) return null;
  const { version } = q.reading;
  return changeLead(
    { changes: deps.changes, facts: deps.facts },
    {
      text: [q.reading.prose, q.reading.commands].filter(Boolean).join("\n"),
      code: q.checked.map((c) => c.code).join("\n\n"),
      apis: q.apis.map((a) => a.fq ?? a.asked),
      // An assumed version is not the asker's: say "if you are on an older release" instead of "you are on".
      version: version.how === "assumed" ? undefined : version.resolved,
    },
  );
}

/** Puts a strong statement first, and its related links after it; a weak match alone changes nothing. */
export function withChangeLead(markdown: string, lead: ChangeLead | null): string {
  if (!lead?.lead) return markdown;
  const link = lead.url && lead.pr ? ` ([#${lead.pr}](${lead.url}))` : "";
  const related = lead.related
    .filter((r) => r.url)
    .slice(0, 2)
    .map((r) => `[${r.text}](${r.url})`);
  const tail = related.length > 0 ? `\n\n_Possibly related: ${related.join("; ")}._` : "";
  return `**${lead.lead}**${link}\n\n${markdown}${tail}`;
}
