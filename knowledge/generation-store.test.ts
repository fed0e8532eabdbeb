import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirError } from "../core/index.js";
import { Bm25Index } from "./bm25.js";
import { GenerationStore } from "./generation-store.js";

function data(text: string) {
  return {
    docs: [
      {
        docId: "d",
        origin: "o",
        sourceId: "s",
        kind: "docs" as const,
        versionTag: "3",
        url: "u",
        title: "t",
        contentHash: text,
        slots: [0],
      },
    ],
    chunks: [{ id: "0", docId: "d", section: [], text }],
    vectors: new Float32Array([1, 0]),
    bm25: Bm25Index.build([[{ text, weight: 1 }]]),
    embedder: { id: "e", dimensions: 2 },
  };
}

describe("GenerationStore", () => {
  it("switches generations atomically and keeps the old one when a write fails midway", () => {
    const store = new GenerationStore(mkdtempSync(path.join(tmpdir(), "orca-gen-")));
    expect(store.read()).toBeNull();
    const first = store.write(data("first"), (file) => writeFileSync(file, "graph"));
    expect(store.read()?.chunks[0]?.text).toBe("first");

    expect(() =>
      store.write(data("second"), () => {
        throw new Error("disk full");
      }),
    ).toThrow(DataDirError);
    expect(readFileSync(path.join(store.root, "CURRENT"), "utf8")).toBe(first);
    expect(store.read()?.chunks[0]?.text).toBe("first");
    expect(readdirSync(store.root).sort()).toEqual(["CURRENT", first].sort());

    const third = store.write(data("third"), (file) => writeFileSync(file, "graph"));
    expect(store.read()?.chunks[0]?.text).toBe("third");
    expect(existsSync(path.join(store.root, first))).toBe(false);
    expect(readdirSync(store.root).sort()).toEqual(["CURRENT", third].sort());
  });
});
