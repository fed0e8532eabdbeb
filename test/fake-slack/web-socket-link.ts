// The least of RFC 6455 a fake Socket Mode server needs: the upgrade handshake, unmasked text frames out,
// masked client frames in (text, ping → pong, close). Enough for @slack/socket-mode; not a general server.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface WebSocketLink {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
  closed: boolean;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(length));
  return b;
}

/** Parses complete frames from `buffer`; returns them and the unconsumed rest. */
function parseFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = (buffer[offset] as number) & 0x0f;
    const masked = ((buffer[offset + 1] as number) & 0x80) !== 0;
    let length = (buffer[offset + 1] as number) & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const maskEnd = cursor + (masked ? 4 : 0);
    if (buffer.length < maskEnd + length) break;
    const payload = Buffer.from(buffer.subarray(maskEnd, maskEnd + length));
    if (masked)
      for (let i = 0; i < payload.length; i++)
        payload[i] = (payload[i] as number) ^ (buffer[cursor + (i % 4)] as number);
    frames.push({ opcode, payload });
    offset = maskEnd + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export function acceptWebSocket(req: IncomingMessage, socket: Duplex): WebSocketLink {
  const key = String(req.headers["sec-websocket-key"] ?? "");
  const accept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  socket.write(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const listeners: Array<(message: unknown) => void> = [];
  let pending: Buffer = Buffer.alloc(0);
  const link: WebSocketLink = {
    closed: false,
    send: (message) => {
      if (!link.closed) socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
    },
    onMessage: (listener) => {
      listeners.push(listener);
    },
    close: () => {
      if (link.closed) return;
      link.closed = true;
      socket.end(frame(0x8, Buffer.alloc(0)));
    },
  };
  socket.on("data", (chunk: Buffer) => {
    const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const { opcode, payload } of frames) {
      if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x8) link.close();
      else if (opcode === 0x1) for (const l of listeners) l(JSON.parse(payload.toString("utf8")));
    }
  });
  socket.on("close", () => {
    link.closed = true;
  });
  socket.on("error", () => {
    link.closed = true;
  });
  return link;
}
