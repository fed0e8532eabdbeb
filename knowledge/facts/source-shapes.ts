// The shapes of the raw API data beside the checkout (../shared/prefect-api/), as the compiler reads them.

import type { ParamKind } from "./types.js";

export interface RawParam {
  name: string;
  kind: ParamKind;
  default: boolean;
  /** The default's source text (cut at 80 characters), when there is one. */
  value?: string;
}

export interface RawEntry {
  kind: string;
  params?: RawParam[];
  returns?: string;
  overload_returns?: string[];
  async?: boolean;
  deprecated?: boolean;
  bases?: string[];
  members?: Record<string, RawEntry>;
  from?: string;
}

export interface RawModule {
  all?: string[];
  symbols: Record<string, RawEntry>;
}

export interface RawSurface {
  package: string;
  version: string;
  modules: Record<string, RawModule>;
  cli?: Record<string, Record<string, string[]>>;
}

export interface RawHistory {
  package: string;
  releases: string[];
  symbols: Record<string, { kind: string; present: [string, string][] }>;
  params: Record<string, [string, string][]>;
}

/** settings-history.json: every PREFECT_* setting over all releases. */
export interface RawSettingsHistory {
  releases: string[];
  settings: Record<
    string,
    {
      present: [string, string][];
      type?: string;
      default?: string | null;
      description?: string;
      /** Only when the default changed: [first, last, value] per stretch. */
      defaults?: [string, string, string][];
      aliases?: string[];
      toml?: string | null;
    }
  >;
}

/** cli-history.json: the `prefect` command line over all releases. */
export interface RawCliHistory {
  releases: string[];
  commands: Record<string, { present: [string, string][]; options?: Record<string, [string, string][]> }>;
}
