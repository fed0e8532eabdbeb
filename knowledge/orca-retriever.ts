// Orca's index as a LangChain retriever, so any LangChain app (a chain, an agent, a RAG pipeline) can search the same
// Prefect knowledge Orca answers from, with the same version preference and kind filter.
import type { CallbackManagerForRetrieverRun } from "@langchain/core/callbacks/manager";
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Retriever, SearchHit, SearchOptions } from "../core/index.js";

/** What a LangChain document carries of a hit besides its text. */
export interface OrcaDocumentMetadata {
  id: string;
  docId: string;
  title: string;
  url: string;
  section: string[];
  kind: SearchHit["kind"];
  versionTag: string | null;
  score: number;
}

export interface OrcaRetrieverInput extends BaseRetrieverInput {
  /** Anything with Orca's `search` (an open knowledge base). */
  index: Retriever;
  /** How many hits to return (default 5). */
  k?: number;
  prefectMajor?: SearchOptions["prefectMajor"];
  kind?: SearchOptions["kind"];
}

export class OrcaRetriever extends BaseRetriever<OrcaDocumentMetadata> {
  lc_namespace = ["orca", "retrievers"];
  private readonly index: Retriever;
  private readonly options: SearchOptions;

  constructor(fields: OrcaRetrieverInput) {
    super(fields);
    this.index = fields.index;
    this.options = { k: fields.k ?? 5, prefectMajor: fields.prefectMajor, kind: fields.kind };
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<OrcaDocumentMetadata>[]> {
    const hits = await this.index.search(query, this.options);
    return hits.map(
      (h) =>
        new Document<OrcaDocumentMetadata>({
          pageContent: h.text,
          id: h.id,
          metadata: {
            id: h.id,
            docId: h.docId,
            title: h.title,
            url: h.url,
            section: h.section,
            kind: h.kind,
            versionTag: h.versionTag,
            score: h.score,
          },
        }),
    );
  }
}
