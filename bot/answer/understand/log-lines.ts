// Pasted logs: lines that are log records (a timestamp first, or a "| LEVEL |" column) carry logger and module names
// that are not what the asker asks about; the error lines among them are read separately.

const LOG_RECORD =
  /^\s*(?:\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b)|\|\s*(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*\|/;

export function isLogRecord(line: string): boolean {
  return LOG_RECORD.test(line);
}

/** The text without its log records. */
export function withoutLogLines(text: string): string {
  return text
    .split("\n")
    .filter((l) => !isLogRecord(l))
    .join("\n");
}
