// Bolt's HTTPReceiver (signature check, url_verification, ack semantics, and GET /healthz as one of its
// customRoutes) behind a small front door that Orca still needs: a body-size cap with a clear 413 before anything
// buffers the body (Bolt's receiver reads the whole body first), and a port chosen at start (0 = any free port, for
// tests; Bolt's own server takes a fixed port and does not report the bound one).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type App, type Logger as BoltLogger, HTTPReceiver, type Receiver } from "@slack/bolt";

export const EVENTS_PATH = "/slack/events";
/** How long a stopping receiver lets requests in flight finish: Slack's acknowledgement deadline. */
const STOP_GRACE_MS = 3_000;
export const HEALTH_PATH = "/healthz";
export const MAX_BODY_BYTES = 1024 * 1024;

export interface OrcaHttpReceiverOptions {
  signingSecret: string;
  port: number;
  host?: string;
  logger: BoltLogger;
  maxBodyBytes?: number;
  /** Extra facts for /healthz (queue depth and the like). */
  health?: () => Record<string, unknown>;
}

/** /healthz: 503 while Orca refuses new work (full disk, queue past its cap), with the reason in the JSON. */
function sendHealth(res: ServerResponse, health: (() => Record<string, unknown>) | undefined): void {
  let facts: Record<string, unknown>;
  try {
    facts = { ok: true, ...health?.() };
  } catch (error) {
    facts = { ok: false, status: "health_check_failed", error: error instanceof Error ? error.message : String(error) };
  }
  sendJson(res, facts.ok === false ? 503 : 200, facts);
}

/**
 * Why a signed body would break Bolt, or null when it has the shape Bolt expects: a JSON object, or a form whose
 * `payload` (if any) is a JSON object. Bolt reads fields of the parsed body outside its own error handling, so
 * `null` or `payload=null` would otherwise end the process. Unparseable JSON is left to Bolt (it answers 400).
 */
export function bodyShapeProblem(raw: Buffer, contentType: string | undefined): string | null {
  const text = raw.toString("utf8");
  // Arrays are objects to Bolt (their fields read as undefined and intake ignores them); null and bare values are not.
  const isObject = (v: unknown) => typeof v === "object" && v !== null;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    const payload = new URLSearchParams(text).get("payload");
    if (payload === null) return null;
    try {
      return isObject(JSON.parse(payload)) ? null : "the form payload is not a JSON object";
    } catch {
      return "the form payload is not valid JSON";
    }
  }
  try {
    return isObject(JSON.parse(text)) ? null : "the body is not a JSON object";
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Socket Mode has no inbound HTTP, but container health checks still need GET /healthz. Bolt's SocketModeReceiver
 * can serve customRoutes too, but on a server of its own that listens on every interface at a fixed port and does
 * not report the bound port, so this small server stays for that mode.
 */
export function startHealthServer(options: {
  port: number;
  host?: string;
  health: () => Record<string, unknown>;
}): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === HEALTH_PATH) sendHealth(res, options.health);
    else sendJson(res, 404, { ok: false, error: "not_found" });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export class OrcaHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: http.Server | undefined;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: OrcaHttpReceiverOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: [EVENTS_PATH],
      logger: options.logger,
      processBeforeResponse: false,
      customRoutes: [
        { path: HEALTH_PATH, method: ["GET", "HEAD"], handler: (_req, res) => sendHealth(res, options.health) },
      ],
    });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  /** The bound port once started. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === "object" ? (address as AddressInfo).port : undefined;
  }

  start(): Promise<http.Server> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host ?? "0.0.0.0", () => {
        server.off("error", reject);
        resolve(server);
      });
    });
  }

  /**
   * Stops taking requests. One already in flight (an event whose job is being stored) gets its acknowledgement out
   * first, so Slack does not see a reset and send it again; idle keep-alive connections close at once, and whatever
   * is still open after Slack's own acknowledgement deadline is cut.
   */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      cut.unref();
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  /** Only event posts pass the size cap; every other request goes straight to Bolt's router (its customRoutes). */
  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== EVENTS_PATH) {
      this.dispatch(req, res);
      return;
    }
    if (req.method !== "POST") {
      sendJson(res, 405, { ok: false, error: "method_not_allowed" });
      return;
    }
    this.buffer(req, res);
  }

  /** Bolt throws for a request none of its routes takes: that is a 404 here. */
  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.bolt.requestListener(req, res);
    } catch (error) {
      this.options.logger.debug(`Unhandled request: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 404, { ok: false, error: "not_found" });
    }
  }

  /** Reads the body under the cap, then hands the buffered request to Bolt (which reuses `rawBody`). */
  private buffer(req: IncomingMessage, res: ServerResponse): void {
    const tooLarge = () => {
      this.options.logger.warn(`Rejected a request body over ${this.maxBodyBytes} bytes (413)`);
      res.setHeader("connection", "close");
      sendJson(res, 413, { ok: false, error: "payload_too_large", limit_bytes: this.maxBodyBytes });
      req.resume();
    };
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let rejected = false;
    req.on("data", (chunk: Buffer) => {
      if (rejected) return;
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        rejected = true;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", (error) => this.options.logger.warn(`Request stream failed: ${error.message}`));
    req.on("end", () => {
      if (rejected) return;
      const rawBody = Buffer.concat(chunks);
      const problem = bodyShapeProblem(rawBody, req.headers["content-type"]);
      if (problem) {
        this.options.logger.warn(`Rejected a request body of the wrong shape (400): ${problem}`);
        sendJson(res, 400, { ok: false, error: "invalid_body" });
        return;
      }
      Object.assign(req, { rawBody });
      this.dispatch(req, res);
    });
  }
}
