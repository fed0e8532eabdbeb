// Turns lint diagnoses (and known error messages quoted in a thread) into short explanations with the fact behind
// them, in Orca's words. Several diagnoses of one kind become one explanation listing their lines.
import type { Diagnosis } from "../../../core/index.js";
import { type TopicContext, type TopicId, topicOfDiagnosis, topicText } from "../topics/index.js";

export interface Explanation {
  topic: TopicId;
  /** One or two sentences: what is wrong and the fact behind it. */
  text: string;
  lines: number[];
  /** The diagnoses this explanation covers. */
  diagnoses: Diagnosis[];
}

function genericText(d: Diagnosis): string {
  const message = d.message.trim().replace(/\s+/g, " ");
  const withStop = /[.!?]$/.test(message) ? message : `${message}.`;
  if (!d.fix) return withStop;
  // A fix whose words the message already says ("wait, then read fut.state") would only repeat it.
  const said = message.replace(/`/g, "").toLowerCase();
  const words = d.fix.description.toLowerCase().match(/[\w.]{3,}/g) ?? [];
  if (words.length > 0 && words.every((w) => said.includes(w))) return withStop;
  return `${withStop} Fix: ${d.fix.description.replace(/\.$/, "")}.`;
}

/** Groups diagnoses into explanations, most important first (errors before warnings, then by line). */
export function explainDiagnoses(diagnoses: Diagnosis[], context: TopicContext): Explanation[] {
  const byKey = new Map<string, Explanation>();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnoses].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line);
  for (const d of sorted) {
    const topic = topicOfDiagnosis(d);
    const key = topic === "generic" ? `generic:${d.rule}:${d.message}` : topic;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.lines.includes(d.line)) existing.lines.push(d.line);
      existing.diagnoses.push(d);
      continue;
    }
    let text = topic === "generic" ? genericText(d) : topicText(topic, { ...context, subject: d.subject });
    // The API client's methods are async; its sync form is a separate client, opened as a context manager. The
    // linter names the async-only function it means; a coroutine method of the async client has only its receiver.
    if (topic === "missing-await" && !d.subject?.name && d.subject?.receiver)
      text +=
        " For the API client, open it as a context manager: `async with get_client() as client:` in async code, or " +
        "`with get_client(sync_client=True) as client:` for the synchronous client in sync code.";
    byKey.set(key, { topic, text, lines: [d.line], diagnoses: [d] });
  }
  return [...byKey.values()];
}
