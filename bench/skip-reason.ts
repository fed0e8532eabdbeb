import { SkipSection } from "./section.js";

/** Runs one optional part of a section; a skip or failure becomes a note instead of ending the section. */
export async function optionalPart(name: string, notes: string[], part: () => Promise<void>): Promise<void> {
  try {
    await part();
  } catch (error) {
    if (error instanceof SkipSection) notes.push(`${name} skipped: ${error.reason}`);
    else notes.push(`${name} failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}
