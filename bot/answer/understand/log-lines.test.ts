import { describe, expect, it } from "vitest";
import { isLogRecord, withoutLogLines } from "./log-lines.js";

describe("log records", () => {
  it.each([
    ["12:00:01.123 | INFO    | prefect.flow_runs - Finished in state Completed()", true],
    ["2026-03-01 12:00:01,123 ERROR something", true],
    ["[2026-03-01T12:00:01Z] worker started", true],
    ["prefect.exceptions.MissingResult: State data is missing.", false],
    ["how do I use prefect.flow_runs.pause_flow_run?", false],
  ])("%s → %s", (line, record) => {
    expect(isLogRecord(line)).toBe(record);
  });

  it("keeps the question and the error lines of a paste", () => {
    const text = "why does this fail?\n12:00:01.123 | INFO | prefect.engine - started\nValueError: boom";
    expect(withoutLogLines(text)).toBe("why does this fail?\nValueError: boom");
  });
});
