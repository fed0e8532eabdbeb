import { describe, expect, it } from "vitest";
import { splitPractice } from "./practice.js";

describe("splitPractice", () => {
  it.each([
    [
      "we use `.submit()` everywhere in `nightly_etl` but for debugging i want the tasks to run one at a time.",
      "we use `.submit()` everywhere in `nightly_etl`",
    ],
    ["using .submit() in a loop but these tasks all write to the same file", "using .submit() in a loop"],
    [
      "right now `pause_flow_run(timeout=...)` keeps the k8s pod alive. any way around it?",
      "right now `pause_flow_run(timeout=...)` keeps the k8s pod alive.",
    ],
    ["i'm calling run_deployment in a loop, how do i cap it?", "i'm calling run_deployment in a loop"],
    [
      'deploying with `flow.deploy(name="billing", cron="0 6 * * *")`. now need a second run at 18:00',
      'deploying with `flow.deploy(name="billing", cron="0 6 * * *")`.',
    ],
    // The method as the verb, after the release the asker is on.
    [
      "on 2.20.25 i `.submit()` a bunch of tasks but they need to run one after another",
      "on 2.20.25 i `.submit()` a bunch of tasks",
    ],
    ["we submit 300 tasks but want only 4 at a time", "we submit 300 tasks"],
    [
      "for unit tests we currently call `.fn()` on our tasks. what's the recommended way?",
      "for unit tests we currently call `.fn()` on our tasks.",
    ],
    // Inside the asking clause: what the asker does to the thing named before it.
    ["how do i force tasks i `.submit()` in a flow to run one at a time instead of concurrently?", "i `.submit()`"],
    // What was done or set, told before the question.
    [
      "turned on basic auth on our 3.4.11 server with PREFECT_SERVER_API_AUTH_STRING. now the workers get 401s.",
      "turned on basic auth on our 3.4.11 server with PREFECT_SERVER_API_AUTH_STRING.",
    ],
    ["UI loads. server env has PREFECT_SERVER_API_HOST=0.0.0.0", "server env has PREFECT_SERVER_API_HOST=0.0.0.0"],
    [
      "started `prefect server start` on an ec2 box but cant open the ui from my laptop. fix?",
      "started `prefect server start` on an ec2 box",
    ],
    ["how do i run `prefect server start` in the background?", ""],
    [
      "i did the cloud quickstart (prefect cloud login) last week. what am i missing?",
      "i did the cloud quickstart (prefect cloud login) last week.",
    ],
    ["someone told me to just run `prefect transfer --from local --to cloud`. no such command", ""],
    // Asked about, a setting with its value or a verb of doing is not told as done.
    ["does PREFECT_LOGGING_LEVEL=DEBUG work for workers?", ""],
    ["set PREFECT_API_URL where?", ""],
    // Asking how to use something, or a clause about something else, is not a practice.
    ["how can i `.map()` over two lists?", ""],
    ["how do i use .submit() here?", ""],
    ["can we use serve on windows?", ""],
    ["the flow uses too much memory", ""],
  ])("%s → %j", (text, practice) => {
    expect(splitPractice(text).practice).toBe(practice);
  });

  it("keeps the rest of the text apart", () => {
    const { rest } = splitPractice("we use `.submit()` everywhere but i want them one at a time. how?");
    expect(rest).toContain("i want them one at a time.");
    expect(rest).not.toContain(".submit()");
  });

  it("keeps the asking clause around a practice inside it", () => {
    const { rest } = splitPractice("how do i force tasks i `.submit()` in a flow to run one at a time?");
    expect(rest).toBe("how do i force tasks in a flow to run one at a time?");
  });
});
