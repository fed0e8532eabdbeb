// One test bed for the Slack integration tests: a fresh fake Slack Web API on 127.0.0.1 before each test, Orca's
// real Bolt app started in process on demand, requests signed the way Slack signs them, and everything stopped
// after each test. Call `useSlackTestBed()` at the top of a file (or of a describe block) to register the hooks.
import { afterEach, beforeEach } from "vitest";
import type { AnswerEngine } from "../../core/index.js";
import { type InProcessOrca, SIGNING_SECRET, startInProcess } from "../fake-slack/in-process.js";
import {
  type DeliverOptions,
  type Delivery,
  deliver,
  deliverInteraction,
  type Envelope,
  type FakeSlack,
  type FakeSlackOptions,
  type MentionSpec,
  mentionEvent,
  startFakeSlack,
} from "../fake-slack/index.js";

export type StartOptions = Parameters<typeof startInProcess>[2];

export interface SlackTestBed {
  /** This test's fake Slack. */
  readonly fake: FakeSlack;
  /** The running Orca; throws when none is running (a test that forgot `start`). */
  readonly orca: InProcessOrca;
  /** The running Orca, if any (for clean-up paths and waits that may run after a stop). */
  readonly running: InProcessOrca | undefined;
  /** Starts Orca against this test's fake Slack; the previous instance must have been stopped. */
  start(engine: AnswerEngine, options?: StartOptions): Promise<InProcessOrca>;
  /** Stops the running Orca (a restart is `stop()` then `start()`); does nothing when none is running. */
  stop(): Promise<void>;
  /** Delivers an Events API envelope to the running Orca, signed with its signing secret. */
  send(envelope: unknown, options?: DeliverOptions): Promise<Delivery>;
  /** Delivers an interactive payload (a button press) form-encoded and signed. */
  interact(payload: unknown, options?: DeliverOptions): Promise<Delivery>;
  /** An app_mention of the bot: `<@bot> text`. */
  mention(text: string, spec?: Omit<MentionSpec, "text">): Envelope;
}

export function useSlackTestBed(options: { fake?: FakeSlackOptions } = {}): SlackTestBed {
  let fake: FakeSlack | undefined;
  let orca: InProcessOrca | undefined;

  beforeEach(async () => {
    fake = await startFakeSlack(options.fake);
  });

  afterEach(async () => {
    await bed.stop();
    await fake?.close();
    fake = undefined;
  });

  const bed: SlackTestBed = {
    get fake() {
      if (!fake) throw new Error("the fake Slack runs only inside a test");
      return fake;
    },
    get orca() {
      if (!orca) throw new Error("Orca is not running: call start() first");
      return orca;
    },
    get running() {
      return orca;
    },
    async start(engine, startOptions) {
      if (orca) throw new Error("Orca is already running: stop() it before starting another");
      orca = await startInProcess(bed.fake, engine, startOptions);
      return orca;
    },
    async stop() {
      const running = orca;
      orca = undefined;
      await running?.stop();
    },
    send: (envelope, deliverOptions) => deliver(bed.orca.url, SIGNING_SECRET, envelope, deliverOptions),
    interact: (payload, deliverOptions) => deliverInteraction(bed.orca.url, SIGNING_SECRET, payload, deliverOptions),
    mention: (text, spec = {}) => mentionEvent({ ...spec, text: `<@${bed.fake.botUserId}> ${text}` }),
  };
  return bed;
}
