// What the asker already does, as they say it before asking for something else: "we use `.submit()` everywhere in
// `nightly_etl` but for debugging i want the tasks to run one at a time", "using .submit() in a loop but these tasks
// all write to the same file", "right now `pause_flow_run(timeout=...)` keeps the pod alive". A name written only in
// such a clause is what they have, not what they ask for.
import { sentencesOf, words } from "./question-kind.js";

/** Words that may open a clause before its verb ("we", "i'm", "currently"). */
const OPENERS = new Set("we i we're i'm were im our my also currently still just".split(" "));
/** Subjects a clause's practice follows ("we", "i"), and how many words of lead-in may come before one. */
const SUBJECTS = new Set(["we", "i", "we're", "i'm", "im"]);
const LEAD_IN = 4;
/** Verbs that state a practice when they open a clause ("use", "using", "call", "have", "submit"). */
const PRACTICE = new Set(
  "use uses using used call calls calling called have submit submitting map mapping create creating deploy deploying".split(
    " ",
  ),
);
/**
 * Verbs that tell what the asker has done ("turned on basic auth with `PREFECT_SERVER_API_AUTH_STRING`", "set
 * `PREFECT_API_URL` on the worker"): said as a statement, with or without a subject, a done thing.
 */
const DONE = new Set(
  "turned enabled disabled configured set added switched made created tried installed ran did logged".split(" "),
);
/** "server env has PREFECT_SERVER_API_HOST=0.0.0.0": a setting written with its value is one the asker has set. */
const assignsSetting = (clause: string) => clause.split(" ").some((t) => t.startsWith("PREFECT_") && t.includes("="));
/** "right now …", "currently …", "today …": a clause about how things are. */
const NOW = ["right now", "currently", "today", "at the moment"];
/** Words after which "i `.map()`" is what the asker wants to do ("how can i `.map()` …"), not what they do. */
const ASKING_BEFORE = new Set(
  "do does did can could should would will shall may might must how when where why what if to".split(" "),
);
/** Words that join two clauses ("… everywhere but i want …"). */
const JOINS = new Set(["but", "so", "and"]);

/** The clauses of a text that state what the asker already does, and the rest of it. */
export function splitPractice(text: string): { practice: string; rest: string } {
  const practice: string[] = [];
  const rest: string[] = [];
  for (const sentence of sentencesOf(text))
    for (const clause of clausesOf(sentence)) {
      if (statesPractice(clause) || (!sentence.endsWith("?") && (toldDone(clause) || toldStartedWith(clause)))) {
        practice.push(clause);
        continue;
      }
      const inner = innerPractice(clause);
      if (inner !== undefined) practice.push(inner.practice);
      rest.push(inner?.rest ?? clause);
    }
  return { practice: practice.join(" \n "), rest: rest.join(" \n ") };
}

/**
 * "how do i force tasks **i `.submit()`** in a flow to run one at a time?": a subject and a Prefect method written as
 * its verb inside a clause say what the asker does to the thing named before them, while the clause asks for more.
 */
function innerPractice(clause: string): { practice: string; rest: string } | undefined {
  const tokens = clause.split(" ");
  const at = tokens.findIndex(
    (t, k) =>
      k > 0 &&
      !ASKING_BEFORE.has(tokens[k - 1]!.toLowerCase()) &&
      SUBJECTS.has(t.toLowerCase()) &&
      (tokens[k + 1] ?? "").replaceAll("`", "").startsWith("."),
  );
  if (at < 0) return undefined;
  return {
    practice: tokens.slice(at, at + 2).join(" "),
    rest: [...tokens.slice(0, at), ...tokens.slice(at + 2)].join(" "),
  };
}

/** A statement of what was done or is set, told before the question ("turned on basic auth with …"). */
function toldDone(clause: string): boolean {
  if (assignsSetting(clause)) return true;
  const w = words(clause.trim().toLowerCase());
  let i = 0;
  while (i < w.length && OPENERS.has(w[i]!)) i++;
  return DONE.has(w[i] ?? "");
}

/** Verbs that say how something runs ("the server is started with `…`", "runs on an ec2 box with `…`"). */
const STARTED = new Set(
  "start starts started run runs running launch launches launched serve serves served".split(" "),
);
/** Those verbs as what was done or is going on ("started `prefect server start` on an ec2 box"). */
const RAN = new Set(["started", "ran", "launched", "running"]);
/** At most this many words between such a verb and the "with" that brings in the command. */
const STARTED_SPAN = 5;

/**
 * "server runs on an ec2 box with `prefect server start --host 0.0.0.0`": a statement that something is started or
 * run with a command written as code says how the asker runs it now, not what they ask for.
 */
function toldStartedWith(clause: string): boolean {
  const w = clause.trim().toLowerCase().split(" ");
  return w.some(
    (t, j) =>
      // "started `prefect server start` on an ec2 box": the command as the done verb's object says the same ("told me
      // to just run `prefect transfer`" is advice, not what was done).
      (RAN.has(t) && (w[j + 1] ?? "").startsWith("`")) ||
      ((t === "with" || t === "via") &&
        (w[j + 1] ?? "").startsWith("`") &&
        w.slice(Math.max(0, j - STARTED_SPAN), j).some((x) => STARTED.has(x))),
  );
}

function statesPractice(clause: string): boolean {
  const lower = clause.trim().toLowerCase();
  if (NOW.some((n) => lower.startsWith(n))) return true;
  const w = words(lower);
  let i = 0;
  // "on 2.20.25 i …", "for unit tests we currently call …": a short phrase of where, when or what for may open the
  // clause before its subject.
  if (w[0] === "for" || w[0] === "in" || w[0] === "on") {
    const subject = w.findIndex((x, j) => j > 0 && j <= LEAD_IN && SUBJECTS.has(x));
    if (subject > 0) i = subject;
  }
  while (i < w.length && OPENERS.has(w[i]!)) i++;
  // "i `.submit()` a bunch of tasks": a Prefect method written as the verb says what the asker does with it.
  if (i > 0 && (w[i] ?? "").startsWith(".")) return true;
  // "using .submit() …" opens with the verb itself; "we use …", "i'm calling …" with a subject first; "deploying with
  // `flow.deploy(...)`" says how the asker does something now.
  if (i === 0 && (w[0] ?? "").endsWith("ing") && (w[1] === "with" || w[1] === "via")) return true;
  return PRACTICE.has(w[i] ?? "") && (i > 0 || w[0] === "using" || w[0] === "calling");
}

/**
 * A sentence's clauses: parted at a comma or semicolon, or before a joining word, outside inline code (the commas of
 * `flow.deploy(name="x", cron="0 6 * * *")` are the call's).
 */
function clausesOf(sentence: string): string[] {
  const out: string[] = [];
  let current = "";
  let inCode = false;
  for (const token of sentence.split(" ")) {
    const ticks = token.split("`").length - 1;
    if (!inCode && JOINS.has(token.toLowerCase()) && current.trim() !== "") {
      out.push(current.trim());
      current = "";
      continue;
    }
    current += `${current === "" ? "" : " "}${token}`;
    if (ticks % 2 === 1) inCode = !inCode;
    if (!inCode && (token.endsWith(",") || token.endsWith(";"))) {
      out.push(current.trim().slice(0, -1));
      current = "";
    }
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}
