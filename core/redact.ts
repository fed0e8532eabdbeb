// Secrets must never reach a log line or a reply: every outgoing text can be passed through a Redactor.

const TOKEN_PATTERNS: RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]{6,}/g, // Slack bot/user/app tokens
  /xapp-[A-Za-z0-9-]{6,}/g, // Slack app-level tokens
  /sk-[A-Za-z0-9_-]{16,}/g, // OpenAI-style keys
];

export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Array<string | undefined>) {
    // Short values would redact ordinary words; real secrets are long.
    this.secrets = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join("[redacted]");
    for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, "[redacted]");
    return out;
  }
}
