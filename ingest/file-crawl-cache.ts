// Crawl cache kept as one JSON file, written atomically (temp file + rename).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CrawlCache, CrawlCacheEntry } from "./crawler.js";

export class FileCrawlCache implements CrawlCache {
  private entries: Record<string, CrawlCacheEntry> = {};

  constructor(private readonly file: string) {
    try {
      this.entries = JSON.parse(readFileSync(file, "utf8")) as Record<string, CrawlCacheEntry>;
    } catch {
      // Missing or damaged cache: every page is fetched in full, nothing else is lost.
      this.entries = {};
    }
  }

  get(url: string): CrawlCacheEntry | undefined {
    return this.entries[url];
  }

  set(url: string, entry: CrawlCacheEntry): void {
    this.entries[url] = entry;
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.entries));
    renameSync(tmp, this.file);
  }
}
