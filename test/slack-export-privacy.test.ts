// A Slack workspace export read for the shared index: only public channels, and never a secret or an e-mail.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSlackExport } from "../ingest/index.js";

const thread = (text: string) => [
  { type: "message", user: "U0111AAAA", text, ts: "1700000000.000100", thread_ts: "1700000000.000100" },
  { type: "message", user: "U0222BBBB", text: "thanks", ts: "1700000050.000200", thread_ts: "1700000000.000100" },
];

function writeExport(folders: Record<string, string>, lists: Record<string, unknown[]>): string {
  const root = mkdtempSync(path.join(tmpdir(), "orca-export-"));
  for (const [name, items] of Object.entries(lists))
    writeFileSync(path.join(root, `${name}.json`), JSON.stringify(items));
  for (const [folder, text] of Object.entries(folders)) {
    mkdirSync(path.join(root, folder));
    writeFileSync(path.join(root, folder, "2023-11-14.json"), JSON.stringify(thread(text)));
  }
  return root;
}

const FOLDERS = {
  help: "public question: password=Hunter2-xyz mail ann@example.com",
  "secret-room": "PRIVATE-CHANNEL-TEXT",
  D0123ABCD: "DM-TEXT",
  "mpdm-ann--bob-1": "GROUP-DM-TEXT",
};

describe("readSlackExport privacy", () => {
  it.each([
    [
      "with channel lists",
      {
        channels: [{ id: "C1", name: "help" }],
        groups: [{ id: "G1", name: "secret-room" }],
        dms: [{ id: "D0123ABCD" }],
        mpims: [{ id: "G2", name: "mpdm-ann--bob-1" }],
      },
    ],
    ["with only channels.json", { channels: [{ id: "C1", name: "help" }] }],
  ])("keeps public channels only (%s) and scrubs what it keeps", async (_what, lists) => {
    const result = await readSlackExport(writeExport(FOLDERS, lists));
    expect(result.threads.map((t) => t.channel)).toEqual(["help"]);
    const kept = JSON.stringify(result.threads);
    for (const leaked of [
      "PRIVATE-CHANNEL-TEXT",
      "DM-TEXT",
      "GROUP-DM-TEXT",
      "Hunter2-xyz",
      "ann@example.com",
      "U0111AAAA",
    ])
      expect(kept).not.toContain(leaked);
    const refused = result.skipped.filter((s) => s.reason.startsWith("not a public channel")).map((s) => s.path);
    expect(refused.length).toBe(3);
  });

  it("refuses DM and group-DM folders even without any channel list", async () => {
    const result = await readSlackExport(writeExport(FOLDERS, {}));
    expect(result.threads.map((t) => t.channel).sort()).toEqual(["help", "secret-room"]);
  });
});
