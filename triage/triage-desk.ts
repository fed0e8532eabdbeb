// The Slack side of triage. `intake` runs synchronously before Slack's request is acknowledged (like the answer
// intake): it classifies and records a new thread or moves a tracked one, so nothing is lost to a crash; the posts
// that follow (suggestions, owner mentions) go out afterwards through the paced PostQueue. `tick` runs the SLA
// clock, staleness and the daily digest against an injectable clock, from state on disk, so a restart resumes it.

import { fileURLToPath } from "node:url";
import type { HomeView, KnownBlock, WebClient } from "@slack/web-api";
import Database from "better-sqlite3";
import type { NewJob } from "../bot/slack/state-store.js";
import type { Logger } from "../core/index.js";
import type { Classification, ThreadClassifier } from "./classify-thread.js";
import { CueTable, normalWords, totalWeight } from "./cue-table.js";
import { buildDigest } from "./digest.js";
import { PRIVATE_THREAD, SimilarFinder, type SimilarItem, visibleIn } from "./find-similar.js";
import { type FixFinder, type FixLink, upgradeReleaseIn } from "./fix-links.js";
import { renderHome } from "./home-view.js";
import type { LifecycleEvent } from "./lifecycle.js";
import type { AsyncThreadClassifier } from "./llm-classifier.js";
import { PostQueue } from "./post-queue.js";
import { type Route, routeFor, slaElapsedMs, type TriageSettings } from "./triage-settings.js";
import type { ChannelMode, Pruned, TriageStore, TriageThread, Visibility } from "./triage-store.js";

/** The part of the Slack state store triage needs: queue an answer job, find the job behind a reply. */
export interface JobLedger {
  addJob(job: NewJob): boolean;
  jobByReply(channel: string, replyTs: string): { threadTs: string } | undefined;
}

export interface TriageDeskOptions {
  settings: TriageSettings;
  store: TriageStore;
  jobs: JobLedger;
  classifier: ThreadClassifier;
  client: WebClient;
  botUserId: string;
  logger: Logger;
  /** Milliseconds since the epoch; injectable so the SLA clock can be driven by tests. */
  clock?: () => number;
  /** A model-backed classifier: after intake it re-classifies each new thread (offline stays the fallback). */
  refine?: AsyncThreadClassifier;
  /**
   * Strips secrets and personal data from a message (the answer intake's own scrub). Every text triage keeps,
   * indexes, shows or sends to a model goes through it first.
   */
  scrub: (text: string) => string;
  /** Finds the release that fixed a thread's problem (the change facts); without it threads get no fix link. */
  fixes?: FixFinder;
}

export const NEED_HUMAN_ACTION = "orca_need_human";
export const HOME_BLOCK_PREFIX = "orca_triage_";
const CHECK_REACTIONS = new Set(["white_check_mark", "heavy_check_mark", "ballot_box_with_check"]);
const REPLY_CUES = fileURLToPath(new URL("./data/replies.yaml", import.meta.url));
/** Message subtypes that are still a person writing (a post with a file, a reply also sent to the channel). */
const USER_SUBTYPES = new Set(["file_share", "thread_broadcast"]);
const ACK = /^\s*(?:<@[A-Z0-9]+>\s*)?ack\b/i;

type Body = Record<string, unknown>;
type SlackEvent = Record<string, unknown> & { type?: string };

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export class TriageDesk {
  private readonly clock: () => number;
  private readonly posts: PostQueue;
  private readonly replies = CueTable.fromYamlFile(REPLY_CUES);
  private finder: SimilarFinder;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: TriageDeskOptions) {
    this.clock = o.clock ?? Date.now;
    this.posts = new PostQueue(o.settings.post_spacing_ms, o.logger);
    this.finder = SimilarFinder.fromStore(o.store);
  }

  /** Stops following threads in channels that are no longer watched. */
  forgetUnwatched(): number {
    let removed = 0;
    for (const channel of this.o.store.channels()) {
      if (!(channel in this.o.settings.channels)) removed += this.o.store.forgetChannel(channel);
    }
    if (removed > 0) {
      this.finder = SimilarFinder.fromStore(this.o.store);
      this.o.logger.info({ removed }, "stopped following threads of unwatched channels");
    }
    return removed;
  }

  /**
   * Applies the retention period (see TriageStore.prune for what is past it) at the desk's clock and drops the
   * pruned threads from the similar-thread index, so they are never suggested again.
   */
  prune(retentionMs: number): Pruned {
    const pruned = this.o.store.prune(retentionMs, this.clock());
    for (const t of pruned.threads) this.finder.removeThread(t);
    if (pruned.threads.length + pruned.classifications + pruned.events + pruned.links > 0) {
      const { classifications, events, links } = pruned;
      this.o.logger.info(
        { threads: pruned.threads.length, classifications, events, links },
        "pruned triage records past the retention period",
      );
    }
    return pruned;
  }

  modeOf(channel: string): ChannelMode | undefined {
    return this.o.settings.channels[channel];
  }

  /**
   * Looks at every incoming payload before it is acknowledged. Returns undefined when triage has nothing to say
   * (the normal intake decides), true to pass it on to Bolt, false to acknowledge and drop it.
   */
  intake(body: unknown, eventId?: string): boolean | undefined {
    try {
      return this.intakeUnsafe(body, eventId);
    } catch (error) {
      // A storage failure must reach Slack as "not acknowledged" so the event comes again; anything else is a triage
      // defect, which must not cost the payload its normal handling.
      if (error instanceof Database.SqliteError) throw error;
      this.o.logger.error({ err: String(error) }, "triage could not handle a payload; passing it on");
      return undefined;
    }
  }

  private intakeUnsafe(body: unknown, eventId?: string): boolean | undefined {
    if (typeof body !== "object" || body === null) return undefined;
    const b = body as Body;
    if (b.type === "block_actions") return this.onAction(b);
    if (b.type !== "event_callback") return undefined;
    const event = b.event as SlackEvent | undefined;
    if (!event) return undefined;
    const id = eventId ?? str(b.event_id) ?? "";
    switch (event.type) {
      case "app_mention":
        return this.onMention(event);
      case "app_home_opened":
        if (event.tab === "home" && str(event.user)) this.publishHome(event.user as string);
        return false;
      case "reaction_added":
        this.onReaction(event);
        return undefined;
      case "message":
        return this.onMessage(event, id);
      default:
        return undefined;
    }
  }

  private onMessage(event: SlackEvent, eventId: string): boolean | undefined {
    const channel = str(event.channel);
    if (!channel || event.channel_type === "im") return undefined;
    const mode = this.modeOf(channel);
    if (!mode) return undefined;
    this.noteChannelType(channel, event.channel_type);
    const now = this.clock();
    if (event.subtype === "message_changed") {
      const message = event.message as SlackEvent | undefined;
      const ts = str(message?.ts);
      const raw = str(message?.text);
      if (ts && raw && this.o.store.get(channel, ts)) {
        const text = this.o.scrub(raw);
        const c = this.o.classifier.classify(text);
        this.o.store.reclassify(channel, ts, text, c, now);
        const t = this.o.store.get(channel, ts);
        if (t) this.finder.addThread(t);
        // The change lookup is not intake work: it runs after the acknowledgement, like the similar-thread walk.
        if (t) setImmediate(() => this.linkFix(channel, ts, text, c.version, now));
      }
      return false;
    }
    if (event.subtype === "message_deleted") {
      const ts = str(event.deleted_ts) ?? str((event.previous_message as SlackEvent | undefined)?.ts);
      if (ts && this.o.store.removeThread(channel, ts)) this.finder.removeThread({ channel, threadTs: ts });
      return false;
    }
    const user = str(event.user);
    const ts = str(event.ts);
    const raw = typeof event.text === "string" ? event.text : "";
    const personal = event.subtype === undefined || USER_SUBTYPES.has(String(event.subtype));
    if (!personal || event.bot_id !== undefined || !user || !ts || user === this.o.botUserId) {
      return false;
    }
    const threadTs = str(event.thread_ts);
    if (threadTs && threadTs !== ts) {
      // The reply's words are matched here and never kept.
      this.onReply(channel, threadTs, user, raw, now);
      return false;
    }
    // Only "channel" is a public channel; "group" is private and anything else is unknown, so private too.
    const visibility: Visibility = event.channel_type === "channel" ? "public" : "private";
    const mentionsOrca = raw.includes(`<@${this.o.botUserId}>`);
    const text = this.o.scrub(raw);
    return this.onNewThread({ channel, ts, user, text, mode, visibility, mentionsOrca, eventId }, now);
  }

  /**
   * Every message event says what kind of channel it is in. A channel that was public and now reports otherwise
   * was made private (Slack posts a `channel_convert_to_private` message in it): its threads become private, so
   * they are no longer suggested elsewhere. Checked once per channel and process; a private channel that becomes
   * public keeps its threads private (the safe side).
   */
  private noteChannelType(channel: string, channelType: unknown): void {
    if (typeof channelType !== "string" || channelType === "channel" || this.privateChannels.has(channel)) return;
    for (const t of this.o.store.makeChannelPrivate(channel)) this.finder.makePrivate(t);
    this.privateChannels.add(channel);
  }

  private readonly privateChannels = new Set<string>();

  private onNewThread(
    m: {
      channel: string;
      ts: string;
      user: string;
      /** Already scrubbed. */
      text: string;
      mode: ChannelMode;
      visibility: Visibility;
      mentionsOrca: boolean;
      eventId: string;
    },
    now: number,
  ): boolean {
    const c = this.o.classifier.classify(m.text);
    const added = this.o.store.addThread(
      { channel: m.channel, threadTs: m.ts, user: m.user, text: m.text, mode: m.mode, visibility: m.visibility },
      c,
      now,
    );
    if (!added) return false; // a redelivery: already classified, and any answer already queued
    const route = routeFor(this.o.settings, c.topic);
    const owner = route ? this.pickOwner(route) : null;
    if (owner) this.o.store.setOwner(m.channel, m.ts, owner, now);
    let answer = false;
    if (m.mode === "answer" && !m.mentionsOrca) {
      const confident =
        c.confidence >= this.o.settings.answer_min_confidence && this.o.settings.answer_kinds.includes(c.kind);
      if (confident && c.kind !== "off-topic") {
        this.o.jobs.addJob({
          eventId: m.eventId,
          kind: "mention",
          channel: m.channel,
          messageTs: m.ts,
          threadTs: m.ts,
          user: m.user,
          text: m.text,
        });
        this.o.store.setAnswerJob(m.channel, m.ts, m.eventId);
        answer = true;
      } else if (c.kind !== "off-topic") {
        this.move(m.channel, m.ts, "orca-declined", now);
      }
    }
    // Similar threads and issues are found after the acknowledgement: the index walk is not intake work.
    const thread = {
      channel: m.channel,
      threadTs: m.ts,
      text: m.text,
      topic: c.topic,
      state: "new" as const,
      visibility: m.visibility,
      version: c.version,
      ...(c.concepts ? { concepts: c.concepts } : {}),
    };
    setImmediate(() => this.relate(thread, m.mode, c));
    if (this.o.refine) this.track(this.refineLater(m.channel, m.ts, m.text));
    return answer;
  }

  private readonly background = new Set<Promise<void>>();

  private track(work: Promise<void>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  private async refineLater(channel: string, ts: string, text: string): Promise<void> {
    try {
      const c = await (this.o.refine as AsyncThreadClassifier).classify(text);
      if (c.classifier !== this.o.classifier.version) this.o.store.reclassify(channel, ts, text, c, this.clock());
    } catch (error) {
      this.o.logger.warn({ err: String(error) }, "model classification failed; the offline one stands");
    }
  }

  private relate(
    thread: {
      channel: string;
      threadTs: string;
      text: string;
      topic: TriageThread["topic"];
      state: "new";
      visibility: Visibility;
      version: string | null;
      concepts?: Classification["concepts"];
    },
    mode: ChannelMode,
    c: { kind: string; topic: string; version: string | null },
  ): void {
    const fix = this.linkFix(thread.channel, thread.threadTs, thread.text, c.version, this.clock());
    let similar: SimilarItem[] = [];
    try {
      similar = this.finder
        .find(thread.text, {
          topic: thread.topic,
          version: thread.version,
          ...(thread.concepts ? { concepts: thread.concepts } : {}),
          self: thread,
          k: 3,
          shownIn: thread.channel,
        })
        .filter((s) => s.type !== "thread" || this.stillShowable(s, thread.channel));
      this.finder.addThread(thread);
      for (const s of similar) {
        if (s.type !== "thread")
          this.o.store.linkIssue(thread.channel, thread.threadTs, { ...s, kind: s.type }, s.score);
      }
    } catch (error) {
      this.o.logger.warn({ err: String(error) }, "similar-thread lookup failed");
      return;
    }
    if (mode !== "suggest" || (similar.length === 0 && !fix)) return;
    if (!this.o.store.get(thread.channel, thread.threadTs)) return;
    const version = c.version ? ` (Prefect ${c.version})` : "";
    const links = similar.map((s) => `• ${this.linkOf(s)} (score ${s.score.toFixed(2)})`);
    const fixed = fix ? ` ${fixLine(fix, c.version)}` : "";
    const related = links.length > 0 ? " Possibly related:" : "";
    const text = [`Looks like a ${c.kind} about ${c.topic}${version}.${fixed}${related}`, ...links].join("\n");
    this.posts.push(thread.channel, "suggest", () =>
      this.o.client.chat.postMessage({
        channel: thread.channel,
        thread_ts: thread.threadTs,
        text,
        unfurl_links: false,
      }),
    );
  }

  /**
   * The store has the last word on an earlier thread the index offers: `orca forget` may have removed it beside the
   * server (the index learns of it here, before it could be suggested), and its channel may have become private.
   */
  private stillShowable(t: { channel: string; threadTs: string }, shownIn: string): boolean {
    const stored = this.o.store.get(t.channel, t.threadTs);
    if (!stored) {
      this.finder.removeThread(t);
      return false;
    }
    return visibleIn(stored, shownIn);
  }

  /**
   * Links (or, after an edit, unlinks) the fix the thread's problem matches. The lookup is the answer's own, so a
   * thread is linked exactly when an answer would say "Fixed in X; you are on Y: upgrade".
   */
  private linkFix(channel: string, threadTs: string, text: string, version: string | null, now: number) {
    if (!this.o.fixes) return null;
    try {
      const fix: FixLink | null = this.o.fixes.find(text, version);
      if (fix) this.o.store.linkFix(channel, threadTs, fix, now);
      else this.o.store.unlinkFix(channel, threadTs);
      return fix;
    } catch (error) {
      // Runs after the acknowledgement: a failure costs the link, never the thread.
      this.o.logger.warn({ err: String(error) }, "fix lookup failed");
      return null;
    }
  }

  private linkOf(s: SimilarItem): string {
    if (s.type === "thread") {
      const label = s.text.split("\n")[0]?.slice(0, 80).replace(/[<>|]/g, "") ?? "thread";
      return `earlier thread <#${s.channel}> (${s.state}): ${label} [ts ${s.threadTs}]`;
    }
    return `<${s.url}|${s.repo}#${s.number}> ${s.title.replace(/[<>|]/g, "")} (${s.state})`;
  }

  private onReply(channel: string, threadTs: string, user: string, text: string, now: number): void {
    const thread = this.o.store.get(channel, threadTs);
    if (!thread) return;
    // A reply naming a release to upgrade to ("try 3.4.25", "upgraded to 3.4.25, works"): only the release is kept.
    const upgrade = upgradeReleaseIn(text);
    if (upgrade) this.o.store.noteUpgrade(channel, threadTs, upgrade, user === thread.user ? "asker" : "human", now);
    let event: LifecycleEvent;
    if (user === thread.user) {
      const hits = this.replies.match(normalWords(text));
      const confirmed = totalWeight(hits.get("confirmed"));
      const rejected = totalWeight(hits.get("rejected"));
      event = rejected > confirmed ? "asker-rejected" : confirmed >= 2 ? "asker-confirmed" : "asker-replied";
    } else {
      event = "human-replied";
    }
    if (thread.state === "stale" && event !== "asker-confirmed") this.move(channel, threadTs, "reopened", now, user);
    this.move(channel, threadTs, event, now, user);
  }

  private onMention(event: SlackEvent): boolean | undefined {
    const channel = str(event.channel);
    const ts = str(event.ts);
    const text = typeof event.text === "string" ? event.text : "";
    if (!channel || !ts || !ACK.test(text)) return undefined;
    const threadTs = str(event.thread_ts) ?? ts;
    const thread = this.o.store.get(channel, threadTs);
    if (!thread) return undefined;
    const user = str(event.user) ?? "someone";
    const paused = this.o.store.pause(channel, threadTs, this.clock());
    if (paused) {
      this.posts.push(channel, "ack", () =>
        this.o.client.chat.postMessage({
          channel,
          thread_ts: threadTs,
          text: `Got it, <@${user}> has this one: I paused the follow-up clock for this thread.`,
        }),
      );
    }
    return false;
  }

  private onReaction(event: SlackEvent): void {
    const item = event.item as SlackEvent | undefined;
    const channel = str(item?.channel);
    const ts = str(item?.ts);
    const user = str(event.user);
    const reaction = str(event.reaction);
    if (!channel || !ts || !user || !reaction || item?.type !== "message") return;
    const now = this.clock();
    const job = this.o.jobs.jobByReply(channel, ts);
    const threadTs = this.o.store.get(channel, ts) ? ts : job?.threadTs;
    if (!threadTs) return;
    const thread = this.o.store.get(channel, threadTs);
    if (!thread) return;
    if (CHECK_REACTIONS.has(reaction) && user === thread.user)
      this.move(channel, threadTs, "asker-confirmed", now, user);
    else if (job && reaction === "+1") this.move(channel, threadTs, "feedback-up", now, user);
    else if (job && reaction === "-1") this.move(channel, threadTs, "feedback-down", now, user);
  }

  /** Home-tab buttons are triage's own (acknowledged here); answer buttons continue to the feedback listener. */
  private onAction(body: Body): boolean | undefined {
    const actions = (body.actions as Array<{ action_id?: string; block_id?: string; value?: string }>) ?? [];
    const action = actions[0];
    const container = (body.container ?? {}) as { channel_id?: string; message_ts?: string };
    const channel = str((body.channel as { id?: string } | undefined)?.id) ?? str(container.channel_id);
    const messageTs = str((body.message as { ts?: string } | undefined)?.ts) ?? str(container.message_ts);
    const user = str((body.user as { id?: string } | undefined)?.id);
    if (!action?.action_id) return undefined;
    const now = this.clock();
    if (action.block_id?.startsWith(HOME_BLOCK_PREFIX) && user) {
      // The row's block id carries the thread ("orca_triage_<channel>_<ts>"): a user picker has no value of its own.
      const ref = action.block_id.slice(HOME_BLOCK_PREFIX.length).replace("_", "/");
      this.onHomeAction(action.action_id, ref, user, body, now);
      return false;
    }
    if (!channel || !messageTs) return undefined;
    const job = this.o.jobs.jobByReply(channel, messageTs);
    const threadTs = job?.threadTs ?? str((body.message as { thread_ts?: string } | undefined)?.thread_ts);
    if (!threadTs || !this.o.store.get(channel, threadTs)) return undefined;
    const event: LifecycleEvent | undefined =
      action.action_id === NEED_HUMAN_ACTION
        ? "human-requested"
        : action.action_id === "orca_feedback_up"
          ? "feedback-up"
          : action.action_id === "orca_feedback_down"
            ? "feedback-down"
            : undefined;
    if (event) this.move(channel, threadTs, event, now, user ?? null);
    return undefined;
  }

  private onHomeAction(actionId: string, value: string, user: string, body: Body, now: number): void {
    const [channel, threadTs] = value.split("/");
    if (!channel || !threadTs || !this.o.store.get(channel, threadTs)) return;
    if (actionId === `${HOME_BLOCK_PREFIX}take`) this.o.store.setOwner(channel, threadTs, user, now);
    else if (actionId === `${HOME_BLOCK_PREFIX}resolve`)
      this.move(channel, threadTs, "resolved-by-maintainer", now, user);
    else if (actionId === `${HOME_BLOCK_PREFIX}assign`) {
      const selected = str((body.actions as Array<{ selected_user?: string }>)[0]?.selected_user);
      if (selected) this.o.store.setOwner(channel, threadTs, selected, now);
    }
    this.publishHome(user);
  }

  /** Orca is about to answer a job: not in a thread a human has already answered, unless Orca was mentioned. */
  beforeAnswer(job: { eventId: string }): boolean {
    const thread = this.o.store.byAnswerJob(job.eventId);
    if (!thread) return true;
    if (thread.humanRepliedAt !== null || thread.state !== "new") {
      this.o.logger.info({ channel: thread.channel }, "a human already answered; Orca stays out of the thread");
      return false;
    }
    return true;
  }

  /** An answer job finished: a reply in a tracked thread moves it; an answer suggesting an upgrade is noted. */
  afterAnswer(
    job: { channel: string; threadTs: string },
    replyTs: string | undefined,
    ok: boolean,
    answer?: string,
  ): void {
    if (!this.o.store.get(job.channel, job.threadTs)) return;
    const now = this.clock();
    const upgrade = ok && replyTs && answer ? upgradeReleaseIn(answer) : null;
    if (upgrade) this.o.store.noteUpgrade(job.channel, job.threadTs, upgrade, "orca", now);
    this.move(job.channel, job.threadTs, ok && replyTs ? "orca-answered" : "orca-declined", now);
  }

  private move(
    channel: string,
    threadTs: string,
    event: LifecycleEvent,
    now: number,
    actor: string | null = null,
  ): void {
    const before = this.o.store.get(channel, threadTs);
    const after = this.o.store.apply(channel, threadTs, event, now, actor);
    if (!before || !after) return;
    if (after.state !== before.state) this.finder.setThreadState(after, after.state);
    if (after.state === "needs-human") this.mentionOwner(after, now);
  }

  private pickOwner(route: Route): string | null {
    for (const owner of route.owners) if (this.o.store.openCountByOwner(owner) < route.cap) return owner;
    return null;
  }

  private mentionOwner(thread: TriageThread, now: number): void {
    if (!thread.owner) return;
    if (!this.o.store.markOnce(thread.channel, thread.threadTs, "owner_mentioned_at", now)) return;
    const text = `${mention(thread.owner)} this ${thread.kind} about ${thread.topic} needs a human.`;
    this.posts.push(thread.channel, "owner", () =>
      this.o.client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, text }),
    );
  }

  /** One pass of the SLA clock, staleness and the daily digest at the current clock time. */
  tick(): void {
    const now = this.clock();
    const { sla } = this.o.settings;
    for (const thread of this.o.store.awaitingResponse()) {
      if (thread.firstResponseAt !== null) continue;
      const elapsed = slaElapsedMs(this.o.settings, thread.createdAt, now);
      if (elapsed >= sla.escalate_after_hours * 3_600_000 && this.o.settings.triage_channel) {
        if (this.o.store.markOnce(thread.channel, thread.threadTs, "escalated_at", now)) this.escalate(thread, elapsed);
      } else if (elapsed >= sla.nudge_after_hours * 3_600_000) {
        if (this.o.store.markOnce(thread.channel, thread.threadTs, "nudged_at", now)) this.nudge(thread, elapsed);
      }
    }
    for (const thread of this.o.store.idleSince(now - sla.stale_after_days * 86_400_000)) {
      this.move(thread.channel, thread.threadTs, "went-stale", now);
    }
    this.maybeDigest(now);
  }

  private nudge(thread: TriageThread, elapsedMs: number): void {
    const who = thread.owner ? `${mention(thread.owner)} ` : "";
    const text = `${who}no one has answered this ${thread.kind} about ${thread.topic} for ${hours(elapsedMs)}. Reply here, or mention me with \`ack\` to pause the clock.`;
    this.posts.push(thread.channel, "nudge", () =>
      this.o.client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, text }),
    );
  }

  private escalate(thread: TriageThread, elapsedMs: number): void {
    const target = this.o.settings.triage_channel as string;
    const owner = thread.owner ? ` (owner ${mention(thread.owner)})` : "";
    // The triage channel is not the thread's channel: a private thread's words stay in it.
    const what = visibleIn(thread, target) ? oneLine(thread.text) : PRIVATE_THREAD;
    const text = `Unanswered for ${hours(elapsedMs)}: a ${thread.kind} about ${thread.topic} in <#${thread.channel}>, thread ${thread.threadTs}${owner}: ${what}`;
    this.posts.push(target, "escalate", () => this.o.client.chat.postMessage({ channel: target, text }));
  }

  private maybeDigest(now: number): void {
    const target = this.o.settings.triage_channel;
    if (!target) return;
    const day = new Date(now);
    if (day.getUTCHours() < this.o.settings.digest_hour_utc) return;
    const key = `digest:${day.toISOString().slice(0, 10)}`;
    if (!this.o.store.claimMeta(key, String(now))) return;
    const digest = buildDigest(this.o.store, this.o.settings, now);
    this.posts.push(target, "digest", () =>
      this.o.client.chat.postMessage({ channel: target, text: digest.text, blocks: digest.blocks as KnownBlock[] }),
    );
  }

  publishHome(user: string): void {
    const view = renderHome(this.o.store, this.o.settings, this.clock());
    this.posts.push(`home:${user}`, "home", () =>
      this.o.client.views.publish({ user_id: user, view: view as unknown as HomeView }),
    );
  }

  /** Runs `tick` every `everyMs` (0 = never; tests call tick themselves). */
  start(everyMs: number): void {
    if (everyMs > 0) this.timer = setInterval(() => this.safeTick(), everyMs);
  }

  private safeTick(): void {
    try {
      this.tick();
    } catch (error) {
      this.o.logger.error({ err: String(error) }, "triage tick failed");
    }
  }

  /** Resolves when every queued triage post has been sent (or has failed). */
  idle(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => resolve(Promise.all([...this.background]).then(() => this.posts.idle()))),
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** "Fixed in 3.4.25 (#19258); you are on 3.4.20: upgrade to 3.4.25 or later." with Slack's link markup. */
export function fixLine(
  fix: { release: string; pr: number | null; url: string | null },
  version: string | null,
): string {
  const pr = fix.pr === null ? "" : fix.url ? ` (<${fix.url}|#${fix.pr}>)` : ` (#${fix.pr})`;
  const on = version ? `; you are on ${version}` : "";
  return `Fixed in ${fix.release}${pr}${on}: upgrade to ${fix.release} or later.`;
}

export function mention(owner: string): string {
  return owner.startsWith("S") ? `<!subteam^${owner}>` : `<@${owner}>`;
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 48 ? `${Math.floor(h / 24)} days` : `${Math.floor(h)} h`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
