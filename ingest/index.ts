// Public surface of ingest/: readers for docs folders, HTML sites, Slack exports and archived threads, and the chunker.

export { contentHash } from "../core/index.js";
export { type ArchivedThreadOptions, DEFAULT_BOT_NAMES, parseArchivedThread } from "./archived-thread.js";
export { type ChunkOptions, chunkConversation, chunkDocument, chunkMarkdown } from "./chunker.js";
export {
  type CrawlCache,
  type CrawlCacheEntry,
  type CrawledPage,
  type CrawlOptions,
  type CrawlResult,
  crawlSite,
  isPrivateAddress,
  MAX_REDIRECTS,
} from "./crawler.js";
export { detectVersionTag, docUrl } from "./doc-url.js";
export { FileCrawlCache } from "./file-crawl-cache.js";
export { type HtmlPage, htmlToMarkdown } from "./html-to-markdown.js";
export { type MarkdownReadOptions, markdownDocument, readMarkdownFolder } from "./markdown-reader.js";
export { mdxToMarkdown } from "./mdx.js";
export {
  type ConversationInput,
  conversationDocument,
  type ReadSourcesOptions,
  readSource,
  type SourceBatch,
} from "./read-sources.js";
export { parseRobots, type RobotsRules } from "./robots.js";
export { pseudonym, readSlackExport, type SlackExport, type SlackThread } from "./slack-export.js";
export { type Chunk, MAX_INPUT_BYTES, type ReadResult, type SkippedInput, type SourceDocument } from "./types.js";
