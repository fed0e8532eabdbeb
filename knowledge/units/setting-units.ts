// Answer units generated from the settings table: one per PREFECT_* setting. Their phrasings come from the setting's
// name, prefect.toml key and description, so "which env var sets the log level" finds PREFECT_LOGGING_LEVEL through
// retrieval, not through a rule. The answer text depends on the asker's release and is rendered by the plan.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { InputError } from "../../core/index.js";
import type { SettingRecord, SettingsFacts } from "../facts/settings-facts.js";
import type { AnswerUnit } from "./answer-unit.js";

const SETTINGS_DOCS = {
  title: "Settings reference",
  url: "https://docs.prefect.io/v3/api-ref/settings-ref",
};
const SETTINGS_DOCS_2 = {
  title: "Settings (Prefect 2)",
  url: "https://docs-2.prefect.io/latest/guides/settings/",
};

/** "PREFECT_SERVER_UI_SERVE_BASE" → "server ui serve base". */
export function settingWords(name: string): string {
  return name
    .replace(/^PREFECT_/, "")
    .toLowerCase()
    .split("_")
    .join(" ");
}

/** Everyday phrasings for a setting, written in the pack (`setting-asks.yaml`): name → questions it answers. */
export type SettingAsks = Readonly<Record<string, readonly string[]>>;

function unitFor(s: SettingRecord, facts: SettingsFacts, extra: readonly string[]): AnswerUnit {
  const words = settingWords(s.name);
  const description = s.description.split(/(?<=\.)\s/)[0] ?? s.description;
  const onlyOld = s.present.every(([, last]) => last.startsWith("2."));
  // A renamed setting lives on as an alias of its successor: the successor's unit answers for both.
  const successor = facts.settings.find((x) => x.aliases.includes(s.name));
  return {
    id: `setting-${s.name.toLowerCase().replace(/_/g, "-")}`,
    origin: "settings-history",
    setting: s.name,
    asks: [
      `which environment variable sets the ${words}`,
      `env var for ${description.replace(/\.$/, "").toLowerCase()}`,
      `what is the default ${words}`,
      `${description}`,
      ...(s.toml ? [`prefect.toml ${s.toml.replace(/[._]/g, " ")}`] : []),
      ...extra,
    ],
    // The releases that have it (PEP 440); a renamed setting's successor answers for it after that.
    versions: `>=${s.present[0]![0]},<=${s.present[s.present.length - 1]![1]}`,
    about: [s.name, ...s.aliases, ...(s.toml ? [s.toml] : []), ...(successor ? [successor.name] : [])],
    answer: description,
    details: [],
    errors: [],
    sources: [onlyOld ? SETTINGS_DOCS_2 : SETTINGS_DOCS],
  };
}

/** One unit per setting, in name order; `asks` adds the pack's everyday phrasings to the generated ones. */
export function settingUnits(facts: SettingsFacts, asks: SettingAsks = {}): AnswerUnit[] {
  for (const name of Object.keys(asks))
    if (!facts.get(name)) throw new InputError(`setting-asks.yaml: ${name} is not a setting Prefect has ever had`);
  return facts.settings.map((s) => unitFor(s, facts, asks[s.name] ?? []));
}

const asksSchema = z.record(z.string().regex(/^PREFECT_[A-Z0-9_]+$/), z.array(z.string().min(8)).min(1));

/** Reads the pack's setting phrasings; a missing file means none. */
export function loadSettingAsks(file: string): SettingAsks {
  if (!existsSync(file)) return {};
  const parsed = asksSchema.safeParse(parse(readFileSync(file, "utf8")) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${path.basename(file)}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
