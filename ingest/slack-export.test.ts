import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pseudonym, readSlackExport } from "./slack-export.js";

const DAY1 = [
  {
    type: "message",
    user: "U111",
    text: "how do I set retries? cc <@U222>",
    ts: "1700000000.000100",
    thread_ts: "1700000000.000100",
  },
  { type: "message", user: "U222", text: "use retries=3", ts: "1700000050.000200", thread_ts: "1700000000.000100" },
  { type: "message", subtype: "channel_join", user: "U333", text: "joined", ts: "1700000060.000000" },
  { type: "message", user: "U333", text: "unrelated top-level message", ts: "1700000070.000000" },
];
const DAY2 = [
  {
    type: "message",
    bot_id: "B1",
    bot_profile: { name: "Orca" },
    text: "Retries are set on the decorator.",
    ts: "1700090000.000300",
    thread_ts: "1700000000.000100",
  },
  { type: "message", user: "U111", text: "no timestamp here" },
  { type: "message", user: "U111", ts: "1700090001.000000" },
  { type: "message", text: "no user", ts: "1700090002.000000" },
];

function writeExport(root: string): void {
  writeFileSync(
    path.join(root, "users.json"),
    JSON.stringify([{ id: "U111", name: "alice", real_name: "Alice Real" }]),
  );
  writeFileSync(path.join(root, "channels.json"), JSON.stringify([{ id: "C1", name: "help" }]));
  mkdirSync(path.join(root, "help"));
  writeFileSync(path.join(root, "help", "2023-11-14.json"), JSON.stringify(DAY1));
  writeFileSync(path.join(root, "help", "2023-11-15.json"), JSON.stringify(DAY2));
  writeFileSync(path.join(root, "help", "2023-11-16.json"), "{ not json");
}

/** A minimal stored (uncompressed) zip, enough for yauzl. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function expectExport(result: Awaited<ReturnType<typeof readSlackExport>>): void {
  expect(result.threads).toHaveLength(2);
  const thread = result.threads.find((t) => t.messages.length === 3);
  expect(thread?.id).toBe("help/1700000000.000100");
  expect(thread?.messages.map((m) => [m.author, m.isBot])).toEqual([
    [pseudonym("U111"), false],
    [pseudonym("U222"), false],
    ["Orca", true],
  ]);
  expect(thread?.messages[0]?.text).toBe(`how do I set retries? cc @${pseudonym("U222")}`);
  // Neither ids nor names survive anywhere in what is returned.
  const serialized = JSON.stringify(result.threads);
  expect(serialized).not.toMatch(/U111|U222|U333|alice|Alice Real/);
  expect(result.warnings).toHaveLength(3);
  expect(result.warnings.join("\n")).toMatch(/missing ts[\s\S]*missing text[\s\S]*missing user/);
  expect(result.skipped.map((s) => s.reason)).toEqual(["not a JSON array of messages"]);
}

describe("readSlackExport", () => {
  it("pseudonyms are stable and carry no part of the id", () => {
    expect(pseudonym("U111")).toBe(pseudonym("U111"));
    expect(pseudonym("U111")).not.toBe(pseudonym("U112"));
    expect(pseudonym("U111")).toMatch(/^person-[0-9a-f]{8}$/);
  });

  it("reads an export folder into threads, skipping and counting broken messages", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "orca-slack-"));
    writeExport(root);
    expectExport(await readSlackExport(root));
  });

  it("reads the same export from a .zip", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "orca-slack-zip-"));
    const file = path.join(dir, "export.zip");
    writeFileSync(
      file,
      zip({
        "users.json": JSON.stringify([{ id: "U111", name: "alice", real_name: "Alice Real" }]),
        "help/2023-11-14.json": JSON.stringify(DAY1),
        "help/2023-11-15.json": JSON.stringify(DAY2),
        "help/2023-11-16.json": "{ not json",
      }),
    );
    expectExport(await readSlackExport(file));
  });
});
