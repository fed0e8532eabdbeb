import { describe, expect, it } from "vitest";
import { loadSettingsFacts } from "../../../knowledge/index.js";
import { settingAnswer } from "./setting-answer.js";

const facts = loadSettingsFacts();

describe("settingAnswer says which process reads the setting", () => {
  it.each([
    // A 2.x name that became a PREFECT_SERVER_* setting is the server's too.
    ["PREFECT_API_SERVICES_LATE_RUNS_AFTER_SECONDS", "2.14.3", "on the server"],
    ["PREFECT_SERVER_SERVICES_LATE_RUNS_AFTER_SECONDS", "3.4.20", "on the server"],
    ["PREFECT_WORKER_QUERY_SECONDS", "3.4.20", "the worker process"],
    ["PREFECT_RUNNER_PROCESS_LIMIT", "3.4.20", "serves or runs the flow"],
    ["PREFECT_API_URL", "3.4.20", "every process that talks to the API"],
    ["PREFECT_TASKS_DEFAULT_RETRIES", "3.4.20", "the process that runs the flow"],
    ["PREFECT_LOGGING_LEVEL", "3.4.20", "the process that runs the flow"],
    // `PREFECT_API_*` mixes server and client settings: no guess.
    ["PREFECT_API_REQUEST_TIMEOUT", "3.4.20", "the process it applies to"],
  ])("%s on %s → %s", (name, release, where) => {
    expect(settingAnswer(facts, name, release, "how-to")?.lead).toContain(where);
  });
});

describe("settingAnswer names the settings decided together with it", () => {
  const details = (name: string, release: string) => settingAnswer(facts, name, release, "how-to")?.details.join("\n");

  it.each([
    // Neighbours in the prefect.toml table, those sharing a word of the name first, with their defaults then.
    [
      "PREFECT_WORKER_QUERY_SECONDS",
      "3.4.20",
      /Related settings in `\[worker\]`.*`PREFECT_WORKER_PREFETCH_SECONDS` \(default `10`\)/,
    ],
    ["PREFECT_SERVER_SERVICES_SCHEDULER_MAX_RUNS", "3.4.20", /`PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME`/],
    // A server setting whose clients read a setting of their own says which.
    ["PREFECT_SERVER_API_AUTH_STRING", "3.4.20", /Clients .* use the matching `PREFECT_API_AUTH_STRING`/],
  ])("%s on %s", (name, release, expected) => {
    expect(details(name, release)).toMatch(expected);
  });

  it.each([
    // An old name of the same setting is no counterpart; a setting in no table has no neighbours.
    ["PREFECT_SERVER_UI_SERVE_BASE", "3.4.20", /Clients/],
    ["PREFECT_API_URL", "3.4.20", /Related settings in `\[\]`/],
  ])("%s on %s says no %s", (name, release, unexpected) => {
    expect(details(name, release)).not.toMatch(unexpected);
  });
});

describe("settingAnswer asked for the default", () => {
  it("opens with the default, then says where to set it", () => {
    const s = settingAnswer(facts, "PREFECT_SERVER_EVENTS_RETENTION_PERIOD", "3.4.20", "other", true);
    expect(s?.lead).toMatch(
      /^`PREFECT_SERVER_EVENTS_RETENTION_PERIOD` \(3\.0\.11 and later; `PREFECT_EVENTS_RETENTION_PERIOD` before.*\) defaults to 7 days/,
    );
    expect(s?.details[0]).toMatch(/^To change it, set `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.* on the server/);
  });

  it("says where to set it in the lead when the default was not asked for", () => {
    const s = settingAnswer(facts, "PREFECT_SERVER_EVENTS_RETENTION_PERIOD", "3.4.20", "how-to");
    expect(s?.lead).toMatch(/^Set `PREFECT_SERVER_EVENTS_RETENTION_PERIOD`.*defaults to 7 days/);
    expect(s?.details.some((d) => d.startsWith("To change it"))).toBe(false);
  });
});

describe("settingAnswer says what an unset or computed default comes to", () => {
  // The value alone (`None`, a function) tells nothing; the setting's description says where it falls back to.
  it.each([
    ["PREFECT_RESULTS_LOCAL_STORAGE_PATH", "3.4.3", "`None` (unset: it falls back to `$PREFECT_HOME/storage`)"],
    [
      "PREFECT_RESULTS_LOCAL_STORAGE_PATH",
      "3.6.0",
      "(`default_local_storage_path()`), which is `$PREFECT_HOME/storage`",
    ],
    ["PREFECT_PROFILES_PATH", "3.6.0", "which is `$PREFECT_HOME/profiles.toml`"],
    ["PREFECT_SERVER_UI_API_URL", "3.4.20", "it falls back to `PREFECT_API_URL` if set"],
    // A description that says nothing of the fallback leaves the plain words.
    ["PREFECT_API_KEY", "3.4.20", "`None` (not set)"],
  ])("%s on %s", (name, release, shown) => {
    expect(settingAnswer(facts, name, release, "which-setting", true)?.lead).toContain(shown);
  });
});

describe("settingAnswer for a name the release knows by another", () => {
  it.each([
    // Renamed, the old name read as an alias: still accepted, never "does not exist".
    [
      "PREFECT_RUNNER_HEARTBEAT_FREQUENCY",
      "3.7.2",
      /^`PREFECT_RUNNER_HEARTBEAT_FREQUENCY` is still accepted in Prefect 3\.7\.2, as an alias of `PREFECT_FLOWS_HEARTBEAT_FREQUENCY` \(its name since 3\.6\.13\)/,
    ],
    // A name the release has not got at all.
    ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "3.1.0", /does not exist in Prefect 3\.1\.0/],
  ])("%s on %s", (name, release, expected) => {
    expect(settingAnswer(facts, name, release, "how-to")?.lead).toMatch(expected);
  });
});

describe("settingAnswer with a value or a number the asker names", () => {
  it.each([
    ["PREFECT_LOGGING_LEVEL", "the run logs are way too chatty, i only want warnings and up. setting?", "=WARNING`"],
    ["PREFECT_LOGGING_LEVEL", "how do i turn on debug logs for my flows?", "=DEBUG`"],
    // Two levels named, or none: the answer names the setting alone.
    ["PREFECT_LOGGING_LEVEL", "i set it to debug and still only see info lines", "PREFECT_LOGGING_LEVEL`"],
    ["PREFECT_LOGGING_LEVEL", "which setting controls how much gets logged?", "PREFECT_LOGGING_LEVEL`"],
    // A number the asker gives what the setting is named for.
    ["PREFECT_TASKS_DEFAULT_RETRIES", "we have ~200 tasks and want every one to default to 2 retries", "=2`"],
    // A number beside another word is not the setting's.
    ["PREFECT_TASKS_DEFAULT_RETRIES", "we have ~200 tasks, which setting gives them default retries?", "RETRIES`"],
  ])("%s for %j writes %s", (name, text, written) => {
    expect(settingAnswer(facts, name, "3.4.20", "which-setting", false, text)?.lead).toContain(written);
  });
});

describe("settingAnswer asked whether a switch does it on its own", () => {
  it.each([
    // On by default: no need to do it by hand, yes it happens automatically.
    ["PREFECT_SERVER_DATABASE_MIGRATE_ON_START", "do i need to run the database migrations myself?", /^No — /],
    ["PREFECT_SERVER_DATABASE_MIGRATE_ON_START", "does the server migrate the database automatically?", /^Yes — /],
    // Off by default: the reverse.
    ["PREFECT_RESULTS_PERSIST_BY_DEFAULT", "does prefect persist task results by default?", /^No — .*=true`/],
    // Neither asked: no verdict from the default.
    ["PREFECT_SERVER_DATABASE_MIGRATE_ON_START", "can i change migrate on start?", /^Yes — set/],
  ])("%s for %j", (name, text, expected) => {
    expect(settingAnswer(facts, name, "3.6.1", "yes-no", false, text)?.lead).toMatch(expected);
  });
});

describe("settingAnswer for a switch the asker names", () => {
  it.each([
    // Named in the asker's words, a switch is set to the value it does not have by default.
    [
      "PREFECT_RESULTS_PERSIST_BY_DEFAULT",
      "which-setting",
      "which setting makes prefect persist every task result by default?",
      "PREFECT_RESULTS_PERSIST_BY_DEFAULT=true`",
    ],
    [
      "PREFECT_LOGGING_LOG_PRINTS",
      "how-to",
      "how do i make every print() land in the logs without log_prints on each flow?",
      "PREFECT_LOGGING_LOG_PRINTS=true`",
    ],
    // Matched on a word or two of another wish, it is not flipped: the UI is not to be switched off.
    [
      "PREFECT_UI_ENABLED",
      "which-setting",
      "which setting makes the server serve the ui under /prefect?",
      "PREFECT_UI_ENABLED`",
    ],
    // A direction the asker states sets the switch, asked yes or no too; a switch named for the opposite flips it.
    [
      "PREFECT_SERVER_DATABASE_MIGRATE_ON_START",
      "yes-no",
      "can i turn off the auto migration and run it once as a job?",
      "PREFECT_SERVER_DATABASE_MIGRATE_ON_START=false`",
    ],
    [
      "PREFECT_TASKS_DISABLE_CACHING",
      "how-to",
      "how do i turn off caching for every task at once?",
      "PREFECT_TASKS_DISABLE_CACHING=true`",
    ],
    // Asked yes or no, the asker may want what the default already does.
    [
      "PREFECT_RESULTS_PERSIST_BY_DEFAULT",
      "yes-no",
      "can i make results persist by default with a setting?",
      "PREFECT_RESULTS_PERSIST_BY_DEFAULT`",
    ],
  ] as const)("%s (%s) for %j writes %s", (name, kind, text, written) => {
    expect(settingAnswer(facts, name, "3.4.20", kind, false, text)?.lead).toContain(written);
  });
});
