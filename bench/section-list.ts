import { InputError } from "../core/index.js";
import { SECTION_NAMES, type SectionName } from "./types.js";

/** Parses `--only e2e,retrieval`; an unknown name is a clear input error listing the valid ones. */
export function parseSectionList(text: string): SectionName[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(SECTION_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new InputError(
      `--only expects a comma-separated list of ${SECTION_NAMES.join(", ")}; got "${unknown.join(",") || text}"`,
    );
  }
  return names as SectionName[];
}
