// JSON with object keys sorted at every level, so the compiled facts are byte-identical from run to run.

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** Top-level keys sorted, one per line; arrays listed in `perLine` get one element per line (readable diffs). */
export function stableDocument(doc: Record<string, unknown>, perLine: readonly string[] = []): string {
  const keys = Object.keys(doc).sort();
  const lines = keys.map((key) => {
    const value = doc[key];
    if (perLine.includes(key) && Array.isArray(value)) {
      const items = value.map((item) => stableStringify(item)).join(",\n");
      return `${JSON.stringify(key)}:[\n${items}\n]`;
    }
    return `${JSON.stringify(key)}:${stableStringify(value)}`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
}
