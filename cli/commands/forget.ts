// `orca forget`: removes a person's or a thread's content from the shared past-conversation index and from the
// Slack state store (questions, answers, feedback, resolutions). It may run beside `orca serve`: index writes take
// the writer lock and reload the newest generation first, so the server never writes a forgotten thread back; the
// server still searches the index it loaded until it is restarted.
import { Command } from "commander";
import { conversationId, SlackStateStore } from "../../bot/index.js";
import { InputError, loadConfig, pseudonym } from "../../core/index.js";
import { createEmbedder, openKnowledgeBase } from "../../knowledge/index.js";
import type { CliContext } from "../context.js";
import { cliLogger } from "./ingest.js";

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const THREAD = /^([CDG][A-Z0-9]{2,}):(\d{1,12}\.\d{1,8})$/;

interface ForgetFlags {
  user?: string;
  thread?: string;
}

export function forgetCommand(ctx: CliContext): Command {
  return new Command("forget")
    .description("remove a person's or a thread's content from the past-conversation index and the Slack state store")
    .option("--user <id>", "a Slack user id (U…): their questions, feedback and every indexed thread they took part in")
    .option("--thread <channel:ts>", "one thread, as CHANNEL:THREAD_TS (for example C0123ABCD:1712345678.000100)")
    .action(async (flags: ForgetFlags) => {
      if ((flags.user === undefined) === (flags.thread === undefined))
        throw new InputError("give exactly one of --user U… or --thread CHANNEL:TS");
      const config = loadConfig(ctx.env);
      const store = SlackStateStore.open(config.dataDir);
      let removed: ReturnType<SlackStateStore["forgetThread"]>;
      const ids: string[] = [];
      try {
        if (flags.user !== undefined) {
          const user = flags.user.trim();
          if (!USER_ID.test(user)) throw new InputError(`--user must be a Slack user id (U…), got "${user}"`);
          removed = store.forgetUser(user, pseudonym(user));
        } else {
          const match = THREAD.exec((flags.thread ?? "").trim());
          if (!match) throw new InputError(`--thread must be CHANNEL:TS (for example C0123ABCD:1712345678.000100)`);
          const [, channel = "", ts = ""] = match;
          removed = store.forgetThread(channel, ts);
          // Also when the state store no longer knows the thread (pruned): the index may still hold it.
          ids.push(conversationId(channel, ts));
        }
      } finally {
        store.close();
      }
      for (const t of removed.indexed) ids.push(conversationId(t.channel, t.threadTs));
      const kb = await openKnowledgeBase({
        dataDir: config.dataDir,
        embedder: createEmbedder({ llm: config.llm }),
        logger: cliLogger(ctx, config.logLevel, config.secrets),
      });
      let fromIndex = 0;
      try {
        fromIndex = (await kb.removeConversations([...new Set(ids)])).removed;
      } finally {
        await kb.close();
      }
      ctx.stdout.write(
        `orca: forgot ${fromIndex} indexed thread(s), ${removed.jobs} question(s), ${removed.feedback} feedback record(s), ${removed.resolved} resolution(s)\n`,
      );
    });
}
