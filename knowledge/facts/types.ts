// The contract between the compiled Prefect API facts and their users (the linter, `orca api`, the answer engine).

export type SymbolKind =
  | "module"
  | "class"
  | "function"
  | "variable"
  | "reexport"
  | "method"
  | "property"
  | "classmethod"
  | "staticmethod"
  | "attribute";

export type ParamKind = "positional" | "var_positional" | "keyword_only" | "var_keyword";

export interface ParamFact {
  name: string;
  kind: ParamKind;
  hasDefault: boolean;
  /** The default as written in the source ("None", "5"), from the nearest full surface, when known. */
  defaultValue?: string;
  /** True when no full surface shows this parameter (it lived between surfaces): kind and default are guesses. */
  inferred?: boolean;
}

/** Inclusive release range, e.g. ["3.4.14", "3.8.3"]. */
export type ReleaseRange = readonly [first: string, last: string];

export interface SymbolFact {
  /** Fully qualified: "prefect.futures.wait", "prefect.flows.Flow.serve", or a module "prefect.futures". */
  name: string;
  kind: SymbolKind;
  present: readonly ReleaseRange[];
  /** For re-exports: the fully qualified name where the symbol is defined. */
  target?: string;
}

/** Where a name stands in one release. */
export type Presence =
  | { status: "present"; fact: SymbolFact }
  /** Existed in earlier releases, gone in this one. */
  | { status: "removed"; fact: SymbolFact; lastRelease: string; replacement?: string }
  /** Appears only in later releases. */
  | { status: "not-yet"; fact: SymbolFact; firstRelease: string }
  /** Never existed in any release read. */
  | { status: "unknown" };

export interface PrefectFacts {
  /** Every release read, oldest first ("2.0.0" ... "3.8.3"). */
  readonly releases: readonly string[];
  readonly latest: string;
  /** Newest release of a major line ("2" -> "2.20.25"). */
  latestOfMajor(major: 2 | 3): string;
  /**
   * Maps what a user wrote to a real release: "3.4" -> newest 3.4.x, "3" -> newest 3.x,
   * an unknown "3.4.99" -> the nearest release at or below it.
   */
  resolveRelease(version: string): string;
  symbol(fq: string): SymbolFact | undefined;
  presence(fq: string, version: string): Presence;
  /** Follows re-exports to the defining symbol, as of the given release. */
  resolve(fq: string, version: string): SymbolFact | undefined;
  /**
   * Public members of a class in a release, inherited ones included. `complete` is false when some base class lies
   * outside what the facts know (a third-party base), so a missing member is not proof of absence.
   * Undefined when the class is unknown in that release.
   */
  members(classFq: string, version: string): { names: string[]; complete: boolean } | undefined;
  /** Parameters of a function, method or class constructor in a release. */
  params(callableFq: string, version: string): ParamFact[] | undefined;
  /** Return annotation text of a callable in the nearest surface release. */
  returns(callableFq: string, version: string): string | undefined;
  /**
   * True when the callable is defined with `async def` in the nearest full surface of the release (re-exports
   * followed). Many such functions also run synchronously (sync_compatible, async_dispatch), so callers decide
   * where the bit alone is proof.
   */
  isAsync(callableFq: string, version: string): boolean;
  /** Deprecated in that release (per the source heuristics and the curated notes). */
  isDeprecated(fq: string, version: string): boolean;
  /** Module-level fully qualified names with this short name that exist in the release (defining modules first). */
  locate(shortName: string, version: string): string[];
  /** Curated replacement for a removed or deprecated API, in Orca's words. */
  replacement(fq: string): string | undefined;
  /** Close matches for an unknown name. */
  suggest(name: string, version?: string): string[];
}

/** A `prefect <group> <command>` as of one release, read from the nearest full surface. */
export interface CliCommandFact {
  /** The group ("task-run"), or "" for a root command (`prefect deploy`). */
  group: string;
  command: string;
  /** Long option names without dashes ("num-logs"), sorted. */
  options: string[];
  /**
   * False when the surface for this release does not list the command (root commands such as `deploy` are missing
   * from newer surfaces): `options` then come from the nearest surface that does, if any.
   */
  optionsKnown: boolean;
  /** The full-surface release the answer was read from. */
  surface: string;
}

/** Where a `prefect` command (and its options) stands in one release, per the command-line history. */
export interface CommandHistoryFact {
  key: string;
  present: boolean;
  first: string;
  last: string;
  /** Flags and arguments present in that release. */
  options: string[];
  /** When each flag ever existed: first and last release. */
  optionRanges: Record<string, { first: string; last: string }>;
}

/** What the compiled facts offer beyond the core contract (the store implements both). */
export interface PrefectApiFacts extends PrefectFacts {
  /** The CLI command named by the words after `prefect` ("task-run", "logs"), when it exists in the release. */
  cliCommand(words: readonly string[], version: string): CliCommandFact | undefined;
  /** Command groups of the CLI in the release. */
  cliGroups(version: string): string[];
  /** Curated advice for a removed CLI command, keyed by its words ("agent start"). */
  cliReplacement(words: readonly string[]): string | undefined;
  /** The removed command whose curated advice names this one as its successor ("server start" → "orion start"). */
  cliPredecessor(words: readonly string[]): string | undefined;
  /** Fully qualified prefect class named by a callable's return annotation in a release ("FlowRun" -> its fq). */
  returnType(callableFq: string, version: string): string | undefined;
  /** Public names a module defines or re-exports in the release (short names, sorted); undefined if no such module. */
  namesIn(moduleFq: string, version: string): string[] | undefined;
  /** The module part of a dotted name: its longest prefix that is a known module. */
  moduleOf(fq: string): string | undefined;
  /** True for a module of a known Prefect integration package (prefect_aws, prefect_dask, ...). */
  isIntegrationModule(module: string): boolean;
  /** A command by its history key ("worker start", "deploy"); undefined when no release had it. */
  commandHistory(key: string, version: string): CommandHistoryFact | undefined;
  /** A command group by its name ("automation"), present while any of its commands is; undefined when none ever was. */
  commandGroupHistory(group: string, version: string): CommandHistoryFact | undefined;
  /** `prefect` commands (history keys) that took a flag ("--overwrite") in some release. */
  commandsWithOption(flag: string): string[];
  /** `prefect` commands (history keys) of a command group ("concurrency-limit create", …) in some release. */
  commandsInGroup(group: string): string[];
  /** Public callables (functions, methods, classes) that take a parameter of this name in some release. */
  callablesTaking(param: string): string[];
  /** First and last release in which a callable takes a parameter. */
  paramSpan(callableFq: string, param: string): { first: string; last: string } | undefined;
  /** The release ranges in which a callable takes a parameter, oldest first (a parameter can go and come back). */
  paramRanges(callableFq: string, param: string): Array<[first: string, last: string]> | undefined;
  /** True when the compiled facts include the command-line history (settings live in the settings table). */
  readonly hasCommandHistory: boolean;
  /** Every `prefect` command any release had, as history keys ("events emit", "flow-run retry", "deploy"). */
  commandKeys(): string[];
  /** Every fully qualified name the facts know, over all releases, sorted. */
  allNames(): string[];
}
