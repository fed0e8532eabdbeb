// The on-disk shape of knowledge/facts/change-facts.json: every release-notes entry as a fact (the API and CLI
// histories live in prefect-facts.json, the settings in prefect-settings.json).
import type { ChangeKind } from "./change-kinds.js";

export const CHANGES_FORMAT = 1;

export interface ChangeRecord {
  /** "prefect" entries omit it; an integration package names itself ("prefect-aws"). */
  product?: string;
  release: string;
  kind: ChangeKind;
  text: string;
  pr: number | null;
  /** Only when it is not the usual PrefectHQ/prefect pull request address. */
  url?: string;
  /** Prefect API names the entry's inline code names, as written ("Flow.serve", "on_running"). */
  apis?: string[];
  settings?: string[];
  /** `prefect ...` commands, as history keys ("worker start"). */
  cli?: string[];
  /** Exception names and quoted messages. */
  errors?: string[];
  /** Other inline code: files, tools, packages (`prefect.yaml`, `cloudpickle`). */
  components?: string[];
}

/** Inclusive release ranges, as in the shared histories. */
export type Ranges = [first: string, last: string][];

export interface ChangesData {
  format: number;
  /** Releases of prefect itself, oldest first (as in the API history). */
  releases: string[];
  changes: ChangeRecord[];
}

export const PR_URL = "https://github.com/PrefectHQ/prefect/pull/";

export function changeUrl(record: ChangeRecord): string | null {
  return record.url ?? (record.pr === null ? null : `${PR_URL}${record.pr}`);
}
