import { describe, expect, it } from "vitest";
import { statedParam, statedTag } from "./stated-tag.js";

describe("statedTag", () => {
  it.each([
    ["how do i make sure at most 3 tasks tagged `snowflake` run at the same time?", [], "snowflake"],
    ["tasks tagged snowflake keep piling up", [], "snowflake"],
    ["what does the `db-heavy` tag limit do?", [], "db-heavy"],
    ["cap them", ['@task(tags=["snowflake"])\ndef load(): ...'], "snowflake"],
    // The same tag in prose and code is one tag.
    ["tasks tagged `snowflake`", ['@task(tags=["snowflake"])'], "snowflake"],
    // No tag named: words after "tag" that are not a name, or none at all.
    ["tag the tasks and set a limit", [], null],
    ["limit for tasks with a tag", [], null],
    ["is there a tag based concurrency limit?", [], null],
    // Two tags: which one the answer should write is not clear.
    ["we use tag snowflake and tag dbt", [], null],
    ["", ['@task(tags=["api", "vendor"])'], null],
  ])("%s %j → %s", (prose, code, expected) => {
    expect(statedTag(prose, code)).toBe(expected);
  });
});

describe("statedParam", () => {
  it.each([
    ["3.4.3 — runs get random names. can i name them after the `run_date` param?", "run_date"],
    ["the `customer_id` parameter should be in the name", "customer_id"],
    // Written as prose, two of them, or a name that is no identifier: none.
    ["name them after the run date param", null],
    ["the `day` and `region` params", null],
    ["`day` param and `region` param", null],
    ["the `team:data` param", null],
  ])("%s → %s", (prose, expected) => {
    expect(statedParam(prose)).toBe(expected);
  });
});
