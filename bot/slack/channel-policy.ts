// Which Slack conversations may feed the shared past-conversation index, and which permalinks may be cited.
// The rule is an allowlist set by the operator: public channels named by id or name. Direct messages, group DMs
// and private channels are never indexed or cited, whatever reactions they get. Unknown means no.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../core/index.js";

interface ChannelFacts {
  id: string;
  name?: string;
  isPublic: boolean;
}

/** Slack message permalinks: https://<workspace>.slack.com/archives/<channel id>/p<ts digits>. */
const PERMALINK = /^https:\/\/[a-z0-9-]+(?:\.enterprise)?\.slack\.com\/archives\/([A-Z0-9]+)\/p\d+/i;

export class ChannelPolicy {
  private readonly allowed: Set<string>;
  private readonly facts = new Map<string, Promise<ChannelFacts | null>>();

  constructor(
    private readonly client: WebClient,
    allowedChannels: string[],
    private readonly logger: Logger,
  ) {
    this.allowed = new Set(allowedChannels);
  }

  /** True only for a public channel on the allowlist (by id or by name). */
  async indexable(channel: string): Promise<boolean> {
    if (this.allowed.size === 0) return false;
    // DMs and group DMs by their id alone: no lookup needed to say no.
    if (!/^C/.test(channel)) return false;
    const facts = await this.lookup(channel);
    if (!facts?.isPublic) return false;
    return this.allowed.has(facts.id) || (facts.name !== undefined && this.allowed.has(facts.name));
  }

  /** The channel of a Slack permalink, or undefined for any other URL. */
  static permalinkChannel(url: string): string | undefined {
    return PERMALINK.exec(url)?.[1];
  }

  /** Looks up every Slack permalink among `urls`; returns the ones that may be cited. */
  async citable(urls: Iterable<string>): Promise<Set<string>> {
    const ok = new Set<string>();
    for (const url of new Set(urls)) {
      const channel = ChannelPolicy.permalinkChannel(url);
      if (channel && (await this.indexable(channel))) ok.add(url);
    }
    return ok;
  }

  private lookup(channel: string): Promise<ChannelFacts | null> {
    let pending = this.facts.get(channel);
    if (!pending) {
      pending = this.fetch(channel);
      this.facts.set(channel, pending);
      // A failed lookup is not remembered: the next thread asks again.
      void pending.then((f) => {
        if (f === null) this.facts.delete(channel);
      });
    }
    return pending;
  }

  private async fetch(channel: string): Promise<ChannelFacts | null> {
    try {
      const info = await this.client.conversations.info({ channel });
      const c = info.channel;
      if (!c?.id) return null;
      const isPublic = c.is_channel === true && !c.is_private && !c.is_im && !c.is_mpim && !c.is_group;
      return { id: c.id, ...(c.name ? { name: c.name } : {}), isPublic };
    } catch (error) {
      this.logger.warn({ channel, err: String(error) }, "could not look up the channel; treating it as not indexable");
      return null;
    }
  }
}
