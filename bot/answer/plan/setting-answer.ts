// The direct answer about one PREFECT_* setting, for the asker's release: the name to set (the successor when the
// asked name was renamed, the old name when the asker's release predates the new one), where it applies, its
// default then, its prefect.toml key, and the releases it exists in.
import { compareVersions, containsWord } from "../../../core/index.js";
import {
  describeDefault,
  type SettingRecord,
  SettingsFacts,
  settingWords,
  tokenize,
} from "../../../knowledge/index.js";
import { numberGivenFor, type QuestionKind, splitSentences, words } from "../understand/index.js";

export interface SettingAnswer {
  name: string;
  lead: string;
  details: string[];
  /** The release has the setting under no name: what to set instead is for another text to say. */
  unknownThere?: boolean;
}

// The description's first sentence; "(e.g. count of flow runs)" does not end it.
const sentence = (text: string) => {
  const first = (splitSentences(text)[0] ?? text).trim();
  const body = first.endsWith(".") ? first.slice(0, -1) : first;
  return body.charAt(0).toLowerCase() + body.slice(1);
};

/**
 * Which process reads a setting, from Prefect's naming of its settings: the server's own (`PREFECT_SERVER_*`, and the
 * older names that became them: `PREFECT_API_SERVICES_*`, `PREFECT_ORION_*`), a worker's, a runner's, every API
 * client's, else the process that runs the flow. A deployment's run gets the last through its job variables' `env`.
 */
const SERVER = "on the server (the process that serves the Prefect API), then restart it";
const READ_BY_FLOW =
  "in the environment of the process that runs the flow (for a deployment, the worker's job variables' `env`)";
const CLIENTS = "in the environment of every process that talks to the API (workers, flow runs, the CLI)";
const READ_BY: ReadonlyArray<readonly [prefix: string, where: string]> = [
  ["PREFECT_SERVER_", SERVER],
  ["PREFECT_UI_", SERVER],
  ["PREFECT_ORION_", SERVER],
  ["PREFECT_WORKER_", "in the environment of the worker process (`prefect worker start`)"],
  ["PREFECT_RUNNER_", "in the environment of the process that serves or runs the flow (`.serve()`, or the flow run)"],
  ["PREFECT_API_URL", CLIENTS],
  ["PREFECT_API_KEY", CLIENTS],
  ["PREFECT_CLIENT_", CLIENTS],
  // Other prefixes mix server, client and flow-run settings (`PREFECT_API_DATABASE_*` is the server's,
  // `PREFECT_API_REQUEST_TIMEOUT` a client's): only these families are certain.
  ...["PREFECT_TASKS_", "PREFECT_TASK_", "PREFECT_FLOWS_", "PREFECT_FLOW_", "PREFECT_RESULTS_", "PREFECT_LOGGING_"].map(
    (prefix) => [prefix, READ_BY_FLOW] as const,
  ),
];

function readBy(facts: SettingsFacts, record: SettingRecord): string | null {
  const names = [record.name, facts.renamedTo(record.name)?.name ?? "", ...record.aliases];
  return READ_BY.find(([prefix]) => names.some((n) => n.startsWith(prefix)))?.[1] ?? null;
}

/** The setting to talk about for the release: itself, its successor, or the older name the release still has. */
function forRelease(facts: SettingsFacts, asked: string, release: string): SettingRecord | null {
  return facts.counterpartAt(asked, release);
}

/** A setting the question names that the asker's release does not have under that name. */
export function misnamedSetting(facts: SettingsFacts, names: string[], release: string): string | null {
  return names.find((n) => facts.at(n, release)?.exists === false) ?? null;
}

/**
 * What an unset or computed default comes to, where the setting's description says it ("Defaults to
 * $PREFECT_HOME/storage."): the value alone (`None`, `default_local_storage_path()`) tells the asker nothing.
 */
function describedDefault(description: string | undefined): string | null {
  const said = splitSentences(description ?? "")
    .map((t) => t.trim())
    .find((t) => t.startsWith("Defaults to ") && !t.startsWith("Defaults to None"));
  if (!said) return null;
  const body = said.slice("Defaults to ".length).replace(/\\\$/g, "$");
  const value = body.endsWith(".") ? body.slice(0, -1) : body;
  // A path or name on its own is code ("$PREFECT_HOME/storage"); a phrase keeps the description's own marks.
  return value.includes(" ") || value.includes("`") ? value : `\`${value}\``;
}

/** A default as written in the facts (`'INFO'`), without its quotes. */
const unquoted = (value: string) => value.replace(/^['"]|['"]$/g, "");

/** Whether the description already says the default ("the API's host address (defaults to `127.0.0.1`)"). */
function describesDefault(description: string | undefined, value: string): boolean {
  const bare = unquoted(value);
  return !!description && bare !== "" && description.includes("default") && containsWord(description, bare);
}

/** A default as an answer shows it: `None` is said to mean unset, and what either comes to where the setting says. */
function shownDefault(value: string, description?: string): string {
  const comesTo = value === "None" || value.endsWith("()") ? describedDefault(description) : null;
  if (value === "None") return comesTo ? `\`None\` (unset: it falls back to ${comesTo})` : "`None` (not set)";
  const shown = describeDefault(value);
  return comesTo ? `${shown}, which is ${comesTo}` : shown;
}

/**
 * The setting's default in the release, under the name the release knows it by ("`PREFECT_SERVER_LOGGING_LEVEL`
 * defaults to `WARNING` in Prefect 3.4.20."), with the value as written for comparing; null when the release has it
 * under no name.
 */
export function defaultSentence(
  facts: SettingsFacts,
  name: string,
  release: string,
): { text: string; value: string } | null {
  const record = forRelease(facts, name, release);
  if (!record) return null;
  const value = facts.at(record.name, release)?.default ?? record.default;
  const shown = shownDefault(value, record.description);
  return {
    text: `\`${record.name}\` defaults to ${shown} in Prefect ${release}.`,
    value: unquoted(value),
  };
}

/** The values a `LogLevel` setting takes (Prefect's name for the standard library's levels). */
const LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

/** The values a setting takes when its type lists them (`LogLevel`, `Literal['warn', 'error', 'ignore']`). */
function choicesOf(record: SettingRecord): string[] {
  if (record.type === "LogLevel") return LOG_LEVELS;
  if (!record.type?.includes("Literal[")) return [];
  // The quoted pieces of `Literal['warn', 'error', 'ignore']` are its values.
  return record.type.split("'").filter((_, i) => i % 2 === 1);
}

/**
 * The one value of the setting's choices the asker names ("i only want warnings and up" → `WARNING`), so the answer
 * writes it; none when they name none or several.
 */
function namedChoice(record: SettingRecord, text: string | undefined): string | undefined {
  if (!text) return undefined;
  const said = new Set(words(text).map((w) => (w.endsWith("s") ? w.slice(0, -1) : w)));
  const named = choicesOf(record).filter((c) => said.has(c.toLowerCase()));
  return named.length === 1 ? named[0] : undefined;
}

/** Setting types that hold a number. */
const NUMERIC = new Set(["int", "float", "Optional[int]", "Optional[float]", "PositiveInt", "NonNegativeInt"]);

/** The number the asker gives what a numeric setting is named for ("default to 2 retries"), by its name's last word. */
function namedNumber(record: SettingRecord, text: string | undefined): string | undefined {
  const head = tokenize(settingWords(record.name)).at(-1);
  return text && head && NUMERIC.has(record.type ?? "") ? numberGivenFor(head, text) : undefined;
}

/** Of a setting's words ("results persist by default"), the share a text must say to name the switch itself. */
const SWITCH_NAMED = 2 / 3;

/** Whether a text says most words of a switch's name, under any name it has had (`…_SERVER_DATABASE_…` on 2.x too). */
function namesSwitch(names: readonly string[], text: string | undefined): boolean {
  const said = new Set(tokenize(text ?? ""));
  return names.some((name) => {
    const own = tokenize(settingWords(name)).filter((t) => t !== "prefect");
    return own.length > 0 && own.filter((t) => said.has(t)).length >= SWITCH_NAMED * own.length;
  });
}

/**
 * Whether a switch does its thing at this value: `True`, or `False` for one named for the opposite
 * (`PREFECT_TASKS_DISABLE_CACHING`).
 */
const doesIt = (record: SettingRecord, value: string) => (value === "True") !== record.name.includes("DISABLE");

/** Verbs that, followed by "off" or "on", state which way the asker wants a switch. */
const SWITCH_VERBS = new Set(["turn", "turning", "switch", "switching", "shut"]);

/**
 * The value of a boolean setting the asker asks for by its direction: "turn off" / "disable" wants it off, "turn on" /
 * "enable" on; a setting named for the opposite (`PREFECT_TASKS_DISABLE_CACHING`) takes the opposite value.
 */
function switchedTo(record: SettingRecord, names: readonly string[], text: string | undefined): string | undefined {
  if (record.type !== "bool" || !text) return undefined;
  const w = words(text);
  const turned = (to: string) =>
    w.some((x, i) => x === to && w.slice(Math.max(0, i - 3), i).some((v) => SWITCH_VERBS.has(v)));
  // "stop the server from migrating on start" wants the switch it names off, as "turn off" does.
  const stopped = w.some((x) => x === "stop" || x === "prevent") && namesSwitch(names, text);
  const off = turned("off") || stopped || w.some((x) => x === "disable" || x === "disabling");
  const on = turned("on") || w.some((x) => x === "enable" || x === "enabling");
  if (off === on) return undefined;
  // The value at which the switch does what the asker wants (on) or does not (off).
  return doesIt(record, "True") === on ? "true" : "false";
}

/** The other value of a boolean setting's default (`False` → `true`), as one writes it in the environment. */
function flipped(type: string | undefined, value: string): string | undefined {
  if (type !== "bool") return undefined;
  if (value === "False") return "true";
  return value === "True" ? "false" : undefined;
}

/** Words that ask whether the asker must do it themselves ("do i need to run migrations myself?"). */
const BY_HAND = new Set(["myself", "ourselves", "yourself", "manually", "hand"]);
/** Words that ask whether Prefect does it on its own ("does it migrate automatically?"). */
const ON_ITS_OWN = new Set(["automatically", "automatic", "itself", "default"]);

/**
 * Asked yes or no whether something happens on its own or must be done by hand, a switch's default is the answer:
 * on by default, Prefect does it (yes to "automatically", no to "myself"); off, the reverse, and the asker sets it.
 */
function switchPolarity(record: SettingRecord, value: string, text: string | undefined): "yes" | "no" | undefined {
  if (record.type !== "bool" || (value !== "True" && value !== "False") || !text) return undefined;
  const w = words(text);
  const byHand = w.some((x) => BY_HAND.has(x));
  const onItsOwn = w.some((x) => ON_ITS_OWN.has(x));
  if (byHand === onItsOwn) return undefined;
  return doesIt(record, value) === onItsOwn ? "yes" : "no";
}

export function settingAnswer(
  facts: SettingsFacts,
  asked: string,
  release: string,
  kind: QuestionKind,
  /** The question asks for the default value. */
  asksDefault = false,
  /** The question's words, for a value of the setting's choices the asker names. */
  text?: string,
): SettingAnswer | null {
  const askedRecord = facts.get(asked);
  if (!askedRecord) return null;
  const record = forRelease(facts, asked, release);
  if (!record) {
    const range = SettingsFacts.releaseRange(askedRecord);
    return {
      name: askedRecord.name,
      lead: `${kind === "yes-no" ? "No — " : ""}\`${askedRecord.name}\` does not exist in Prefect ${release}; it exists in ${range}.`,
      details: [],
      unknownThere: true,
    };
  }
  const at = facts.at(record.name, release)!;
  const first = record.present[0]![0];
  const former = at.formerNames.find((f) => compareVersions(f.present[0]![0], first) < 0);
  const since = former ? ` (${first} and later; \`${former.name}\` before, still accepted as an alias)` : "";
  const yes = kind === "yes-no" ? "Yes — set" : "Set";
  const what = record.description ? `: ${sentence(record.description)}` : "";
  const value = at.default ?? record.default;
  const shown = shownDefault(value, record.description);
  // Asked for the setting or the way, a switch is set to change what it does: to the value it does not have by
  // default (`=true` for one off by default). Asked yes or no ("do i need to run migrations myself?"), the asker may
  // want what the default already does: no value is put in their mouth.
  // Only for a switch the asker names in their words ("persist every result by default"): a switch matched on a
  // word or two of another wish ("serve the ui under /prefect" for `PREFECT_UI_ENABLED`) is not one to flip.
  // A direction the asker states ("can i turn off the auto migration?") sets a switch whatever the question's kind.
  // The names the switch has had: the asker may say the words of either ("migrate on start" on the server, 2.x too).
  const names = [record.name, facts.renamedTo(record.name)?.name ?? "", ...record.aliases].filter((n) => n !== "");
  const choice =
    namedChoice(record, text) ??
    namedNumber(record, text) ??
    switchedTo(record, names, text) ??
    (kind === "yes-no" || !namesSwitch(names, text) ? undefined : flipped(record.type, value));
  const where =
    readBy(facts, record) ?? "in the environment of the process it applies to (the server, the worker or the flow run)";
  const polarity = kind === "yes-no" ? switchPolarity(record, value, text) : undefined;
  const on = doesIt(record, value);
  const lead =
    record.name === askedRecord.name && polarity
      ? `${polarity === "yes" ? "Yes" : "No"} — \`${record.name}\`${since} defaults to ${shown} in Prefect ${release}${what}, so ${on ? "Prefect does it without you" : "Prefect does not do it unless you set it"}; to change that, set \`${record.name}=${flipped(record.type, value)}\` ${where}.`
      : record.name === askedRecord.name && asksDefault
        ? `\`${record.name}\`${since} defaults to ${shown} in Prefect ${release}${what}.`
        : record.name === askedRecord.name
          ? `${yes} \`${record.name}${choice ? `=${choice}` : ""}\`${since} ${where}${what}${describesDefault(record.description, value) ? "." : `; in Prefect ${release} it defaults to ${shown}.`}`
          : facts.fact(askedRecord.name, release)?.status === "alias"
            ? // The old name still works where the new one reads it as an alias: saying it is gone would be false.
              `${kind === "yes-no" ? "Yes — " : ""}\`${askedRecord.name}\` is still accepted in Prefect ${release}, as an alias of \`${record.name}\` (its name since ${first})${what}.`
            : `${kind === "yes-no" ? "No — " : ""}\`${askedRecord.name}\` does not exist in Prefect ${release} (only in ${SettingsFacts.releaseRange(askedRecord)}); on ${release} the same setting is \`${record.name}\`${what}.`;
  const details: string[] = [];
  // The lead states the default wherever it names the asked setting itself ("how long until…" asks for it unasked).
  if (record.name !== askedRecord.name) details.push(`Default in Prefect ${release}: ${shown}.`);
  // Asked for the default, the lead gives it; how to change it comes first after.
  else if (asksDefault) details.push(`To change it, set \`${record.name}\` ${where}.`);
  // `prefect.toml` is read from 3.1 on: an older release has profiles only.
  const tomlRead = !!record.toml && compareVersions(release, TOML_SINCE) >= 0;
  details.push(
    tomlRead
      ? `In \`prefect.toml\` (3.1+) the same setting is \`${record.toml}\`; \`prefect config set ${record.name}=…\` stores it in the active profile.`
      : `\`prefect config set ${record.name}=…\` stores it in the active profile.`,
  );
  const counterpart = clientCounterpart(facts, record, release);
  if (counterpart)
    details.push(
      `Clients (workers, flow runs, the CLI) use the matching \`${counterpart}\`; give both sides the value that must agree.`,
    );
  const related = relatedSettings(facts, record, release);
  if (related.length > 0)
    details.push(
      tomlRead
        ? `Related settings in \`[${table(record.toml!)}]\` of \`prefect.toml\`: ${related.join(", ")}.`
        : `Related settings: ${related.join(", ")}.`,
    );
  details.push(`\`${record.name}\` exists in Prefect ${SettingsFacts.releaseRange(record)}.`);
  if (at.renamedTo)
    details.push(`It was renamed \`${at.renamedTo.name}\` later; the old name stays accepted as an alias.`);
  return { name: record.name, lead, details };
}

/** The first release that reads `prefect.toml`. */
const TOML_SINCE = "3.1.0";
/** The `prefect.toml` table a key sits in ("worker" of "worker.query_seconds"). */
const table = (toml: string) => toml.split(".").slice(0, -1).join(".");
/** At most this many neighbours are named: the ones a reader would weigh together, not the whole table. */
const RELATED = 4;

/**
 * The settings beside this one in its `prefect.toml` table at the release, those sharing a word of its name first
 * (`PREFECT_WORKER_PREFETCH_SECONDS` beside `PREFECT_WORKER_QUERY_SECONDS`), each with its default then: what is
 * asked about one of them is often decided together with the others.
 */
function relatedSettings(facts: SettingsFacts, record: SettingRecord, release: string): string[] {
  const own = record.toml ? table(record.toml) : "";
  if (own === "") return [];
  const words = new Set(record.name.split("_").slice(1));
  return facts.settings
    .filter((r) => r !== record && r.toml && table(r.toml) === own)
    .flatMap((r) => {
      const at = facts.at(r.name, release);
      if (!at?.exists) return [];
      const shared = r.name.split("_").filter((w) => words.has(w)).length;
      return [{ name: r.name, value: at.default ?? r.default, shared }];
    })
    .sort((a, b) => b.shared - a.shared || a.name.localeCompare(b.name))
    .slice(0, RELATED)
    .map((r) => `\`${r.name}\` (default ${describeDefault(r.value)})`);
}

/**
 * The setting clients read for what a server setting sets on the server (`PREFECT_API_AUTH_STRING` for
 * `PREFECT_SERVER_API_AUTH_STRING`): the same name without `SERVER_`, when it is a setting of its own at the release
 * and not an alias of this one.
 */
function clientCounterpart(facts: SettingsFacts, record: SettingRecord, release: string): string | null {
  if (!record.name.startsWith("PREFECT_SERVER_")) return null;
  const name = `PREFECT_${record.name.slice("PREFECT_SERVER_".length)}`;
  const other = facts.get(name);
  if (!other || record.aliases.includes(name) || other.aliases.includes(record.name)) return null;
  if (facts.renamedTo(name)?.name === record.name || !facts.at(name, release)?.exists) return null;
  return name;
}

/**
 * Units name settings as `{{PREFECT_NAME}}`; each is written out under the name the asker's release uses, and a
 * renamed one says when the name changed and that the old name still works.
 */
export function renderSettingRefs(text: string, facts: SettingsFacts | undefined, release: string): string {
  return text.replace(/\{\{(PREFECT_[A-Z0-9_]+)(=[^}]*)?\}\}/g, (_, name: string, value: string | undefined) => {
    const assign = value ?? "";
    const record = facts ? forRelease(facts, name, release) : null;
    if (!facts || !record) return `\`${name}${assign}\``;
    const at = facts.at(record.name, release)!;
    const first = record.present[0]![0];
    const former = at.formerNames.find((f) => compareVersions(f.present[0]![0], first) < 0);
    const since = former ? ` (${first} and later; \`${former.name}\` before, still accepted as an alias)` : "";
    return `\`${record.name}${assign}\`${since}`;
  });
}
