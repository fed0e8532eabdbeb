import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../../core/index.js";
import { compileFacts, readApiSources } from "./compile-facts.js";
import type { FactsData } from "./facts-data.js";
import { FACTS_FILE } from "./load-facts.js";
import { PrefectFactsStore } from "./prefect-facts-store.js";
import type { RawHistory, RawSurface } from "./source-shapes.js";

const apiDir = path.join(sharedDataDir, "prefect-api");
const haveShared = existsSync(path.join(apiDir, "history.json"));

describe.skipIf(!haveShared)("compiled facts vs ../shared/prefect-api", () => {
  it("regenerating from the shared data gives the committed file byte for byte", () => {
    const { history, surfaces, ...extra } = readApiSources(apiDir);
    const { text, stats } = compileFacts(history, surfaces, extra);
    expect(stats.releases).toBe(287);
    expect(stats.surfaces).toHaveLength(11);
    expect(text === readFileSync(FACTS_FILE, "utf8")).toBe(true);
  });
});

if (!haveShared) {
  it.skip(`regeneration check skipped: ${apiDir} is absent (the shared Prefect API data is not beside the checkout)`, () => {});
}

// A tiny hand-written source: two surfaces (1.1.0, 1.3.0) over four releases.
const history: RawHistory = {
  package: "prefect",
  releases: ["1.0.0", "1.1.0", "1.2.0", "1.3.0"],
  symbols: {
    prefect: { kind: "module", present: [["1.0.0", "1.3.0"]] },
    "prefect.sub": { kind: "reexport:prefect.sub", present: [["1.0.0", "1.3.0"]] },
    "prefect.sub.Thing": { kind: "class", present: [["1.0.0", "1.3.0"]] },
    "prefect.sub.Thing.go": {
      kind: "method",
      present: [
        ["1.0.0", "1.0.0"],
        ["1.0.0", "1.1.0"],
        ["1.3.0", "1.3.0"],
      ],
    },
    "prefect.Thing": { kind: "reexport:prefect.sub.Thing", present: [["1.1.0", "1.3.0"]] },
  },
  params: {
    "prefect.sub.Thing.go(self)": [["1.0.0", "1.3.0"]],
    "prefect.sub.Thing.go(fast)": [["1.2.0", "1.3.0"]],
  },
};
const surface = (version: string, go: boolean): RawSurface => ({
  package: "prefect",
  version,
  modules: {
    prefect: { symbols: { Thing: { kind: "reexport", from: "prefect.sub.Thing" } } },
    "prefect.sub": {
      symbols: {
        Thing: {
          kind: "class",
          bases: ["BaseModel"],
          deprecated: version === "1.3.0",
          members: go
            ? {
                go: {
                  kind: "method",
                  returns: "int",
                  params: [
                    { name: "self", kind: "positional", default: false },
                    { name: "fast", kind: "keyword_only", default: true },
                  ],
                },
              }
            : {},
        },
      },
    },
  },
  cli: { flow: { ls: ["limit"] } },
});

describe("compileFacts on a hand-written source", () => {
  const { text } = compileFacts(history, [surface("1.1.0", false), surface("1.3.0", true)]);
  const data = JSON.parse(text) as FactsData;
  const facts = new PrefectFactsStore(data);

  it("is deterministic", () => {
    expect(compileFacts(history, [surface("1.1.0", false), surface("1.3.0", true)]).text).toBe(text);
  });

  it("merges overlapping ranges and keeps gaps", () => {
    expect(facts.symbol("prefect.sub.Thing.go")?.present).toEqual([
      ["1.0.0", "1.1.0"],
      ["1.3.0", "1.3.0"],
    ]);
    expect(facts.presence("prefect.sub.Thing.go", "1.2.0")).toMatchObject({ status: "removed", lastRelease: "1.1.0" });
  });

  it("reads a package's re-export of itself as a module", () => {
    expect(facts.symbol("prefect.sub")?.kind).toBe("module");
  });

  it("takes parameter kinds from the surfaces and drops the receiver", () => {
    expect(facts.params("prefect.Thing.go", "1.3.0")).toEqual([
      { name: "fast", kind: "keyword_only", hasDefault: true },
    ]);
    expect(facts.params("prefect.sub.Thing.go", "1.0.0")).toEqual([]);
  });

  it("flags deprecation only from a surface at or below the release", () => {
    expect(facts.isDeprecated("prefect.Thing", "1.3.0")).toBe(true);
    expect(facts.isDeprecated("prefect.Thing", "1.2.0")).toBe(false);
  });

  it("answers the same whether records are decoded lazily from text or all parsed up front", () => {
    const lazy = PrefectFactsStore.fromText(text);
    for (const v of ["1.0.0", "1.2.0", "1.3.0"]) {
      for (const fq of ["prefect.Thing", "prefect.Thing.go", "prefect.sub.Thing.go", "prefect.nothing"]) {
        expect(lazy.presence(fq, v)).toEqual(facts.presence(fq, v));
        expect(lazy.params(fq, v)).toEqual(facts.params(fq, v));
        expect(lazy.members(fq, v)).toEqual(facts.members(fq, v));
      }
    }
    expect(lazy.cliCommand(["flow", "ls"], "1.3.0")?.options).toEqual(["limit"]);
  });

  it("treats a pydantic base as known", () => {
    const members = facts.members("prefect.Thing", "1.3.0");
    expect(members?.complete).toBe(true);
    expect(members?.names).toContain("model_dump");
    expect(members?.names).toContain("go");
  });
});
