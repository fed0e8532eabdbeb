// Public surface of knowledge/facts: the compiled Prefect API facts, their loader and compiler, curated notes.

export { buildFactsFile, type CompileStats, compileFacts, readApiSources } from "./compile-facts.js";
export { CURATED_NOTES, type CuratedNote } from "./curated-facts.js";
export { type ApiReport, type ApiStatus, describeApi } from "./describe-api.js";
export type { FactsData } from "./facts-data.js";
export { formatApiReport, signature } from "./format-api-report.js";
export {
  INTEGRATIONS,
  type IntegrationPackage,
  integrationFor,
  isIntegrationModule,
  isKnownIntegrationExport,
} from "./integrations.js";
export {
  FACTS_FILE,
  type FactsLoadTiming,
  loadPrefectFacts,
  loadPrefectFactsFrom,
  measureFactsLoad,
} from "./load-facts.js";
export { PrefectFactsStore } from "./prefect-facts-store.js";
export {
  buildSettingsFile,
  compileSettings,
  loadSettingsFacts,
  SETTINGS_FILE,
  type SettingAtRelease,
  type SettingRecord,
  SettingsFacts,
} from "./settings-facts.js";
export type * from "./types.js";
