// Reads one input file as UTF-8 text, refusing what would hurt the index: too large, binary, unreadable.
import { readFile, stat } from "node:fs/promises";
import { MAX_INPUT_BYTES } from "./types.js";

export type TextFileResult = { ok: true; text: string } | { ok: false; reason: string };

export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<TextFileResult> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: "not a regular file" };
    if (info.size > maxBytes) {
      return { ok: false, reason: `too large (${formatBytes(info.size)}, limit ${formatBytes(maxBytes)})` };
    }
    const bytes = await readFile(file);
    return decodeText(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})` };
  }
}

export function decodeText(bytes: Uint8Array): TextFileResult {
  if (looksBinary(bytes)) return { ok: false, reason: "binary file" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "not valid UTF-8 text" };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
