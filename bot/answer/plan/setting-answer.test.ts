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
