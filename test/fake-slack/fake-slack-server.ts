// A fake Slack Web API: a real HTTP server on 127.0.0.1 that parses form-encoded and JSON calls the way Slack does,
// keeps threads in memory, records every call, and can be told to answer `ratelimited` (429) or 500.
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { acceptWebSocket, type WebSocketLink } from "./web-socket-link.js";

export interface FakeMessage {
  ts: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text: string;
  thread_ts?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  reactions?: Array<{ name: string; users: string[] }>;
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status the fake answered with. */
  status: number;
  /** `error` of the JSON answer when ok was false. */
  error?: string;
  at: number;
}

/**
 * A 429 with Retry-After, a 5xx, a lost response (the call is carried out, the message is posted, but the
 * connection is dropped before any answer, as when a response is lost on the way back), or a slow one (carried
 * out and answered normally, `delayMs` late, as under load).
 */
export type Fault =
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 | 502 | 503 }
  | { lost: true }
  | { delayMs: number };

/** What conversations.info says about a channel. */
export interface FakeChannel {
  name: string;
  is_channel?: boolean;
  is_private?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  is_group?: boolean;
}

export interface FakeSlackOptions {
  token?: string;
  botUserId?: string;
  botId?: string;
  /** Delay added to every call, to make the answer path slower than the acknowledgement. */
  latencyMs?: number;
  /** App-level token accepted by apps.connections.open (Socket Mode). */
  appToken?: string;
}

export interface FakeSlack {
  /** Base URL to use as SLACK_API_URL (ends with `/api/`). */
  url: string;
  token: string;
  botUserId: string;
  botId: string;
  calls: RecordedCall[];
  /** Successful calls of one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** chat.postMessage params of successful posts. */
  posts(): Array<Record<string, unknown>>;
  /** chat.postMessage params of every message that ended up in Slack, including those whose response was lost. */
  posted(): Array<Record<string, unknown>>;
  /** Adds messages to a thread (the root first); returns their ts values. */
  seedThread(channel: string, messages: Array<Omit<FakeMessage, "ts"> & { ts?: string }>): string[];
  thread(channel: string, threadTs: string): FakeMessage[];
  /** Makes a message from an event known to the fake (as if the user had posted it in Slack). */
  addMessage(channel: string, message: FakeMessage): void;
  /** The next `times` calls of `method` (or of any method with "*") fail with the fault. */
  failNext(method: string, fault: Fault, times?: number): void;
  /**
   * Every call of `method` fails with the fault while `active(params)` holds: a window of 5xx, say, or every call
   * whose parameters match.
   */
  failWhile(method: string, fault: Fault, active: (params: Record<string, unknown>) => boolean): void;
  /** Describes a channel for conversations.info (default: C… public, D… a DM, G… private). */
  setChannel(id: string, channel: FakeChannel): void;
  /** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** True once a Socket Mode client has connected and been greeted. */
  socketConnected(): boolean;
  /** Sends an Events API envelope over Socket Mode; resolves when the client acknowledges it. */
  socketDeliver(envelope: unknown, retryAttempt?: number): Promise<void>;
  close(): Promise<void>;
}

/** Parses a Web API request body (form-encoded or JSON); JSON-looking form fields (blocks, metadata) are decoded. */
function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const looksJson = /^[[{]/.test(value);
    try {
      params[key] = looksJson ? JSON.parse(value) : value;
    } catch {
      params[key] = value;
    }
  }
  return params;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const token = options.token ?? "xoxb-fake-test-token-0000";
  const botUserId = options.botUserId ?? "UORCABOT";
  const botId = options.botId ?? "BORCA";
  const calls: RecordedCall[] = [];
  const threads = new Map<string, FakeMessage[]>();
  const faults: Array<{
    method: string;
    fault: Fault;
    left: number;
    active?: (params: Record<string, unknown>) => boolean;
  }> = [];
  const channels = new Map<string, FakeChannel>();
  const channelInfo = (id: string): FakeChannel & { id: string } => {
    const known = channels.get(id);
    if (known) return { id, is_channel: !known.is_im && !known.is_mpim && !known.is_group, ...known };
    if (id.startsWith("D")) return { id, name: id, is_im: true, is_channel: false, is_private: true };
    if (id.startsWith("G")) return { id, name: id.toLowerCase(), is_group: true, is_channel: false, is_private: true };
    return { id, name: id.toLowerCase(), is_channel: true, is_private: false };
  };
  const nextTs = slackTs;
  const key = (channel: string, ts: string) => `${channel}/${ts}`;

  const findThread = (channel: string, ts: string): FakeMessage[] | undefined => {
    const direct = threads.get(key(channel, ts));
    if (direct) return direct;
    for (const [k, list] of threads) if (k.startsWith(`${channel}/`) && list.some((m) => m.ts === ts)) return list;
    return undefined;
  };

  const appToken = options.appToken ?? "xapp-1-fake-app-token-0000";
  const sockets: WebSocketLink[] = [];
  const acks = new Map<string, () => void>();
  let socketUrl = "";

  const handlers: Record<string, (p: Record<string, unknown>) => Record<string, unknown>> = {
    "apps.connections.open": () => ({ ok: true, url: socketUrl }),
    "auth.test": () => ({ ok: true, user_id: botUserId, bot_id: botId, team_id: "TFAKE", user: "orca" }),
    "conversations.replies": (p) => {
      const channel = str(p.channel) ?? "";
      const list = threads.get(key(channel, str(p.ts) ?? "")) ?? findThread(channel, str(p.ts) ?? "");
      if (!list) return { ok: false, error: "thread_not_found" };
      const latest = str(p.latest);
      const visible = latest ? list.filter((m) => Number(m.ts) <= Number(latest)) : list;
      const limit = Math.min(Number(str(p.limit) ?? 100) || 100, 1000);
      const offset = Number(str(p.cursor)?.replace("cursor-", "") ?? 0) || 0;
      const page = visible.slice(offset, offset + limit).map((m) => {
        if (p.include_all_metadata === "true" || p.include_all_metadata === true) return m;
        const { metadata: _omit, ...rest } = m;
        return rest;
      });
      const more = offset + limit < visible.length;
      return {
        ok: true,
        messages: page,
        has_more: more,
        response_metadata: { next_cursor: more ? `cursor-${offset + limit}` : "" },
      };
    },
    "chat.postMessage": (p) => {
      const channel = str(p.channel);
      if (!channel) return { ok: false, error: "channel_not_found" };
      const text = str(p.text) ?? "";
      const blocks = Array.isArray(p.blocks) ? p.blocks : undefined;
      if (!text && !blocks) return { ok: false, error: "no_text" };
      if (blocks && blocks.length > 50) return { ok: false, error: "invalid_blocks" };
      const ts = nextTs();
      const threadTs = str(p.thread_ts);
      const message: FakeMessage = {
        ts,
        user: botUserId,
        bot_id: botId,
        text,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(blocks ? { blocks } : {}),
        ...(p.metadata ? { metadata: p.metadata as FakeMessage["metadata"] } : {}),
      };
      const list = (threadTs && findThread(channel, threadTs)) || [];
      if (list.length === 0) threads.set(key(channel, threadTs ?? ts), list);
      list.push(message);
      return { ok: true, channel, ts, message };
    },
    "chat.update": (p) => {
      const channel = str(p.channel) ?? "";
      const ts = str(p.ts) ?? "";
      const message = findThread(channel, ts)?.find((m) => m.ts === ts);
      if (!message) return { ok: false, error: "message_not_found" };
      if (str(p.text) !== undefined) message.text = str(p.text) as string;
      if (Array.isArray(p.blocks)) message.blocks = p.blocks;
      return { ok: true, channel, ts };
    },
    "reactions.add": (p) => {
      const message = findThread(str(p.channel) ?? "", str(p.timestamp) ?? "")?.find((m) => m.ts === str(p.timestamp));
      if (!message) return { ok: true }; // events for messages the fake was never told about still work
      const name = str(p.name) ?? "";
      message.reactions ??= [];
      if (message.reactions.some((r) => r.name === name)) return { ok: false, error: "already_reacted" };
      message.reactions.push({ name, users: [botUserId] });
      return { ok: true };
    },
    "reactions.remove": (p) => {
      const message = findThread(str(p.channel) ?? "", str(p.timestamp) ?? "")?.find((m) => m.ts === str(p.timestamp));
      if (!message) return { ok: true };
      const before = message.reactions?.length ?? 0;
      message.reactions = message.reactions?.filter((r) => r.name !== str(p.name));
      return before === (message.reactions?.length ?? 0) ? { ok: false, error: "no_reaction" } : { ok: true };
    },
    // The assistant view: each call names the thread; prompts are 1 to 4 {title, message} pairs, as in Slack.
    "assistant.threads.setStatus": (p) =>
      assistantThread(p) ? { ok: true } : { ok: false, error: "invalid_arguments" },
    "assistant.threads.setTitle": (p) =>
      assistantThread(p) && str(p.title) ? { ok: true } : { ok: false, error: "invalid_arguments" },
    "assistant.threads.setSuggestedPrompts": (p) => {
      const prompts = Array.isArray(p.prompts) ? (p.prompts as Array<Record<string, unknown>>) : [];
      const valid = prompts.length >= 1 && prompts.length <= 4 && prompts.every((q) => str(q.title) && str(q.message));
      return assistantThread(p) && valid ? { ok: true } : { ok: false, error: "invalid_arguments" };
    },
    "conversations.info": (p) => {
      const id = str(p.channel) ?? "";
      if (!id) return { ok: false, error: "channel_not_found" };
      return { ok: true, channel: channelInfo(id) };
    },
    "chat.getPermalink": (p) => {
      const channel = str(p.channel) ?? "";
      const ts = str(p.message_ts) ?? "";
      if (!channel || !ts) return { ok: false, error: "message_not_found" };
      return {
        ok: true,
        channel,
        permalink: `https://fake-workspace.slack.com/archives/${channel}/p${ts.replace(".", "")}`,
      };
    },
    "views.publish": (p) =>
      str(p.user_id)
        ? { ok: true, view: { id: "VHOME", ...(p.view as object) } }
        : { ok: false, error: "invalid_arguments" },
  };

  const assistantThread = (p: Record<string, unknown>) => Boolean(str(p.channel_id) && str(p.thread_ts));

  const takeFault = (method: string, params: Record<string, unknown>): Fault | undefined => {
    const entry = faults.find(
      (f) => (f.method === method || f.method === "*") && (f.active ? f.active(params) : f.left > 0),
    );
    if (!entry) return undefined;
    if (!entry.active) entry.left--;
    return entry.fault;
  };

  const respond = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/api\//, "");
    let params: Record<string, unknown>;
    try {
      params = parseParams(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"]);
    } catch {
      respond(res, 200, { ok: false, error: "invalid_json" });
      return;
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const record = (status: number, error?: string) =>
      calls.push({ method, params, status, ...(error ? { error } : {}), at: Date.now() });
    const fault = takeFault(method, params);
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && "lost" in fault) {
      // Slack did the work; the answer never arrives.
      const handler = handlers[method];
      const body = handler ? handler(params) : { ok: false, error: "unknown_method" };
      record(0, body.ok ? "lost_response" : String(body.error));
      req.socket.destroy();
      return;
    }
    if (fault && "status" in fault) {
      record(fault.status, fault.status === 429 ? "ratelimited" : "internal_error");
      if (fault.status === 429)
        respond(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(fault.retryAfterSeconds) });
      else respond(res, fault.status, { ok: false, error: "internal_error" });
      return;
    }
    const auth = req.headers.authorization ?? (typeof params.token === "string" ? `Bearer ${params.token}` : "");
    if (auth !== `Bearer ${method === "apps.connections.open" ? appToken : token}`) {
      record(200, "invalid_auth");
      respond(res, 200, { ok: false, error: "invalid_auth" });
      return;
    }
    const handler = handlers[method];
    const body = handler ? handler(params) : { ok: false, error: "unknown_method" };
    record(200, body.ok ? undefined : String(body.error));
    respond(res, 200, body);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => respond(res, 500, { ok: false, error: String(error) }));
  });
  server.on("upgrade", (req, socket) => {
    const link = acceptWebSocket(req, socket);
    link.onMessage((message) => {
      const id = (message as { envelope_id?: string }).envelope_id;
      if (id) acks.get(id)?.();
    });
    sockets.push(link);
    link.send({ type: "hello", num_connections: 1, connection_info: { app_id: "AORCA" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  socketUrl = `ws://127.0.0.1:${port}/socket`;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    token,
    botUserId,
    botId,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method && c.status === 200 && c.error === undefined),
    posts: () =>
      calls.filter((c) => c.method === "chat.postMessage" && c.status === 200 && !c.error).map((c) => c.params),
    posted: () =>
      calls
        .filter(
          (c) => c.method === "chat.postMessage" && ((c.status === 200 && !c.error) || c.error === "lost_response"),
        )
        .map((c) => c.params),
    seedThread: (channel, messages) => {
      const list: FakeMessage[] = [];
      for (const m of messages) {
        const ts = m.ts ?? nextTs();
        const rootTs = list[0]?.ts ?? ts;
        list.push({ ...m, ts, ...(list.length > 0 ? { thread_ts: rootTs } : {}) });
      }
      const root = list[0];
      if (root) threads.set(key(channel, root.ts), list);
      return list.map((m) => m.ts);
    },
    thread: (channel, threadTs) => findThread(channel, threadTs) ?? [],
    addMessage: (channel, message) => {
      const rootTs = message.thread_ts ?? message.ts;
      const list = findThread(channel, rootTs) ?? [];
      if (list.length === 0) threads.set(key(channel, rootTs), list);
      list.push(message);
    },
    failNext: (method, fault, times = 1) => {
      faults.push({ method, fault, left: times });
    },
    failWhile: (method, fault, active) => {
      faults.push({ method, fault, left: 0, active });
    },
    setChannel: (id, channel) => {
      channels.set(id, channel);
    },
    waitFor: async (predicate, timeoutMs = 10_000, what = "condition") => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    socketConnected: () => sockets.some((l) => !l.closed),
    socketDeliver: (envelope, retryAttempt = 0) => {
      const link = sockets.find((l) => !l.closed);
      if (!link) return Promise.reject(new Error("no Socket Mode client is connected"));
      const envelopeId = randomUUID();
      return new Promise<void>((resolve) => {
        acks.set(envelopeId, () => {
          acks.delete(envelopeId);
          resolve();
        });
        link.send({
          envelope_id: envelopeId,
          type: "events_api",
          accepts_response_payload: false,
          retry_attempt: retryAttempt,
          retry_reason: retryAttempt > 0 ? "timeout" : "",
          payload: envelope,
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const link of sockets) link.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A fresh id for events built by tests. */
export function eventId(): string {
  return `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
}

let lastMicros = 0;
/** A unique, increasing Slack timestamp ("seconds.micros") from the wall clock, shared by the fake and tests. */
export function slackTs(): string {
  lastMicros = Math.max(lastMicros + 1, Date.now() * 1000);
  return `${Math.floor(lastMicros / 1e6)}.${String(lastMicros % 1e6).padStart(6, "0")}`;
}
