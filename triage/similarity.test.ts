import { describe, expect, it } from "vitest";
import {
  chooseThreshold,
  crossValidatedScores,
  fitLogistic,
  type LabelledFeatures,
  leaveOneOutScores,
} from "./fit-duplicate-model.js";
import {
  DUPLICATE_FEATURES,
  type DuplicateModel,
  type FeatureVector,
  quotedErrors,
  SimilarityIndex,
  scoreOf,
} from "./similarity.js";

const zero = (): FeatureVector => Object.fromEntries(DUPLICATE_FEATURES.map((f) => [f, 0])) as FeatureVector;

describe("quotedErrors: exception type, message template and subjects", () => {
  it.each<[string, string, { type: string; template: string; subjects: string[] }]>([
    [
      "module path and quoted name",
      "ModuleNotFoundError: No module named 'helpers'",
      { type: "ModuleNotFoundError", template: "no module named <q>", subjects: ["helpers"] },
    ],
    [
      "qualified exception name",
      "prefect.exceptions.MissingResult: State data is missing.",
      { type: "MissingResult", template: "state data is missing", subjects: [] },
    ],
    [
      "numbers and paths normalised",
      "OSError: [Errno 24] Too many open files: '/tmp/run-1234/out.log'",
      { type: "OSError", template: "errno <n> too many open files <q>", subjects: ["/tmp/run-1234/out.log"] },
    ],
    [
      "unquoted path normalised",
      "FileNotFoundError: no such file /home/ana/flows/etl.py",
      { type: "FileNotFoundError", template: "no such file <path>", subjects: [] },
    ],
    [
      "an apostrophe inside a word is no quote",
      "TypeError: object PrefectConcurrentFuture can't be used in 'await' expression",
      {
        type: "TypeError",
        template: "object prefectconcurrentfuture can t be used in <q>",
        subjects: ["await"],
      },
    ],
  ])("%s", (_case, text, expected) => {
    expect(quotedErrors(text)).toEqual([expected]);
  });

  it("finds nothing in prose", () => {
    expect(quotedErrors("my runs stay Pending, what am I missing?")).toEqual([]);
  });
});

describe("pair features", () => {
  const index = new SimilarityIndex();
  const deploymentFails = (name: string) =>
    `deployment run on the worker fails:\n\`\`\`\nModuleNotFoundError: No module named '${name}'\n\`\`\``;

  it.each<[string, string, string, Partial<FeatureVector>]>([
    ["the same error about the same name", deploymentFails("helpers"), deploymentFails("helpers"), { same_error: 1 }],
    [
      "the same error about another name",
      deploymentFails("helpers"),
      deploymentFails("pandas"),
      { same_error: 0, error_conflict: 1 },
    ],
    [
      "errors of different types",
      "KeyError: 'region'",
      "ValueError: Unable to create hash - objects could not be serialized.",
      { error_conflict: 1 },
    ],
    ["an error on one side only", deploymentFails("utils"), "how do I ship my own package?", { error_conflict: 0 }],
  ])("%s", (_case, a, b, expected) => {
    expect(index.features(a, b)).toMatchObject(expected);
  });

  it("names the same symptom and the same answer unit for two wordings of one problem", () => {
    const f = index.features(
      "SequentialTaskRunner is gone in prefect 3? what do I use to run tasks one after another",
      "ImportError: cannot import name 'SequentialTaskRunner' from 'prefect.task_runners' in 3.1",
    );
    expect(f.same_top_concept).toBe(1);
    expect(f.identifiers).toBeGreaterThan(0);
  });

  it("scores a reworded duplicate above an unrelated question, and both within 0..1", () => {
    const a = "my flow runs stay Late, the worker never picks them up";
    const dup = index.score(a, "deployment runs sit in Late forever; our worker does not pick them up");
    const other = index.score(a, "how do I store an API token in a Secret block?");
    expect(dup).toBeGreaterThan(other);
    for (const s of [dup, other]) expect(s).toBeGreaterThanOrEqual(0);
    expect(dup).toBeLessThanOrEqual(1);
  });
});

describe("SimilarityIndex.search", () => {
  it("follows adds, edits and removals between searches", () => {
    const late = "my flow runs stay Late, the worker never picks them up";
    const index = new SimilarityIndex([
      { id: "late", text: "deployment runs sit in Late forever; our worker does not pick them up" },
      { id: "secret", text: "how do I store an API token in a Secret block?" },
    ]);
    expect(index.search(late, { k: 1 }).map((h) => h.id)).toEqual(["late"]);
    index.add({ id: "late", text: "can a flow pause and wait for a human to approve in the UI?" });
    expect(index.search(late, { min: 0.5 })).toEqual([]);
    index.add({ id: "again", text: "flow runs stay Late and the worker never picks them up" });
    expect(index.search(late, { k: 1 }).map((h) => h.id)).toEqual(["again"]);
    index.remove("again");
    expect(index.search(late).map((h) => h.id)).not.toContain("again");
  });
});

describe("fitting the duplicate model", () => {
  /** Same-problem pairs have high word overlap, different ones low; one feature is noise. */
  const rows: LabelledFeatures[] = Array.from({ length: 60 }, (_, i) => {
    const same = i % 2 === 0;
    const f = zero();
    f.words = same ? 0.5 + (i % 7) / 20 : 0.1 + (i % 5) / 20;
    f.hashed = (i % 3) / 3;
    if (i === 10) f.words = 0.15; // one hard positive
    return { same, features: f };
  });

  it("learns a positive weight for the separating feature and keeps fixed weights as given", () => {
    const m = fitLogistic(rows, 1, { error_conflict: -3 });
    expect(m.weights.words).toBeGreaterThan(1);
    expect(Math.abs(m.weights.hashed)).toBeLessThan(m.weights.words);
    expect(m.weights.error_conflict).toBe(-3);
    const model: DuplicateModel = { ...m, threshold: 0.5 };
    const high = { ...zero(), words: 0.8 };
    const low = { ...zero(), words: 0.1 };
    expect(scoreOf(model, high)).toBeGreaterThan(0.5);
    expect(scoreOf(model, low)).toBeLessThan(0.5);
    expect(scoreOf(model, { ...high, error_conflict: 1 })).toBeLessThan(scoreOf(model, high));
  });

  it("scores each pair without it (leave-one-out) and picks the threshold with the best recall at the precision", () => {
    const loo = leaveOneOutScores(rows, 1);
    expect(loo).toHaveLength(rows.length);
    const point = chooseThreshold(
      loo,
      rows.map((r) => r.same),
      0.9,
    );
    expect(point?.precision).toBeGreaterThanOrEqual(0.9);
    expect(point?.recall).toBeGreaterThan(0.9);
    expect(chooseThreshold([0.9, 0.8], [false, false], 0.9)).toBeUndefined();
  });

  it("scores each pair by a model fitted without its fold (cross-validation)", () => {
    const folds = rows.map((_, i) => i % 5);
    const cv = crossValidatedScores(rows, folds, 1);
    expect(cv).toHaveLength(rows.length);
    // Each fold's scores come from a model that never saw that fold: refitting without it gives the same score.
    const without = fitLogistic(
      rows.filter((_, i) => folds[i] !== 0),
      1,
    );
    expect(cv[0]).toBe(scoreOf({ ...without, threshold: 0 }, (rows[0] as LabelledFeatures).features));
    const point = chooseThreshold(
      cv,
      rows.map((r) => r.same),
      0.9,
    );
    expect(point?.precision).toBeGreaterThanOrEqual(0.9);
  });
});
