// Public surface of knowledge/facts: the compiled Prefect API facts, their loader and compiler, curated notes.

export type { ChangeRecord, ChangesData } from "./change-data.js";
export {
  CHANGES_FILE,
  type ChangeFact,
  ChangeFactsStore,
  loadChangeFacts,
} from "./change-facts-store.js";
export type { ChangeKind } from "./change-kinds.js";
export { type ChangeLead, changeLead, type FixLink, fixAfter } from "./change-lead.js";
export {
  buildChangesFile,
  type ChangeSources,
  type ChangeStats,
  compileChanges,
  readChangeSources,
} from "./compile-changes.js";
export { buildFactsFile, type CompileStats, compileFacts, readApiSources } from "./compile-facts.js";
export { buildSettingsFile, compileSettings, type SettingsStats } from "./compile-settings.js";
export { CURATED_NOTES, type CuratedNote, FLOW_AND_TASK_CLASSES, INSTANCE_CALLABLES } from "./curated-facts.js";
export { describeDefault, timedeltaSeconds, wholeUnit } from "./default-text.js";
export { type ApiReport, type ApiStatus, describeApi, keywordTakers } from "./describe-api.js";
export type { FactsData } from "./facts-data.js";
export { formatApiReport, signature } from "./format-api-report.js";
export { formatUpgradeGuide, summarizeUpgradeGuide } from "./format-upgrade-guide.js";
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
export {
  type Availability,
  type ChangeLookup,
  type ChangeMatch,
  type ChangeQuery,
  type ChangeRelation,
  type LookupDeps,
  lookupChanges,
  RELATED,
  STRONG,
} from "./lookup-changes.js";
export { comparePep440, isPep440, isPrerelease } from "./pep440-versions.js";
export { PrefectFactsStore } from "./prefect-facts-store.js";
export {
  ASYNC_ONLY,
  type AsyncLookup,
  asyncOnlyLookup,
  DEPLOY_CODE_SOURCE,
  GC_FUTURE_WARNING_UNTIL,
  JSON_VARIABLES_FROM_MAJOR,
  LOCAL_SOURCE_FROM,
  PAUSE_IN_TASK_FROM,
  RECORD_VALUE_ACCESSORS,
  RUN_LOGGER_MISSING_CONTEXT_FROM,
  SECRET_FIELDS,
  STATE_HOOK_KEYWORDS,
  STATE_HOOK_PARAMS,
  STRING_VALUED_UNTIL_MAJOR,
  TASK_OUTSIDE_FLOW_FROM,
} from "./runtime-facts.js";
export {
  loadSettingsFacts,
  type RemovedSetting,
  SETTING_NAMES,
  SETTINGS_FILE,
  type SettingAtRelease,
  type SettingFact,
  type SettingRecord,
  SettingsFacts,
  settingWords,
} from "./settings-facts.js";
export type * from "./types.js";
export {
  type CodeReport,
  type CodeUse,
  type LineFix,
  MIGRATION_GUIDE,
  type RemovedApi,
  readRelease,
  type UpgradeCodeChecker,
  type UpgradeDeps,
  type UpgradeGuide,
  upgradeGuide,
} from "./upgrade-guide.js";
