// The tools the model may call, defined with @langchain/core `tool()` and zod schemas; the schemas validate the
// model's arguments and are converted to OpenAI tool specs. Every search result gets a citation number.
import { type StructuredToolInterface, tool } from "@langchain/core/tools";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { z } from "zod";
import type { PrefectMajor, Retriever, SearchHit, SourceRef } from "../../../core/index.js";
import {
  type ChangeFactsStore,
  fillSlots,
  lookupChanges,
  type PrefectFacts,
  type SettingsFacts,
} from "../../../knowledge/index.js";
import type { SnippetLinter } from "../ports.js";
import type { UnitIndex } from "../retrieve/index.js";
import { clip, formatParams, lookupApi } from "../retrieve/index.js";
import { plainQuestion, type Question } from "../understand/index.js";
import type { ToolSpec } from "./chat-model.js";

/** Numbered sources: what the model may cite as [n], and nothing else. */
export class SourceBook {
  readonly entries: { n: number; hit: SearchHit }[] = [];

  add(hit: SearchHit): number {
    const existing = this.entries.find(
      (e) => e.hit.url === hit.url && e.hit.section.join("/") === hit.section.join("/"),
    );
    if (existing) return existing.n;
    const n = this.entries.length + 1;
    this.entries.push({ n, hit });
    return n;
  }

  /** Sources cited in the text as [n], in citation order; all of them when the text cites none. */
  cited(markdown: string): SourceRef[] {
    const numbers = [...markdown.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1]));
    const picked =
      numbers.length > 0
        ? [...new Set(numbers)].map((n) => this.entries.find((e) => e.n === n)).filter((e) => !!e)
        : [];
    return picked.map(({ hit }) => ({
      title: hit.title,
      url: hit.url,
      kind: hit.kind,
      ...(hit.section.length > 0 ? { section: hit.section.join(" › ") } : {}),
    }));
  }

  render(hits: SearchHit[]): string {
    if (hits.length === 0) return "No results.";
    return hits
      .map(
        (h) =>
          `[${this.add(h)}] ${h.title}${h.section.length ? ` › ${h.section.join(" › ")}` : ""} (${h.url})\n${clip(h.text.replace(/\s+\n/g, "\n"), 1200)}`,
      )
      .join("\n\n");
  }
}

export interface ToolDeps {
  retriever: Retriever;
  facts: PrefectFacts;
  linter: SnippetLinter;
  release: string;
  major: PrefectMajor;
  sources: SourceBook;
  settings?: SettingsFacts;
  units?: UnitIndex;
  /** The typed question, so unit lookups keep its kind and focus. */
  question?: Question;
  /** Release-notes facts; without them the model gets no lookup_changes tool. */
  changes?: ChangeFactsStore;
}

const searchSchema = z.object({
  query: z.string().min(2).max(500).describe("What to look for, in a few words"),
  k: z.number().int().min(1).max(6).optional().describe("How many results (default 4)"),
});

const versionField = z
  .string()
  .regex(/^\d+(?:\.\d+){0,2}$/)
  .optional()
  .describe("Prefect version, e.g. 3.4.20; defaults to the asker's version");

export function createTools(deps: ToolDeps): StructuredToolInterface[] {
  const releaseFor = (v?: string) => (v ? deps.facts.resolveRelease(v) : deps.release);
  const searchDocs = tool(
    async ({ query, k }) =>
      deps.sources.render(await deps.retriever.search(query, { k: k ?? 4, kind: "docs", prefectMajor: deps.major })),
    {
      name: "search_docs",
      description: "Search the Prefect documentation and Orca's notes. Results are numbered for citation as [n].",
      schema: searchSchema,
    },
  );
  const searchThreads = tool(
    async ({ query, k }) =>
      deps.sources.render(
        await deps.retriever.search(query, { k: k ?? 3, kind: "conversation", prefectMajor: deps.major }),
      ),
    {
      name: "search_past_threads",
      description: "Search past support conversations. Results are numbered for citation as [n].",
      schema: searchSchema,
    },
  );
  const checkApi = tool(
    async ({ name, version }) => {
      const f = lookupApi(name, deps.facts, releaseFor(version));
      return JSON.stringify({
        name: f.fq ?? f.asked,
        release: f.release,
        exists: f.status === "present",
        status: f.status,
        first_release: f.since,
        last_release: f.until,
        boundary: f.boundary,
        parameters: f.params ? formatParams(f.params) : undefined,
        returns: f.returns,
        import: f.importLine,
        replacement: f.replacement,
        deprecated: f.deprecated,
        suggestions: f.suggestions.length ? f.suggestions : undefined,
      });
    },
    {
      name: "check_api",
      description:
        "Check whether a Prefect API name (e.g. prefect.futures.wait, Flow.submit, run_deployment) exists in a version, since when, and its parameters.",
      schema: z.object({ name: z.string().min(2).max(200), version: versionField }),
    },
  );
  const lintSnippet = tool(
    async ({ code, version }) => {
      const release = releaseFor(version);
      const result = await deps.linter.lint(code, release);
      return JSON.stringify({
        version: release,
        diagnoses: result.diagnoses.map((d) => ({
          rule: d.rule,
          severity: d.severity,
          line: d.line,
          message: d.message,
        })),
        fixed_code: result.fixedCode === code ? undefined : result.fixedCode,
      });
    },
    {
      name: "lint_snippet",
      description: "Lint Python code against the real Prefect API of a version; returns diagnoses and a fixed version.",
      schema: z.object({ code: z.string().min(1).max(40_000), version: versionField }),
    },
  );
  const lookupSetting = tool(
    async ({ name, version }) => {
      const settings = deps.settings;
      if (!settings) return JSON.stringify({ error: "settings table unavailable" });
      const release = releaseFor(version);
      const candidates = settings.find(name);
      return JSON.stringify(
        candidates.slice(0, 5).map((s) => {
          const at = settings.at(s.name, release)!;
          return {
            env_var: s.name,
            toml_key: s.toml,
            exists_in_release: at.exists,
            release,
            default: at.default,
            present: s.present,
            aliases: s.aliases,
            renamed_to: at.renamedTo?.name,
            description: clip(s.description, 300),
          };
        }),
      );
    },
    {
      name: "lookup_setting",
      description:
        "Look up a PREFECT_* setting by environment variable, prefect.toml key or words of its name (e.g. 'logging level'): its default in a version, the releases that have it, aliases and renames.",
      schema: z.object({ name: z.string().min(2).max(120), version: versionField }),
    },
  );
  const findAnswers = tool(
    async ({ query }) => {
      if (!deps.units) return "No answer units.";
      const base = deps.question;
      const asked = plainQuestion(query, {
        asking: query,
        kind: base?.kind ?? "other",
        ...(base ? { focus: base.focus, values: base.values } : {}),
      });
      const matches = deps.units.match(asked, deps.release, 3);
      if (matches.length === 0) return "No answer units.";
      return matches
        .map(
          (m) =>
            `(${m.confidence.toFixed(2)}) ${m.unit.asks[0]}\n${fillSlots(m.unit.answer)}${m.unit.details.length ? `\n- ${m.unit.details.map((d) => fillSlots(d)).join("\n- ")}` : ""}\nsources: ${m.unit.sources.map((x) => x.url).join(", ")}`,
        )
        .join("\n\n");
    },
    {
      name: "find_answers",
      description:
        "Find Orca's curated answers to questions like this one (each with its confidence, direct answer, details and sources).",
      schema: z.object({ query: z.string().min(2).max(500) }),
    },
  );
  const changes = deps.changes;
  const lookupChangesTool =
    changes &&
    tool(
      async ({ text, apis, version }) => {
        const found = lookupChanges({ changes, facts: deps.facts }, { text, apis, version: version ?? deps.release });
        return JSON.stringify({
          version: found.version,
          // Strong matches may be stated as facts; "related" ones only as "possibly related", with the link.
          matches: found.matches.map((m) => ({
            strength: m.strength,
            score: m.score,
            release: m.change.release,
            product: m.change.product,
            kind: m.change.kind,
            entry: m.change.text,
            pr: m.change.pr,
            url: m.change.url,
            statement: m.statement,
          })),
          availability: found.availability.map((a) => ({
            name: a.name,
            first_release: a.firstRelease,
            statement: a.statement,
          })),
        });
      },
      {
        name: "lookup_changes",
        description:
          "Search Prefect's release notes for a fix, addition, breaking change or deprecation matching a problem (error text, API names, symptoms), relative to the asker's version. Returns calibrated matches: state only 'strong' ones as facts (\"Fixed in 3.4.25 (#19258); you are on 3.4.20: upgrade\"), offer 'related' ones as 'possibly related' with their link.",
        schema: z.object({
          text: z.string().min(3).max(4000).describe("The problem in the asker's words, with any error message"),
          apis: z.array(z.string().max(200)).max(20).optional().describe("Prefect API names involved"),
          version: versionField,
        }),
      },
    );
  return [
    searchDocs,
    searchThreads,
    checkApi,
    lintSnippet,
    lookupSetting,
    findAnswers,
    ...(lookupChangesTool ? [lookupChangesTool] : []),
  ];
}

export function toToolSpecs(tools: StructuredToolInterface[]): ToolSpec[] {
  return tools.map((t) => convertToOpenAITool(t) as ToolSpec);
}
