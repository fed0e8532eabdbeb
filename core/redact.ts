// Secrets must never reach a log line, an index or a reply: every outgoing or stored text can be passed through a
// Redactor. Configured secrets are removed whatever their length; well-known token shapes are removed by pattern.

/** Token shapes with a fixed prefix: removed wherever they appear. */
const TOKEN_PATTERNS: RegExp[] = [
  /\bxox[abposre]-[A-Za-z0-9-]{6,}/g, // Slack bot/user/app/refresh tokens
  /\bxapp-[A-Za-z0-9-]{6,}/g, // Slack app-level tokens
  /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g, // Slack incoming webhooks
  /\bsk-(?:proj-|ant-|live_|test_)?[A-Za-z0-9_-]{16,}/g, // OpenAI, Anthropic, Stripe-style secret keys
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, // GitHub fine-grained tokens
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab tokens
  /\bAIza[A-Za-z0-9_-]{35}\b/g, // Google API keys
  /\bpnu_[A-Za-z0-9]{30,}\b/g, // Prefect Cloud API keys
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, // PEM private keys
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
];

/**
 * A value right after a word that names a secret ("password: hunter2", "api_key=...", "AWS_SECRET_ACCESS_KEY ...").
 * The name is kept so a reader still sees what was there; the value goes.
 */
const NAMED_SECRET =
  /\b((?:[A-Za-z0-9]+[_-])*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)(?:[_-][A-Za-z0-9]+)*)(["']?\s*(?:[:=]|=>)\s*["']?)([^\s"'`,;]{6,})/gi;

/** A value worth hiding: mixed letters and digits or symbols, not a placeholder word or a code expression. */
function looksSecret(value: string): boolean {
  if (/[()[\]{}<>$]/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((c) => c.test(value)).length;
  return /\d/.test(value) ? classes >= 2 : classes >= 3;
}

/** URLs with credentials in them: scheme://user:password@host. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]+):([^\s@/]+)@/gi;

export const REDACTED = "[redacted]";

export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Array<string | undefined>) {
    // Every configured secret counts, however short: a short secret is still a secret. Longest first, so a secret
    // that contains another is removed whole.
    this.secrets = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s !== ""))].sort(
      (a, b) => b.length - a.length,
    );
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, REDACTED);
    out = out.replace(URL_CREDENTIALS, `$1:${REDACTED}@`);
    out = out.replace(NAMED_SECRET, (match, name: string, sep: string, value: string) =>
      value.startsWith(REDACTED) || !looksSecret(value) ? match : `${name}${sep}${REDACTED}`,
    );
    return out;
  }
}
