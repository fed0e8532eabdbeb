import { describe, expect, it } from "vitest";
import {
  actionBeforePurpose,
  askingInContext,
  askingSentence,
  asksAboutSetting,
  asksExistence,
  asksForQuantity,
  asksGone,
  asksIfBug,
  asksIfExpected,
  asksOnlyForReview,
  asksOpenQuestion,
  asksPossibility,
  asksToBringAbout,
  continuesPrevious,
  contrastedWords,
  contrastSides,
  happensAgainstWish,
  pointsBack,
  questionKind,
  wantsAsDefault,
  withoutConditions,
} from "./question-kind.js";

const prose = (text: string) => ({ text, hasCode: false, quotesError: false, namesSetting: false });

describe("questionKind", () => {
  it.each([
    ["does task.map return results in the same order as the inputs?", "yes-no"],
    ["can I change the log level of my flows with an environment variable instead of code?", "yes-no"],
    ["Is it safe to restart the server while runs are in progress?", "yes-no"],
    ["hey quick question: do I have to wait on submitted tasks in Prefect 3?", "yes-no"],
    ["How do I pass secrets to my flow running on ECS?", "how-to"],
    ["should i use an on_failure hook in the code or an automation in the ui?", "compare"],
    ["ThreadPoolTaskRunner or ProcessPoolTaskRunner for numpy heavy tasks? 3.4.20", "compare"],
    ["for a vendor api key, should i stick it in a prefect Variable or a Secret block?", "compare"],
    ["do we go with a process pool, or a docker pool for this?", "compare"],
    ["how do I set a default value for a flow parameter that shows up in the UI?", "how-to"],
    ["I want to run my tasks on an existing Dask cluster", "how-to"],
    ["what happens to my running flow runs when I restart the prefect server?", "other"],
    ["difference between on_failure and on_crashed hooks on a flow? when does each fire?", "other"],
    ["serve vs deploy: we have ~10 small flows all running on one linux vm. which should we use?", "compare"],
    ["which env var sets the UI base path?", "which-setting"],
    ["What is the default value of PREFECT_API_REQUEST_TIMEOUT?", "which-setting"],
    ["what's the difference between process, docker and ECS work pools?", "compare"],
    ["whats the diff between serve and deploy, and which one for a single vm?", "compare"],
    ["serve vs deploy: which one for a single VM?", "compare"],
    ["approval could take hours. pause or suspend?", "compare"],
    ["for an approval step, should i pause or suspend the flow?", "compare"],
    ["should i restart or not?", "yes-no"],
    ["what do i replace Deployment.build_from_flow with?", "how-to"],
    ["whats the replacement?", "how-to"],
    ["which block is the equivalent of S3 in prefect 3?", "how-to"],
    ["still true or not?", "yes-no"],
    // Chat drops the apostrophe.
    ["doesnt prefect wait for all the submitted stuff before the flow finishes?", "yes-no"],
    ["cant i just set it once for all flows?", "yes-no"],
    // A statement closed by a tag asks whether it is so; "all" in it is no request for a list.
    [
      "i loop over run_deployment for 12 regions. that fires them all off at once and returns straight away right?",
      "yes-no",
    ],
    ["where am i supposed to put pod spec stuff so all deployments get it?", "other"],
    ["which are all the state hooks a flow takes?", "list"],
    ["quick one - is there an on_running hook for tasks?", "yes-no"],
    ["context: we run 40 flows on k8s. how do I cap concurrency per pool?", "how-to"],
    ["What are the breaking changes we should look for?", "list"],
    ["why does my flow end Completed when a task failed?", "why-error"],
    ["how many workers can one pool have?", "other"],
    // The question after the context it opens with: a release, a conditional, a situation before a comma.
    ["on prefect 3.2 can i use a jenkins style H in cron strings?", "yes-no"],
    ["just upgraded to 3.4, can i still run the agent on our box?", "yes-no"],
    ["if i call a subflow from my parent flow do i get a future back?", "yes-no"],
    ["on 2.20, how do I cache a task on its inputs for a day?", "how-to"],
    ["on 3.4.20 does that import even still exist?", "yes-no"],
    ["in prefect 2.x, is there a timeout for tasks?", "yes-no"],
    ["our transforms are cpu bound, is there a process pool runner?", "yes-no"],
    ["our transforms are cpu bound and slow.", "other"],
    // Elliptical questions with no question word want a yes or a no; short ones with one do not.
    ["read that schedule= was removed from deploy. still true?", "yes-no"],
    ["retry only on connection errors, doable on 2.18?", "yes-no"],
    ["the worker keeps dying. any way around it?", "yes-no"],
    ["runs stay late. why though?", "why-error"],
    ["ok the pool is set up. what now?", "other"],
    // Asked for the cause of what the message describes.
    ["we call generate_report.delay(id) and the runs never execute. what are we missing?", "why-error"],
    ["the worker dies every night. whats going wrong?", "why-error"],
    ["what could cause a run to stay Pending forever?", "why-error"],
    // Nothing asked, trouble told.
    ["i called send_email.delay(user_id) and the task run just sits in Scheduled forever. 3.1.0", "why-error"],
    ["our flow writes to s3 every night.", "other"],
    // A nudge for a way out of the trouble told asks how, not whether.
    ["the server only listens on localhost. fix?", "how-to"],
    ["the worker crashes on startup. any workaround?", "how-to"],
    ["is there a fix?", "yes-no"],
  ])("%s → %s", (text, kind) => {
    expect(questionKind(prose(text))).toBe(kind);
  });

  it.each([
    [{ text: "", hasCode: true, quotesError: false, namesSetting: false }, "review-code"],
    [{ text: "is this right?", hasCode: true, quotesError: false, namesSetting: false }, "review-code"],
    [{ text: "is this legit on 3.0.0?", hasCode: true, quotesError: false, namesSetting: false }, "review-code"],
    // A condition opens the sentence; the question proper follows it.
    [
      {
        text: 'if I call `Variable.set("batch_size", 500)` and batch_size already exists does it just overwrite it?',
        hasCode: true,
        quotesError: false,
        namesSetting: false,
      },
      "yes-no",
    ],
    // A short request to review opens a longer sentence.
    [
      {
        text: "can someone look at this, worked before we upgraded the whole stack last week:",
        hasCode: true,
        quotesError: false,
        namesSetting: false,
      },
      "review-code",
    ],
    [
      {
        text: "can someone look at this, worked before we upgraded the whole stack last week:",
        hasCode: false,
        quotesError: false,
        namesSetting: false,
      },
      "yes-no",
    ],
    [{ text: "this blows up after the upgrade", hasCode: true, quotesError: true, namesSetting: false }, "why-error"],
    [
      {
        text: "Can I set PREFECT_LOGGING_LEVEL per deployment?",
        hasCode: false,
        quotesError: false,
        namesSetting: true,
      },
      "yes-no",
    ],
    [
      { text: "what does PREFECT_UI_SERVE_BASE do?", hasCode: false, quotesError: false, namesSetting: true },
      "which-setting",
    ],
  ])("with context %j → %s", (input, kind) => {
    expect(questionKind(input)).toBe(kind);
  });

  it("reads the sentence that asks, not the background", () => {
    expect(askingSentence("We run nightly ETL on ECS. Secrets are in env vars today. Is there a better way?")).toBe(
      "Is there a better way?",
    );
    expect(askingSentence("my tasks hang after the upgrade")).toBe("my tasks hang after the upgrade");
    // No question mark: the sentence that asks for something, not the background before it.
    expect(askingSentence("our api hangs sometimes. want the task to stop after 5 min. prefect 2.16")).toBe(
      "want the task to stop after 5 min.",
    );
    expect(askingSentence("nightly job on k8s. how do i cap it at 3 runs")).toBe("how do i cap it at 3 runs");
    // A condition told ("when one task fails …") is no question; the "why" after it is.
    expect(askingSentence("when one of the tasks fails the whole flow run goes Failed. why does it fail")).toBe(
      "why does it fail",
    );
    expect(askingSentence("a task writes a file. if the load fails i want the file deleted again. any feature")).toBe(
      "if the load fails i want the file deleted again.",
    );
    expect(askingSentence("runs pile up. workers look idle.")).toBe("runs pile up.");
    // Nothing asked: the sentence that reports the trouble, not the setup before it.
    expect(askingSentence("made a k8s pool in the ui. the worker just errors on start. 2.16.2")).toBe(
      "the worker just errors on start.",
    );
    // What the asker sees missing or refused is the trouble too.
    expect(
      askingSentence("self-hosted server on an ec2 box. from my laptop the ui loads but it's empty. works on the box"),
    ).toBe("from my laptop the ui loads but it's empty.");
    // A trailing fragment only illustrates the question before it.
    expect(askingSentence("is there a cli command for that? something like `prefect variable set`?")).toBe(
      "is there a cli command for that?",
    );
    expect(askingSentence("how do i cap runs? is that possible on 2.x?")).toBe("is that possible on 2.x?");
    // A question mark on a nudge that asks nothing itself: the sentence saying what is wanted is the question.
    expect(askingSentence("i only want to retry on 429, not on 400s. this retries everything, ideas?")).toBe(
      "i only want to retry on 429, not on 400s.",
    );
    expect(askingSentence("runs pile up. workers look idle, thoughts?")).toBe("workers look idle, thoughts?");
    // An emoji between words ends a sentence, pasted or as Slack writes it.
    expect(askingSentence("the whole thing reruns 😩 how do i only retry the upload?")).toBe(
      "how do i only retry the upload?",
    );
    expect(askingSentence("the whole thing reruns :sob: how do i only retry the upload?")).toBe(
      "how do i only retry the upload?",
    );
  });
});

describe("asksAboutSetting", () => {
  const asks = (text: string, namesSetting = false) =>
    asksAboutSetting({ text, hasCode: false, quotesError: false, namesSetting });
  it.each([
    ["tasks wait about 30s for a free slot. is that configurable?", true],
    ["i have like 60 flows, is there one switch to turn it on everywhere?", true],
    ["can I change the log level with an environment variable instead of code?", true],
    ["which env var sets the api url?", true],
    ["what is the default value of the flow timeout?", true],
    ["does task.map return results in the same order as the inputs?", false],
    ["we configure everything in code. how do I retry a task 3 times?", false],
    // The asker's own variable: where to put it, not which Prefect setting.
    ["how do i set env vars (e.g. `DBT_TARGET=prod`) only for one deployment?", false],
    ["which env var sets PREFECT_API_URL for workers?", true],
  ])("%s → %s", (text, expected) => {
    expect(asks(text)).toBe(expected);
  });

  it("is about a setting whenever the question names one", () => {
    expect(asks("is PREFECT_API_URL read by workers?", true)).toBe(true);
  });
});

describe("questionKind with code", () => {
  const withCode = (text: string) => ({ text, hasCode: true, quotesError: false, namesSetting: false });
  it.each([
    // Trouble told with nothing asked: why is the question.
    ["this maps over both args and i get a length mismatch error.", "why-error"],
    ["the flow hangs forever after the last task.", "why-error"],
    // An exception class named is the code's to explain; a plain request is a review.
    ["this fails with AttributeError", "review-code"],
    ["can someone check this?", "review-code"],
    ["i get this.", "review-code"],
    // Asked what to do about it, a how-to, as without code.
    ["this caches on inputs, but a cached rate should only be reused for 1 day. what do i add?", "how-to"],
    ["what should we change so it runs on the new pool?", "how-to"],
  ])("%s → %s", (text, expected) => {
    expect(questionKind(withCode(text))).toBe(expected);
  });
});

describe("asksExistence", () => {
  it.each([
    ["on 3.4.20 does that import even still exist?", true],
    ["is the String block gone in 3.5?", true],
    ["we keep config in String blocks. will that keep working after the bump?", true],
    ["is `prefect.futures.wait` available in 2.x?", true],
    // "Can I still …": whether it can be used at all.
    ["can i still keep our feature flags in a JSON block on 3.5?", true],
    ["can we still run agents after the upgrade?", true],
    ["can i run it twice and still get one result?", false],
    ["in my async flow, can i still await the future on 3.1?", false],
    // Not yes/no, or about something else than whether it is there.
    ["how do I replace the removed String block?", false],
    ["does task.map return results in the same order as the inputs?", false],
    ["does my flow keep running when the worker restarts?", false],
    ["saw my_task.delay(x) in a blog. does that work in prefect 2.19?", true],
    ["on 2.13.0 is there flow.deploy() to push to a work pool from python?", true],
    ["is there a way to get a slack message when a run fails?", false],
    ["is there a setting to cap ThreadPoolTaskRunner workers instead of passing max_workers?", false],
    ["is there an env var for the `prefect.yaml` path?", false],
    // A reason to use a name, not whether it is there.
    ["we still use build_from_flow. is there a reason to switch to flow.deploy now?", false],
    // Another form of a name: what is asked to exist is that form.
    ["is there a sync version of wait_for_flow_run? my flow is a regular def", false],
    ["is there an equivalent of Deployment.build_from_flow in 3?", false],
    ["is there a ProcessPoolTaskRunner in 3.1.2?", true],
    ["does retrying work on subflows?", false],
    // "Exists" in the condition before the question is about the asker's data, not an API.
    ["if the variable batch_size already exists, does Variable.set just overwrite it?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksExistence(prose(text))).toBe(expected);
  });
});

describe("asksPossibility", () => {
  it.each([
    ["self hosted here. is there a way to get a slack message whenever a prod run fails?", true],
    ["can we run two workers on one pool?", true],
    ["is it possible to pause a deployment's schedule from python?", true],
    ["if it gets called again with the same args i'd rather it hand back the last answer. possible?", true],
    ["skip the cache for one run, is that doable?", true],
    // Between alternatives, or not whether it can be done at all.
    ["can i call my task directly in pytest or does it have to be wrapped in a flow?", false],
    ["does run_deployment wait until the child run is finished?", false],
    ["how do I get a slack message when a run fails?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksPossibility(prose(text))).toBe(expected);
  });
});

describe("asksIfBug", () => {
  it.each([
    ["migrated to 3.1 and the flow shows Completed though a task failed. is that a bug?", true],
    ["the flow is Completed even though `validate` failed. bug or intended?", true],
    ["we hit a bug last week where runs got stuck. how do I cancel a run from the CLI?", false],
    ["is that expected?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksIfBug(prose(text))).toBe(expected);
  });
});

describe("asksGone", () => {
  it.each([
    ["did `submit_to_runner` go away in 3.5.0? our import from prefect.runner broke", true],
    ["was the JSON block removed in 3.6?", true],
    ["is `prefect.flow` gone in 3.5?", true],
    // Asked both ways, the first half ("can I still …") decides; whether it exists is another question.
    ["can i still pass task_runner=SequentialTaskRunner() or is that gone?", false],
    ["does `prefect.futures.wait` exist in 2.x?", false],
    ["how do I replace the removed String block?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksGone(prose(text))).toBe(expected);
  });
});

describe("asksIfExpected", () => {
  it.each([
    ["one task fails and the whole flow run is marked Failed. is that expected on 2.20.25?", true],
    ["the worker shows offline after 90 seconds. is this normal?", true],
    ["is it by design that paused runs keep the pod?", true],
    // Said of a thing, or not a yes/no question.
    ["is `wait_for_flow_run` usable from normal sync code?", false],
    ["what's the expected way to pass secrets to a flow?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksIfExpected(prose(text))).toBe(expected);
  });
});

describe("asksOnlyForReview", () => {
  it.each([
    ["is this right?", true],
    ["using a global concurrency limit around our warehouse writes, ok?", true],
    ["emitting a custom event from a task; any issue here?", true],
    ["ok?", true],
    // A problem described asks more than whether the code is right.
    ["my rollback hook never runs when validation fails, what am i missing?", false],
    ["i only want to retry when the api returns 429, not on 400s. this retries everything, ideas?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksOnlyForReview(text)).toBe(expected);
  });
});

describe("asksForQuantity", () => {
  it.each([
    ["how long does the server keep events?", true],
    ["events table is huge. how long are events kept, and can I shorten it?", true],
    ["hey, how often does the worker poll?", true],
    ["how many runs does the scheduler create ahead?", true],
    ["how do I keep events for longer?", false],
    ["how come runs are late?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksForQuantity(text)).toBe(expected);
  });
});

describe("wantsAsDefault", () => {
  it.each([
    ["which setting makes prefect persist every result by default?", true],
    ["how do i turn log_prints on by default for all flows?", true],
    ["what is the default late threshold?", false],
    ["is it on by default, and what does it default to?", false],
    ["how do i make results persist?", false],
  ])("%s → %s", (text, expected) => {
    expect(wantsAsDefault(text)).toBe(expected);
  });
});

describe("withoutConditions", () => {
  it.each([
    // Whether a failure is still told once the conditions are cut.
    ["want to branch on whether the submitted task failed without raising", false],
    ["if it fails, page us. is this right?", false],
    ["it fails when i run it", true],
    ["this flow fails every night, whats wrong?", true],
  ])("%s → tells a failure: %s", (text, told) => {
    expect(withoutConditions(text).includes("fail")).toBe(told);
  });
});

describe("askingInContext", () => {
  it.each([
    // Almost no words of its own: the sentence before says what it is about.
    [
      "acme_utils logs don't show up in the UI. how do i get them in there?",
      "acme_utils logs don't show up in the UI. how do i get them in there?",
    ],
    // A question that adds to the one before it asks both.
    [
      "on 3.7.0 does pause_flow_run work inside a task now? and what about suspend_flow_run in a task?",
      "on 3.7.0 does pause_flow_run work inside a task now? and what about suspend_flow_run in a task?",
    ],
    [
      "can tasks retry on their own? what about whole flows, can they retry?",
      "can tasks retry on their own? what about whole flows, can they retry?",
    ],
    // Past a scene (a release and a word or two of setup) to the sentence that says what about.
    [
      "need at most 3 flows hitting the vendor API at the same time. prefect 2.20.2, self hosted. how?",
      "need at most 3 flows hitting the vendor API at the same time. how?",
    ],
    ["we're on k8s. how?", "we're on k8s. how?"],
    // "prefect." at the end of the scene is the word "prefect".
    [
      "logs from our lib don't show up in the ui. we're on latest prefect. setting?",
      "logs from our lib don't show up in the ui. setting?",
    ],
    // A question for the setting asks it for the aim stated right before it.
    [
      "self-hosting 3.1.5, want postgres instead of sqlite. which env var do i set and what does the url look like?",
      "self-hosting 3.1.5, want postgres instead of sqlite. which env var do i set and what does the url look like?",
    ],
    ["we run on k8s. which env var do i set for the api url?", "which env var do i set for the api url?"],
    // One that says what it asks stands alone, after a statement or a question.
    ["we run on k8s. how do i set retries on every task of a flow?", "how do i set retries on every task of a flow?"],
    ["is this a bug? how do i turn caching off for one task?", "how do i turn caching off for one task?"],
    // Past the setup the asker describes, to what they are after.
    [
      "we want daily_sales to run every weekday at 7am berlin time. we deploy with `flow.deploy(...)` to a process pool. cleanest way to do that?",
      "we want daily_sales to run every weekday at 7am berlin time. cleanest way to do that?",
    ],
    // Trouble reported is no aim: what the asker did before it says what they want back.
    [
      "ImportError: cannot import name 'GitHub'. we used it to pull code from our private repo. whats the 3.x way",
      "we used it to pull code from our private repo. whats the 3.x way",
    ],
  ])("%s", (text, expected) => {
    expect(askingInContext(text)).toBe(expected);
  });
});

describe("pointsBack", () => {
  it.each([
    ["is that supported in prefect 3.3?", true],
    ["whats the prefect way to throttle across all of them?", true],
    ["does this work on 2.x?", true],
    ["can i set it per deployment?", true],
    ["how do i wire that?", true],
    ["what controls that and what's the default?", true],
    ["can i just call that inside the task instead of the flow body?", true],
    ["can we run that from a bash script?", true],
    // "like this in prefect 3": "this" is the code shown, and a place word is too common to mark a pointer.
    ["does unmapped still work like this in prefect 3?", false],
    // "those" before a plural noun is its determiner; alone it stands for the things.
    ["what format are those results written in?", false],
    ["how do i get those to show up in the ui?", true],
    // "that" joining a clause, "this" before a noun: the sentence says its own topic.
    ["is r a future that i need to call .result() on?", false],
    ["how do i get this flow onto a schedule?", false],
    ["how do i cap concurrent runs on a work pool?", false],
    ["we know that in prefect 3 futures must be resolved", false],
  ])("%s → %s", (text, expected) => {
    expect(pointsBack(text)).toBe(expected);
  });
});

describe("actionBeforePurpose", () => {
  it.each([
    [
      "how do i persist task results to s3 so that when the flow retries it doesn't recompute the expensive tasks?",
      "how do i persist task results to s3?",
    ],
    ["how do i cap the pool at 5 so our warehouse isn't hammered?", "how do i cap the pool at 5?"],
    ["how do i pin the image, in order to keep runs reproducible?", "how do i pin the image?"],
    ["hi, how do i pin the image so that runs stay reproducible?", "hi, how do i pin the image?"],
    // No purpose, or too little before it.
    ["how do i set retries on every task?", null],
    ["so that works?", null],
    // The purpose is what a yes/no or a where asks about.
    ["does that give me back a future so they run in parallel?", null],
    ["where should i keep the snowflake password so the flow can read it at runtime?", null],
  ])("%s → %s", (text, expected) => {
    expect(actionBeforePurpose(text)).toBe(expected);
  });
});

describe("continuesPrevious", () => {
  it.each([
    ["and on 3.6.5?", true],
    ["ok and what about flows?", true],
    ["what about on kubernetes?", true],
    ["but what if the pool is k8s", true],
    ["prod is on 3.6.5, same thing there?", true],
    ["same for subflows?", true],
    ["ok so how would i then wait on all 30 at the end? flow is async", true],
    ["if the run fails then how do i get the error?", false],
    ["which setting do i set to turn on the heartbeats then?", true],
    ["how do i cap concurrent runs on a work pool?", false],
    ["do tasks and flows in a long pipeline on our cluster all use the same retry settings by default?", false],
  ])("%s → %s", (text, expected) => {
    expect(continuesPrevious(text)).toBe(expected);
  });
});

describe("contrastedWords", () => {
  it.each([
    ["how do i make the tasks run one at a time instead of concurrently?", ["concurrently"]],
    ["start them manually rather than sequentially?", ["sequentially"]],
    // A thing set aside is what the answer moves the asker from.
    ["self-host prefect server w/ postgres instead of sqlite", []],
    ["serve it from a script rather than a worker pool", []],
    // What the asker does without is reported, not set against another way.
    ["i never call result on them and don't want to bake code into the image", []],
    ["what do i use now?", []],
  ])("%s → %j", (text, expected) => {
    expect(contrastedWords(text)).toEqual(expected);
  });
});

describe("happensAgainstWish", () => {
  it.each([
    ["I submit each task but they still run one at a time", "they run one at a time"],
    ["works locally but the deployment keeps failing in docker", "the deployment failing in docker"],
    ["my tasks run one after another, how do I make them concurrent?", ""],
    // Denied, what follows is the wish itself, not what happens against it.
    ["I moved them to .submit() but the flow isn't any faster", ""],
    ["deployed it but nothing runs", ""],
    ["how do I run tasks in parallel?", ""],
  ])("%s → %j", (sentence, expected) => {
    expect(happensAgainstWish(sentence)).toBe(expected);
  });
});

describe("asksToBringAbout", () => {
  it.each([
    ["how do i make submitted tasks run one at a time?", true],
    ["i want the tasks to run one at a time", true],
    ["hey, on 2.19 how can we get the flow to retry?", true],
    // A symptom: what happens, asked why or told as happening regardless.
    ["why do my submitted tasks run one at a time?", false],
    ["how come they still run one at a time?", false],
    ["i submit them but they run one at a time, how do i fix it?", false],
    ["does task.map keep the input order?", false],
  ])("%s → %s", (asking, expected) => {
    expect(asksToBringAbout(asking)).toBe(expected);
  });
});

describe("asksOpenQuestion", () => {
  it.each([
    ["none of the prints show up in the ui. whats wrong", true],
    ["why does this hang?", true],
    ["is this right?", false],
    ["any issue here?", false],
  ])("%s → %s", (text, expected) => {
    expect(asksOpenQuestion(text)).toBe(expected);
  });
});

describe("contrastSides", () => {
  it.each([
    [
      "can I create prefect work pools from terraform instead of the cli?",
      { wanted: "can i create prefect work pools from terraform", setAside: "the cli" },
    ],
    [
      "use an automation rather than a state hook for alerts",
      { wanted: "use an automation", setAside: "a state hook for" },
    ],
    ["how do I create a work pool from the cli?", null],
  ])("%s", (sentence, expected) => {
    expect(contrastSides(sentence)).toEqual(expected);
  });
});
