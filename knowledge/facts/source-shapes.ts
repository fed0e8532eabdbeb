// The shapes of the raw API data beside the checkout (../shared/prefect-api/), as the compiler reads them.

import type { ParamKind } from "./types.js";

export interface RawParam {
  name: string;
  kind: ParamKind;
  default: boolean;
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
