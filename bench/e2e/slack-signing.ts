// Slack's v0 request signature: HMAC-SHA256 over "v0:<timestamp>:<body>" with the signing secret.
import { createHmac } from "node:crypto";

export function slackSignatureHeaders(
  secret: string,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(nowSeconds);
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return {
    "content-type": "application/json",
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": `v0=${digest}`,
  };
}
