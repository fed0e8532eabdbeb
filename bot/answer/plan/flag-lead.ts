// "Is there a flag for that?" about a command the asker writes: the command's own flags in their release answer it,
// from the CLI history, before any unit about the topic ("`prefect deploy --cron '0 6 * * *'` runs at 6 UTC, we need
// Berlin time. is there a flag for that?" → `--timezone`).
import { compareVersions, stripPunctuation } from "../../../core/index.js";
import { type PrefectFacts, tokenize } from "../../../knowledge/index.js";
import { commandsWritten, pointsBack, type Question, words } from "../understand/index.js";
import type { LeadCandidate } from "./answer-plan.js";

/** Words that ask for a flag ("is there a flag for that?", "an option to skip the push?"). */
const FLAG_WORDS = new Set(["flag", "flags", "option", "options", "switch", "argument", "arg"]);
/** How sure a flag named by the question's own words is: the facts are exact, the reading of the words is not. */
const FLAG_CONFIDENCE = 0.9;

export function flagLead(question: Question, release: string, facts: PrefectFacts): LeadCandidate | null {
  // Facts without a CLI history write no commands.
  const commands = commandsWritten(question.text, facts, release).filter((c) => c.present);
  if (commands.length !== 1) return null;
  const command = commands[0]!;
  const name = `\`prefect ${command.key}\``;
  // A flag the asker writes that their release's command does not take ("`prefect deployment run … --flow-run-name
  // x` says no such option" on 3.3.7) is the first fact, whatever else they ask.
  const missing = writtenFlags(question.text).filter((f) => command.optionRanges[f] && !command.options.includes(f));
  if (missing.length === 1) {
    const flag = missing[0]!;
    const range = command.optionRanges[flag]!;
    const when =
      compareVersions(range.first, release) > 0
        ? `it arrived in ${range.first}. Upgrade to ${range.first} or later to use it.`
        : `it was removed after ${range.last}.`;
    return {
      text: `No — ${name} does not take \`${flag}\` in Prefect ${release}: ${when}`,
      confidence: FLAG_CONFIDENCE,
      sources: [],
      basis: "facts",
      lacks: true,
      about: [flag, `prefect ${command.key}`],
    };
  }
  const asked = words(question.asking);
  const flagWord = asked.findIndex((w) => FLAG_WORDS.has(w));
  if (flagWord < 0) return null;
  // What the flag is for: the words after "flag" ("a flag to turn off the prompts"), or, when those point back ("a
  // flag for that?"), the whole message; with the asker's values ("Europe/Berlin" is a time zone).
  const after = asked.slice(flagWord + 1).join(" ");
  const forWhat = pointsBack(after) || tokenize(after).length === 0 ? question.text : after;
  // Two words a flag spells as one ("time zone" → `--timezone`) count as that one.
  const plain = words(forWhat);
  const joined = plain.slice(1).map((w, i) => `${plain[i]}${w}`);
  const said = new Set(tokenize(`${forWhat} ${joined.join(" ")} ${question.values.timezone ? "timezone" : ""}`));
  const lower = question.text.toLowerCase();
  const matching = Object.keys(command.optionRanges).filter((flag) => {
    if (!flag.startsWith("--") || lower.includes(flag)) return false;
    // A flag gone before the release answers nothing the asker is looking for.
    if (compareVersions(command.optionRanges[flag]!.last, release) < 0) return false;
    const parts = tokenize(flag.slice(2).replaceAll("-", " "));
    return parts.length > 0 && parts.every((p) => said.has(p));
  });
  if (matching.length !== 1) return null;
  const flag = matching[0]!;
  const range = command.optionRanges[flag]!;
  const value = flag === "--timezone" && question.values.timezone ? ` ${question.values.timezone}` : " …";
  const present = command.options.includes(flag);
  const text = present
    ? `Yes — ${name} takes \`${flag}\` in Prefect ${release} (since ${range.first}): add \`${flag}${value}\` to the command.`
    : `No — ${name} does not take \`${flag}\` in Prefect ${release}: it arrived in ${range.first}. Upgrade to ${range.first} or later to use it.`;
  return {
    text,
    confidence: FLAG_CONFIDENCE,
    sources: [],
    basis: "facts",
    lacks: !present,
    about: [flag, `prefect ${command.key}`],
  };
}

/** The long flags a text writes (`--flow-run-name`, `--timezone=UTC`), as the CLI spells them. */
function writtenFlags(text: string): string[] {
  return [
    ...new Set(
      text
        .replaceAll("\n", " ")
        .split(" ")
        .filter((t) => t.startsWith("--") && t.length > 3)
        .map((t) => stripPunctuation(t.split("=")[0]!))
        .map((t) => `--${t}`),
    ),
  ];
}
