// Compiles the release notes (3.x docs, integrations, 2.x RELEASE-NOTES.md) into knowledge/facts/change-facts.json;
// the API, settings and CLI histories only sort each entry's names (they are compiled into prefect-facts.json and
// prefect-settings.json). Deterministic: files are read in sorted order, entries keep their source order
// within a release, releases are ordered by PEP 440, keys are sorted, and nothing depends on the clock.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError, OrcaError } from "../../core/index.js";
import { CHANGES_FORMAT, type ChangeRecord, type ChangesData, PR_URL, type Ranges } from "./change-data.js";
import { byCodeUnit } from "./compile-parts.js";
import { comparePep440 } from "./pep440-versions.js";
import { parseReleaseNotes, type RawChange } from "./release-notes.js";
import type { RawHistory } from "./source-shapes.js";
import { stableDocument } from "./stable-json.js";

export interface NotesFile {
  product: string;
  /** Shown in warnings (the file name, never a machine path). */
  label: string;
  text: string;
  mdx: boolean;
}

export interface ChangeSources {
  notes: NotesFile[];
  history: RawHistory;
  settings: Record<string, { present: Ranges; aliases?: string[] }>;
  cli: Record<string, { present: Ranges }>;
}

export interface ChangeStats {
  changes: number;
  byKind: Record<string, number>;
  withPr: number;
  warnings: string[];
  bytes: number;
}

/** The shared directory layout: `prefect-api/`, `corpus/prefect-docs/v3/release-notes/`, `corpus/prefect-release-notes/`. */
export function readChangeSources(sharedDir: string): ChangeSources {
  const read = (file: string): string => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new OrcaError("facts_unavailable", `cannot read ${path.basename(file)} for the change facts`, {
        cause: error,
      });
    }
  };
  const json = (file: string): unknown => JSON.parse(read(path.join(sharedDir, "prefect-api", file)));
  const notesDir = path.join(sharedDir, "corpus", "prefect-docs", "v3", "release-notes");
  const list = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".mdx") || f.endsWith(".md"))
          .sort()
      : [];
  const notes: NotesFile[] = [];
  const v2 = path.join(sharedDir, "corpus", "prefect-release-notes", "RELEASE-NOTES-2.x.md");
  if (existsSync(v2)) notes.push({ product: "prefect", label: "RELEASE-NOTES-2.x.md", text: read(v2), mdx: false });
  for (const f of list(path.join(notesDir, "oss"))) {
    notes.push({ product: "prefect", label: f, text: read(path.join(notesDir, "oss", f)), mdx: f.endsWith(".mdx") });
  }
  for (const f of list(path.join(notesDir, "integrations"))) {
    const product = f.replace(/\.mdx?$/, "");
    notes.push({ product, label: f, text: read(path.join(notesDir, "integrations", f)), mdx: f.endsWith(".mdx") });
  }
  if (notes.length === 0) throw new InputError("no release notes found beside the Prefect API data");
  const settings = json("settings-history.json") as { settings: ChangeSources["settings"] };
  const cli = json("cli-history.json") as { commands: ChangeSources["cli"] };
  return { notes, history: json("history.json") as RawHistory, settings: settings.settings, cli: cli.commands };
}

export function compileChanges(sources: ChangeSources): { text: string; stats: ChangeStats } {
  const warnings: string[] = [];
  const raw: RawChange[] = [];
  for (const file of sources.notes) {
    const parsed = parseReleaseNotes(file.text, { product: file.product, mdx: file.mdx, label: file.label });
    raw.push(...parsed.changes);
    warnings.push(...parsed.warnings);
  }
  const names = new NameClassifier(sources);
  const order = raw.map((change, i) => ({ change, i }));
  // Prefect first, then integrations by name; newest release first; source order within a release.
  order.sort(
    (a, b) =>
      productRank(a.change.product) - productRank(b.change.product) ||
      byCodeUnit(a.change.product, b.change.product) ||
      comparePep440(b.change.release, a.change.release) ||
      a.i - b.i,
  );
  const changes = order.map(({ change }) => names.record(change));
  const data: ChangesData = { format: CHANGES_FORMAT, releases: sources.history.releases, changes };
  const text = stableDocument(data as unknown as Record<string, unknown>, ["changes"]);
  const byKind: Record<string, number> = {};
  for (const c of changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  return {
    text,
    stats: {
      changes: changes.length,
      byKind,
      withPr: changes.filter((c) => c.pr !== null).length,
      warnings,
      bytes: Buffer.byteLength(text),
    },
  };
}

/** Reads, compiles and writes the committed change facts. */
export function buildChangesFile(sharedDir: string, outFile: string): ChangeStats {
  const { text, stats } = compileChanges(readChangeSources(sharedDir));
  writeFileSync(outFile, text);
  return stats;
}

/**
 * Sorts an entry's inline code into Prefect API names, settings, CLI commands, errors and other components, each
 * cross-checked against the API, settings and CLI histories (a PREFECT_ name that never existed is still a setting
 * name as written; an identifier Prefect never had is a component, not an API).
 */
class NameClassifier {
  private readonly symbols: Set<string>;
  /** Last one and last two components of every symbol ("serve", "Flow.serve"). */
  private readonly suffixes = new Set<string>();
  private readonly params = new Set<string>();
  private readonly settings: Set<string>;
  private readonly commands: Set<string>;

  constructor(sources: ChangeSources) {
    this.symbols = new Set(Object.keys(sources.history.symbols));
    for (const fq of this.symbols) {
      const parts = fq.split(".");
      this.suffixes.add(parts.at(-1)!);
      if (parts.length > 1) this.suffixes.add(parts.slice(-2).join("."));
    }
    for (const key of Object.keys(sources.history.params)) {
      const open = key.lastIndexOf("(");
      if (open > 0) this.params.add(key.slice(open + 1, -1));
    }
    this.settings = new Set(Object.keys(sources.settings));
    for (const s of Object.values(sources.settings)) for (const a of s.aliases ?? []) this.settings.add(a);
    this.commands = new Set(Object.keys(sources.cli));
  }

  record(change: RawChange): ChangeRecord {
    const apis = new Set<string>();
    const settings = new Set<string>();
    const cli = new Set<string>();
    const errors = new Set<string>();
    const components = new Set<string>();
    for (const raw of change.code) {
      const code = raw.trim();
      if (!code) continue;
      if (/^PREFECT_[A-Z0-9_]+$/.test(code)) {
        settings.add(code);
        continue;
      }
      const command = this.command(code);
      if (command) {
        cli.add(command);
        continue;
      }
      const api = this.api(code);
      if (api) {
        apis.add(api);
        if (/(Error|Exception|Warning)$/.test(api)) errors.add(api);
        continue;
      }
      if (code.split(/\s+/).length >= 3 || /(Error|Exception):/.test(code)) errors.add(code);
      else components.add(code);
    }
    // Code names written without backticks ("Fix wait() timeout", "create_flow_run_from_deployment"): kept when
    // the API history knows them, like inline code.
    const prose = change.text.replace(/`[^`]*`/g, " ");
    for (const word of prose.match(/\b[A-Za-z_][\w.]*(?=\(\))|\b[a-z]+_[a-z_]+\b|\b[A-Z][a-z]+[A-Z]\w*\b/g) ?? []) {
      const api = this.api(word);
      if (api) apis.add(api);
    }
    // Settings and commands also appear as bare words (`PREFECT_API_URL` without backticks in older notes).
    for (const word of change.text.match(/\bPREFECT_[A-Z0-9_]{3,}\b/g) ?? [])
      if (this.settings.has(word)) settings.add(word);
    const record: ChangeRecord = { release: change.release, kind: change.kind, text: change.text, pr: change.pr };
    if (change.product !== "prefect") record.product = change.product;
    if (change.url && change.url !== `${PR_URL}${change.pr}`) record.url = change.url;
    const put = (key: "apis" | "settings" | "cli" | "errors" | "components", set: Set<string>): void => {
      if (set.size > 0) record[key] = [...set];
    };
    put("apis", apis);
    put("settings", settings);
    put("cli", cli);
    put("errors", errors);
    put("components", components);
    return record;
  }

  /** `prefect worker start --pool x` -> "worker start" (the longest command the CLI history knows). */
  private command(code: string): string | undefined {
    const words = code.split(/\s+/);
    if (words[0] !== "prefect" || words.length < 2) return undefined;
    const rest = words.slice(1).filter((w) => !w.startsWith("-"));
    for (let n = Math.min(3, rest.length); n >= 1; n--) {
      const key = rest.slice(0, n).join(" ");
      if (this.commands.has(key)) return key;
    }
    return undefined;
  }

  /** `@task(on_running=...)`, `Flow.serve()`, `prefect.futures.wait` -> the name, when Prefect has (had) it. */
  private api(code: string): string | undefined {
    const name = code
      .replace(/^@/, "")
      .replace(/\(.*\)?$/s, "")
      .replace(/=.*$/s, "")
      .trim();
    if (!/^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$/.test(name)) return undefined;
    if (this.symbols.has(name) || this.suffixes.has(name) || this.params.has(name)) return name;
    const parts = name.split(".");
    if (parts.length > 2 && this.suffixes.has(parts.slice(-2).join("."))) return name;
    return undefined;
  }
}

function productRank(product: string): number {
  return product === "prefect" ? 0 : 1;
}
