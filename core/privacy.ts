// Personal data out of anything that is kept or shared: Slack user ids become stable pseudonyms (the same person
// always maps to the same stand-in, so a thread still reads as a conversation), e-mail addresses and secrets go.
import { createHash } from "node:crypto";
import type { Redactor } from "./redact.js";

/** A stable, non-reversible stand-in for a Slack user id. */
export function pseudonym(userId: string): string {
  return `person-${createHash("sha256").update(`orca-pseudonym:${userId}`).digest("hex").slice(0, 8)}`;
}

const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g;
/** Bare Slack user ids (U… or W… followed by 8+ upper-case letters and digits) as they appear in pasted text. */
const BARE_USER_ID = /\b([UW][A-Z0-9]{8,})\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Phone numbers written the international way (+country code), which are personal and rarely anything else. */
const PHONE = /\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/g;

export interface ScrubOptions {
  /** User ids to drop instead of pseudonymising (Orca's own mention). */
  dropMentionsOf?: string[];
}

/**
 * Removes secrets (via the Redactor) and personal data from a text: mentions and bare user ids become pseudonyms,
 * e-mail addresses and phone numbers are replaced. Used on everything that enters the shared index or the state store.
 */
export function scrubPersonalData(text: string, redactor: Redactor, options: ScrubOptions = {}): string {
  const drop = new Set(options.dropMentionsOf ?? []);
  let out = redactor.redact(text);
  out = out.replace(MENTION, (_m, id: string) => (drop.has(id) ? "" : `@${pseudonym(id)}`));
  out = out.replace(EMAIL, "[email]");
  out = out.replace(PHONE, "[phone]");
  out = out.replace(BARE_USER_ID, (_m, id: string) => (drop.has(id) ? "" : pseudonym(id)));
  return out.replace(/[ \t]{2,}/g, " ").trim();
}
