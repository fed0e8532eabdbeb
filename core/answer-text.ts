// How an answer's Markdown separates Orca's own words from what it quotes. The composers write the sources under
// SOURCES_HEADING and quote passages as blockquotes; the evals score facts and the lead only in Orca's own words, so a
// fact that merely appears in a quoted excerpt is never credited as an answer.

/** The line that opens the list of cited sources in every answer. */
export const SOURCES_HEADING = "**Sources:**";

/** Orca's own text: the answer without its sources list and without quoted (blockquote) passages. */
export function ownText(markdown: string): string {
  const kept: string[] = [];
  let inSources = false;
  let inFence = false;
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) inFence = !inFence;
    if (!inFence && trimmed === SOURCES_HEADING) {
      inSources = true;
      continue;
    }
    // The sources list is a run of list items; the first blank line ends it.
    if (inSources) {
      if (trimmed === "") inSources = false;
      continue;
    }
    if (!inFence && trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The first paragraph of Orca's own text: what a reader sees before deciding whether to read on. */
export function leadParagraph(markdown: string): string {
  const own = ownText(markdown);
  const first = own.split(/\n\s*\n/).find((p) => p.trim() !== "");
  return (first ?? "").trim();
}
