import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../core/index.js";
import { parseArchivedThread } from "./archived-thread.js";

const seeds = path.join(sharedDataDir, "seeds");

describe("parseArchivedThread", () => {
  it("splits glued authors and dates back into messages", () => {
    const text = [
      "Dana Reyes",
      "01/05/2026, 9:01 AMhow do I wait for mapped tasks?Orca",
      "01/05/2026, 9:02 AMCall wait(futures) before returning.",
      "```",
      "wait(futures)",
      "```Dana Reyes",
      "01/05/2026, 9:05 AMthanks, that fixed it",
    ].join("\n");
    const messages = parseArchivedThread(text);
    expect(messages.map((m) => [m.author, m.isBot])).toEqual([
      ["Dana Reyes", false],
      ["Orca", true],
      ["Dana Reyes", false],
    ]);
    expect(messages[0]?.text).toBe("how do I wait for mapped tasks?");
    expect(messages[1]?.text).toContain("wait(futures)\n```");
    expect(messages[2]?.text).toBe("thanks, that fixed it");
    expect(messages[1]?.ts).toBe("01/05/2026, 9:02 AM");
  });

  it("merges consecutive entries of one author and honours custom bot names", () => {
    const text =
      "Sam\n02/01/2026, 1:00 PMfirst partSam\n02/01/2026, 1:01 PMsecond partHelperBot\n02/01/2026, 1:02 PMreply";
    const messages = parseArchivedThread(text, { botNames: ["HelperBot"] });
    expect(messages).toHaveLength(2);
    expect(messages[0]?.text).toBe("first part\nsecond part");
    expect(messages[1]).toMatchObject({ author: "HelperBot", isBot: true, text: "reply" });
  });

  it("finds an author it has not seen on a line of its own", () => {
    const text =
      "Ann Lee\n03/01/2026, 8:00 AMquestion?Orca\n03/01/2026, 8:01 AMAnswer here.Bob Stone\n03/01/2026, 8:02 AMme too";
    expect(parseArchivedThread(text).map((m) => m.author)).toEqual(["Ann Lee", "Orca", "Bob Stone"]);
  });

  describe.skipIf(!existsSync(seeds))("the real seed threads (../shared/seeds)", () => {
    const cases: Array<[string, number]> = [
      ["000_8338dfd06d96388d.txt", 2],
      ["001_a490d32bbe8e3703.txt", 42],
    ];
    for (const [file, count] of cases) {
      it(`${file} parses into ${count} alternating user/bot messages`, () => {
        const messages = parseArchivedThread(readFileSync(path.join(seeds, file), "utf8"));
        expect(messages).toHaveLength(count);
        messages.forEach((m, i) => {
          expect(m.isBot).toBe(i % 2 === 1);
          expect(m.author).toBe(i % 2 === 1 ? "Marvin" : messages[0]?.author);
        });
        // Nothing is lost: every non-empty line of the archive ends up in some message.
        const joined = messages.map((m) => m.text).join("\n");
        expect(joined).toContain("ThreadPoolTaskRunner");
        expect(joined).not.toMatch(/\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [AP]M/);
      });
    }
  });
});
