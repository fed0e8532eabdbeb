// Ingest: files/s and MB/s for the corpus into an empty index, a second run with nothing changed, index size on disk
// and the time to open it. The index it builds is handed to the later sections.
import path from "node:path";
import { corpusInputs } from "../corpus-inputs.js";
import { folderBytes } from "../fs-size.js";
import { openIndex } from "../open-index.js";
import { requireCorpus, type Section } from "../section.js";
import { timed } from "../stats.js";

const MB = 2 ** 20;

export const ingestSection: Section = {
  name: "ingest",
  async run(ctx) {
    const corpus = requireCorpus(ctx);
    const dataDir = path.join(ctx.workDir, "ingest");
    const inputs = corpusInputs(corpus);

    const kb = await openIndex(dataDir);
    const first = await timed(() => kb.ingest(inputs));
    const second = await timed(() => kb.ingest(inputs));
    const stats = kb.stats();
    await kb.close();
    const indexBytes = await folderBytes(dataDir);
    const load = await timed(() => openIndex(dataDir));
    await load.value.close();
    ctx.indexes.publishCorpus(dataDir);

    const seconds = first.ms / 1000;
    const { info } = corpus;
    return {
      figures: [
        { name: "cold ingest, whole corpus", unit: "s", value: seconds, target: { stat: "value", below: 120 } },
        { name: "ingest rate", unit: "files/s", value: info.files / seconds },
        { name: "ingest throughput", unit: "MB/s", value: info.bytes / MB / seconds },
        {
          name: "second run, nothing changed",
          unit: "s",
          value: second.ms / 1000,
          target: { stat: "value", below: 10 },
        },
        { name: "index size on disk", unit: "MB", value: indexBytes / MB },
        { name: "index load", unit: "ms", value: load.ms, target: { stat: "value", below: 1000 } },
      ],
      tables: [
        {
          title: "ingest runs",
          header: ["run", "added", "updated", "removed", "unchanged", "skipped", "chunks embedded"],
          rows: [
            ["cold", first.value],
            ["second", second.value],
          ].map(([run, s]) => {
            const r = s as typeof first.value;
            return [
              run as string,
              ...[r.added, r.updated, r.removed, r.unchanged, r.skipped.length, r.embeddedChunks].map(String),
            ];
          }),
        },
      ],
      details: { documents: stats.documents, chunks: stats.chunks, embedder: stats.embedder, indexBytes },
    };
  },
};
