import { describe, expect, it } from "vitest";
import { questionParts } from "./question-parts.js";

describe("questionParts", () => {
  it.each([
    // Two questions in one sentence, joined by ", and" before a question word.
    [
      "where do persisted results end up by default, and how do i point them at our s3 bucket?",
      ["where do persisted results end up by default,", "and how do i point them at our s3 bucket?"],
    ],
    // A condition on the first answer before the second question.
    [
      "can we move to prefect 3.0.0 anyway? and if not which prefect line should we stay on",
      ["can we move to prefect 3.0.0 anyway?", "and if not which prefect line should we stay on"],
    ],
    // Three, joined by commas and "and".
    [
      "whats the default log level for flow run logs, how do i turn on debug, and why don't my print() calls show up?",
      [
        "whats the default log level for flow run logs,",
        "how do i turn on debug,",
        "and why don't my print() calls show up?",
      ],
    ],
    // A how-to whose only word of its own is its verb still asks apart.
    [
      "my laptop can't reach the server. how do i expose it and how do i point my laptop at it",
      ["how do i expose it", "and how do i point my laptop at it"],
    ],
    // A condition of its own before the question it hangs on, with no comma.
    [
      "is there a ProcessPoolTaskRunner in prefect 3? also if i stay on threads how do i cap the number of threads",
      [
        "is there a ProcessPoolTaskRunner in prefect 3?",
        "also if i stay on threads how do i cap the number of threads",
      ],
    ],
    // Only the clause that asks, of a sentence that opens with a wish.
    [
      "are results persisted by default in 2.20? want all of them saved, and where do they go if i dont configure storage",
      ["are results persisted by default in 2.20?", "and where do they go if i dont configure storage"],
    ],
  ])("%s", (text, parts) => {
    expect(questionParts(text)?.map((p) => p.asked)).toEqual(parts);
  });

  it.each([
    // One question, however long.
    ["how do i retry only the upload task and not the 40 minute extract?"],
    // "and how often": no words of its own beyond asking.
    ["does it retry and how often?"],
    // A choice or a comparison is one question.
    ["should i use a Variable or a Secret block for the api key?"],
    // A nudge after the question asks nothing of its own.
    ["the worker never picks up runs from the k8s pool. any ideas?"],
    // "and" inside one question ("X and Y").
    ["can i set retries and retry_delay_seconds on the flow decorator?"],
    // Setup before a question, a condition, a wish: one question.
    ["self hosted 3.4.11 in k8s, which env var points the server at postgres?"],
    ["since upgrading to 3, when our flow retries, the task shows Cached. how do i turn caching off for it?"],
    ["i'd like github to POST to a webhook on every push and have that kick off a deployment. can i do that?"],
    // A relative clause after a comma, in a sentence that tells.
    ["results land in ~/.prefect/storage, which dies with the container. how do we put them in s3 instead?"],
    // More than three is a list, answered whole.
    ["what is a flow? what is a task? what is a deployment? what is a work pool?"],
  ])("reads one question in %s", (text) => {
    expect(questionParts(text)).toBeNull();
  });

  it("keeps the setup around each part and leaves the other part out", () => {
    const parts = questionParts(
      "self hosting 3.1.15. where does the server keep its database by default, and how do i switch to postgres?",
    )!;
    expect(parts.map((p) => p.text)).toEqual([
      "self hosting 3.1.15. where does the server keep its database by default,",
      "self hosting 3.1.15. and how do i switch to postgres?",
    ]);
  });

  it.each([
    ["where do results go by default, and how do i move them to s3?", true],
    ["where do results go by default, and how do i switch the serializer to json?", false],
    ["what task runners come with prefect out of the box? and which ones need extra packages", true],
  ])("reads whether a later part leans on the one before: %s", (text, leans) => {
    expect(questionParts(text)![1]!.leansBack).toBe(leans);
  });
});
