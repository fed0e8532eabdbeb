// The typed question the rest of the pipeline works from: what kind of answer is wanted, what it is about, the
// asker's own names and values, and what they said about their Prefect version.
import type { QuestionKind } from "../../../knowledge/index.js";

export type { QuestionKind };

export interface Focus {
  /** API names written in the question (`task.map`, `run_deployment`, `ThreadPoolTaskRunner`). */
  apis: string[];
  /** PREFECT_* settings named in the question that the settings table knows. */
  settings: string[];
  /** `prefect …` commands named in the question ("worker start"). */
  cli: string[];
  /**
   * `prefect …` commands written in the question as the command-line history knows them ("flow-run retry"), whether
   * or not the asker's release has them: `cli` holds only what the release has.
   */
  commands?: string[];
  /** Error lines quoted in the thread ("AttributeError: 'Flow' object has no attribute 'submit'"). */
  errors: string[];
  /** Names of `apis` that no Prefect release has (`boto3`, the asker's `acme.etl`): other libraries, their own code. */
  foreign?: string[];
  /** Single words the asker puts in quotes or backticks outside a pasted error ("use prefect 'assets'"), lower case. */
  terms?: string[];
  /**
   * The names a pasted error quotes ("cannot import name 'Cron'", "'Flow' object has no attribute 'submit'"): what the
   * error is about, which an explanation of it names too.
   */
  errorSubjects?: string[];
}

export interface OwnNames {
  pool?: string;
  queue?: string;
  deployment?: string;
}

export interface AskerValues {
  /** Flow and task function names, deployment, work pool and image names from the asker's code and commands. */
  names: string[];
  /** A duration the asker states ("every 15 minutes", "after 10 min"), in seconds. */
  seconds: number | null;
  /** How they said it ("15 minutes"). */
  said: string | null;
  /** A count they state ("retry 3 times", "5 retries"). */
  times: number | null;
  /** How many may run at once, as they state it ("cap it at 10 concurrent", "max 3 at a time"). */
  limit?: number | null;
  /** The work pool type they name ("docker", "kubernetes" for "k8s"). */
  poolType: string | null;
  /**
   * Their own work pool, work queue and deployment (as `flow/deployment`), when they name exactly one of each: in
   * their code and commands (`work_pool_name="etl"`, `--pool etl`) or in prose ("our `etl-docker` pool", "a pool
   * called k8s-prod").
   */
  own?: OwnNames;
  /** A time of day they state ("at 9", "02:30", "6am"), 24-hour. */
  clock?: { hour: number; minute: number; days?: string } | null;
  /** A time zone they state, as its IANA name ("berlin time" → "Europe/Berlin"). */
  timezone?: string | null;
  /** The address of their own server, without the API path ("https://prefect.acme.internal"). */
  serverUrl?: string | null;
  /** The one tag they name ("tasks tagged `snowflake`", `tags=["snowflake"]`). */
  tag?: string | null;
  /** The one flow parameter they name as code ("the `run_date` param"). */
  param?: string | null;
  /** The one environment variable of their own the asker writes (`$IMAGE_TAG`), for a unit's example one. */
  env?: string | null;
}

export interface VersionStatement {
  /** What the asker wrote ("prefect<3", "latest", "we're on 2"). */
  said: string;
  /** The PEP 440 specifier it amounts to ("<3", ">=2.14,<3", "==3.4.*"), or null for "latest". */
  specifier: string | null;
  /** The newest known release that satisfies it, or the one the asker names inside it. */
  release: string;
  /** The release number the asker wrote beside the requirement ("2.19" in "prefect<3 (2.19 right now)"). */
  named?: string;
}

export interface Question {
  /** The sentence that asks (the last one with a question mark, else the opening one). */
  asking: string;
  /** The question text without code, mentions or log dumps. */
  text: string;
  kind: QuestionKind;
  /** The asking clause is about a setting ("is that configurable?"), whatever its kind. */
  asksSetting?: boolean;
  /** A yes/no question whether something exists in the release ("does that import still exist?"). */
  asksExistence?: boolean;
  /** A yes/no question whether something was removed ("did X go away?"): its yes is that it is gone. */
  asksGone?: boolean;
  /** A yes/no question whether something can be done at all ("is there a way to …"), which a how-to answers. */
  asksPossibility?: boolean;
  /** Whether what the asker sees is a bug ("is that a bug?"), which an explanation of designed behaviour denies. */
  asksIfBug?: boolean;
  /** Whether what the asker sees is as designed ("is that expected?"), which an explanation of the behaviour affirms. */
  asksIfExpected?: boolean;
  focus: Focus;
  values: AskerValues;
  version: VersionStatement | null;
  /** The major line the asker plans to move to ("if we bump to prefect 3 …"), with its newest release. */
  upgradeTo?: { major: number; release: string; said: string } | null;
  /** Too little to act on: a word or two, only a link, only emoji. */
  thin: boolean;
  /** The question was taken from an earlier message of the asker (the newest one only nudged: "any idea?"). */
  fromEarlierMessage: boolean;
  /** The language of the question when it is not English ("German"), so the reply can say it answers in English. */
  language: string | null;
  /** The two things a comparison names ("`flow.serve()`", "`flow.deploy()`"), when it names two. */
  sides?: [string, string] | null;
  /**
   * The separate questions the message asks ("where are they by default, and how do I move them?"), when several:
   * each read as if it were the only one, with the message's setup around it.
   */
  parts?: Question[] | null;
  /**
   * For a part that points back to the part before it ("what task runners ship with prefect? and which ones need
   * extra packages"): that part's words, whose subject this one asks about.
   */
  leansOn?: string;
}
