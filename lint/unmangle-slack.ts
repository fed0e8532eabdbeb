// Slack rewrites what people paste: URLs and dotted names become `<http://x|x>` links, `<`, `>` and `&` become HTML
// entities, and clients add smart quotes and invisible spaces. Undoing that restores the text the person typed.

export interface UnmangleResult {
  text: string;
  changed: boolean;
  /** One short line per kind of rewrite, e.g. `link <http://logger.info|logger.info> -> logger.info`. */
  changes: string[];
}

const MAX_LISTED_LINKS = 10;

// `<target|label>` or `<target>`, where target is a URL, a mailto, a user / channel mention or a special command.
export const SLACK_ANGLE = /<((?:https?|mailto|ftp):[^<>|\s]*|[@#!][^<>|\s]*)(?:\|([^<>]*))?>/g;

/** A link right after an opening quote (optionally an f/r/b prefix) sits at the start of a string literal. */
const QUOTE_BEFORE = /["'\u201C\u2018]$/;
const SMART_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const SMART_SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const ODD_SPACES = /[\u00A0\u2007\u202F]/g;
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };
const ENTITY = /&(?:lt|gt|amp|quot|#39);/g;

/**
 * The text a person typed that Slack turned into `<target|label>`. Slack prefixes `http://` to what merely looks like a
 * domain (`logger.info`, `api.acme.io/v1`), so then the label is what was typed; a target with any other scheme
 * (`https://`, `ftp://`) was typed in full, and so was an `http://` URL with a path inside a string literal (code
 * that fetches it needs the scheme). `mailto:` gives the address. A label that is not the target is deliberate markup.
 */
export function slackAngleText(target: string, label: string | undefined, inString = false): string {
  if (target.startsWith("mailto:")) return target.slice("mailto:".length);
  if (label === undefined || label === "") return target.startsWith("!") ? `@${target.slice(1).split("^")[0]}` : target;
  const scheme = /^[a-z]+:\/\//i.exec(target)?.[0];
  if (!scheme || label !== target.slice(scheme.length)) return label;
  if (scheme.toLowerCase() !== "http://") return target;
  return inString && /[/:]/.test(label) ? target : label;
}

export function unmangleSlack(text: string): UnmangleResult {
  const changes: string[] = [];
  let links = 0;
  let out = text.replace(SLACK_ANGLE, (whole, target: string, label: string | undefined, at: number) => {
    const shown = slackAngleText(target, label, QUOTE_BEFORE.test(text.slice(Math.max(0, at - 2), at)));
    links++;
    if (links <= MAX_LISTED_LINKS) changes.push(`link ${whole} -> ${shown}`);
    return shown;
  });
  if (links > MAX_LISTED_LINKS) changes.push(`${links - MAX_LISTED_LINKS} more links unwrapped`);

  out = countingReplace(out, ENTITY, (m) => ENTITIES[m] ?? m, "HTML entities decoded", changes);
  out = countingReplace(out, SMART_DOUBLE, () => '"', "smart double quotes straightened", changes);
  out = countingReplace(out, SMART_SINGLE, () => "'", "smart single quotes straightened", changes);
  out = countingReplace(out, ODD_SPACES, () => " ", "non-breaking spaces replaced", changes);
  out = countingReplace(out, ZERO_WIDTH, () => "", "zero-width characters removed", changes);
  return { text: out, changed: out !== text, changes };
}

function countingReplace(
  text: string,
  pattern: RegExp,
  replace: (match: string) => string,
  what: string,
  changes: string[],
): string {
  let count = 0;
  const out = text.replace(pattern, (m) => {
    count++;
    return replace(m);
  });
  if (count > 0) changes.push(`${count} ${what}`);
  return out;
}
