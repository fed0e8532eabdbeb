// Reads the entries of a .zip into memory, with per-entry and total size limits (a zip bomb is refused).
import yauzl from "yauzl";
import { MAX_INPUT_BYTES } from "./types.js";

export interface ZipContents {
  files: Map<string, Buffer>;
  skipped: Array<{ path: string; reason: string }>;
}

export function readZip(
  file: string,
  maxEntryBytes = MAX_INPUT_BYTES,
  maxTotalBytes = 200 * 1024 * 1024,
): Promise<ZipContents> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error("cannot open zip"));
      const files = new Map<string, Buffer>();
      const skipped: ZipContents["skipped"] = [];
      let total = 0;
      zip.on("error", reject);
      zip.on("end", () => resolve({ files, skipped }));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        if (entry.uncompressedSize > maxEntryBytes || total + entry.uncompressedSize > maxTotalBytes) {
          skipped.push({ path: `${file}:${entry.fileName}`, reason: "too large" });
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            skipped.push({ path: `${file}:${entry.fileName}`, reason: `unreadable (${streamError?.message})` });
            return zip.readEntry();
          }
          const parts: Buffer[] = [];
          stream.on("data", (d: Buffer) => parts.push(d));
          stream.on("error", (e) => {
            skipped.push({ path: `${file}:${entry.fileName}`, reason: `unreadable (${e.message})` });
            zip.readEntry();
          });
          stream.on("end", () => {
            const buf = Buffer.concat(parts);
            total += buf.length;
            files.set(entry.fileName, buf);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
