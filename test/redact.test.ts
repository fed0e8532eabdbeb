// The Redactor (a pure function of its configured secrets): every configured secret goes, however short, and so do
// well-known token shapes and values written next to a secret's name. Ordinary text and code stay as they are.
import { describe, expect, it } from "vitest";
import { pseudonym, Redactor, scrubPersonalData } from "../core/index.js";

describe("configured secrets", () => {
  it.each([
    ["a 4-character secret", "p4ss"],
    ["a 1-character secret", "Z"],
    ["a 7-character secret", "s3cr3t!"],
    ["a long signing secret", "8f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d"],
  ])("removes %s wherever it appears", (_what, secret) => {
    const out = new Redactor([secret]).redact(`before ${secret} middle${secret}after`);
    expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("removes the longer of two overlapping secrets whole", () => {
    expect(new Redactor(["abc", "abcdef123"]).redact("x abcdef123 y")).toBe("x [redacted] y");
  });

  it("ignores empty and missing values", () => {
    expect(new Redactor(["", undefined]).redact("nothing to hide")).toBe("nothing to hide");
  });
});

describe("token patterns", () => {
  it.each([
    ["a Slack bot token", "xoxb-1234567890-0987654321-AbCdEfGhIjKl"],
    ["a Slack app token", "xapp-1-A0123-4567-abcdef"],
    ["a Slack webhook", "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX"],
    ["an OpenAI key", "sk-proj-AbCdEfGhIjKlMnOpQrStUv123456"],
    ["an AWS access key id", "AKIAIOSFODNN7EXAMPLE"],
    ["a GitHub token", "ghp_0123456789abcdefghijABCDEFGHIJ012345"],
    ["a GitHub fine-grained token", `github_pat_${"A1b2".repeat(12)}`],
    ["a Prefect Cloud key", "pnu_0123456789abcdefghijABCDEFGHIJ01"],
    ["a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
  ])("removes %s", (_what, token) => {
    const out = new Redactor([]).redact(`use ${token} here`);
    expect(out).not.toContain(token);
    expect(out).toContain("[redacted]");
  });

  it.each([
    ["password=hunter2", "hunter2"],
    ['DB_PASSWORD: "Tr0ub4dor&3"', "Tr0ub4dor&3"],
    ["api_key = 9f8e7d6c5b4a39281706", "9f8e7d6c5b4a39281706"],
    ["AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["postgresql://orca:S3cretPw@db.internal:5432/prefect", "S3cretPw"],
  ])("removes the value in %s and keeps the name", (text, value) => {
    const out = new Redactor([]).redact(text);
    expect(out).not.toContain(value);
    expect(out).toContain("[redacted]");
  });

  it.each([
    "Set PREFECT_API_KEY=<your-key> before running.",
    "retries=3, retry_delay_seconds=10",
    'token = os.environ["SLACK_TOKEN"]',
    "The token is refreshed every hour.",
    "password=your_password_here",
  ])("leaves ordinary text and code alone: %s", (text) => {
    expect(new Redactor([]).redact(text)).toBe(text);
  });
});

describe("personal data", () => {
  it("turns mentions and user ids into stable pseudonyms and drops e-mails and phone numbers", () => {
    const out = scrubPersonalData(
      "<@UORCABOT> ask <@U0123ABCD|jo> or U0987ZYXWV, mail jo@example.com, call +44 20 7946 0958",
      new Redactor([]),
      { dropMentionsOf: ["UORCABOT"] },
    );
    expect(out).toBe(`ask @${pseudonym("U0123ABCD")} or ${pseudonym("U0987ZYXWV")}, mail [email], call [phone]`);
  });
});
