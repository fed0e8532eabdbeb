// At start-up, past Slack threads already in the shared index are held to today's policy: a thread from a DM, a
// private channel or a channel no longer on the allowlist (indexed by an older version, or before the allowlist
// changed) is removed, so it can never be quoted or cited again.
import type { Logger } from "../../core/index.js";
import type { ChannelPolicy } from "./channel-policy.js";
import { type ConversationSink, conversationChannel } from "./feedback.js";

export async function sweepIndex(sink: ConversationSink, policy: ChannelPolicy, logger: Logger): Promise<number> {
  if (!sink.conversationIds || !sink.removeConversations) return 0;
  try {
    const ids = await sink.conversationIds();
    const verdicts = new Map<string, boolean>();
    const refused: string[] = [];
    for (const id of ids) {
      const channel = conversationChannel(id);
      if (channel === undefined) continue;
      let ok = verdicts.get(channel);
      if (ok === undefined) {
        ok = await policy.indexable(channel);
        verdicts.set(channel, ok);
      }
      if (!ok) refused.push(id);
    }
    if (refused.length === 0) return 0;
    const removed = await sink.removeConversations(refused);
    logger.warn(
      { removed, channels: [...verdicts].filter(([, ok]) => !ok).map(([c]) => c) },
      "removed past threads from channels that may not be indexed",
    );
    return removed;
  } catch (error) {
    logger.error({ err: String(error) }, "could not check the past-conversation index against the channel policy");
    return 0;
  }
}
