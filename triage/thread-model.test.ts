import { describe, expect, it } from "vitest";
import { crossValidate, fitSoftmax, groupFolds, type LabelledExample, predict } from "./thread-model.js";

const ex = (label: string, ...features: Array<[string, number]>): LabelledExample => ({
  label,
  features: new Map(features),
});

// Three classes told apart by one word each, with a noise word shared by all.
const SEPARABLE = [
  ...Array.from({ length: 4 }, () => ex("a", ["w:apple", 1], ["w:the", 1])),
  ...Array.from({ length: 4 }, () => ex("b", ["w:banana", 1], ["w:the", 1])),
  ...Array.from({ length: 4 }, () => ex("c", ["w:cherry", 1], ["w:the", 1])),
];

describe("fitSoftmax / predict", () => {
  it("learns which feature speaks for which class, and names it", () => {
    const model = fitSoftmax(SEPARABLE, ["a", "b", "c"], { l2: 0.1 });
    const p = predict(model, new Map([["w:banana", 1]]));
    expect(p.ranked[0]?.label).toBe("b");
    expect(p.ranked[0]?.probability).toBeGreaterThan(0.8);
    expect(p.ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 6);
    expect(p.reasons[0]?.feature).toBe("w:banana");
  });

  it("is deterministic: the same data gives the same weights", () => {
    const one = fitSoftmax(SEPARABLE, ["a", "b", "c"], { l2: 1 });
    const two = fitSoftmax(SEPARABLE, ["a", "b", "c"], { l2: 1 });
    expect(one).toEqual(two);
  });

  it("shrinks weights harder under a stronger penalty", () => {
    const loose = fitSoftmax(SEPARABLE, ["a", "b", "c"], { l2: 0.1 });
    const tight = fitSoftmax(SEPARABLE, ["a", "b", "c"], { l2: 10 });
    const size = (m: typeof loose) =>
      Object.values(m.weights)
        .flat()
        .reduce((s, w) => s + Math.abs(w), 0);
    expect(size(tight)).toBeLessThan(size(loose));
  });

  it("shares a tied family's weight across classes, so it speaks even for a class it was not seen with", () => {
    // The cue family is seen only for a and b; c's examples have no cue. One shared weight still helps c.
    const examples = [
      ...Array.from({ length: 5 }, () => ex("a", ["cue:a", 1])),
      ...Array.from({ length: 5 }, () => ex("b", ["cue:b", 1])),
      ...Array.from({ length: 5 }, () => ex("c", ["w:other", 1])),
      ...Array.from({ length: 2 }, () => ex("c", ["cue:c", 1])),
    ];
    const model = fitSoftmax(examples, ["a", "b", "c"], { l2: 0.3, tied: ["cue"] });
    expect(model.tied?.cue).toBeGreaterThan(0);
    expect(model.weights["cue:a"]).toBeUndefined();
    expect(predict(model, new Map([["cue:c", 1]])).ranked[0]?.label).toBe("c");
    expect(predict(model, new Map([["cue:a", 1]])).reasons[0]?.feature).toBe("cue:a");
  });

  it("rejects an example whose label is not a class", () => {
    expect(() => fitSoftmax([ex("z", ["w:x", 1])], ["a", "b"], { l2: 1 })).toThrow(/label/);
  });
});

describe("groupFolds / crossValidate", () => {
  it("keeps every example of a group in one fold, and is stable", () => {
    const groups = ["p1", "p2", "p1", "p3", "p2", "p4", "p5", "p1"];
    const folds = groupFolds(groups, 3);
    groups.forEach((g, i) => {
      expect(folds[i]).toBe(folds[groups.indexOf(g)]);
    });
    expect(groupFolds(groups, 3)).toEqual(folds);
    expect(folds.every((f) => f >= 0 && f < 3)).toBe(true);
  });

  it("predicts each example with a model that did not see its fold", () => {
    const groups = SEPARABLE.map((_, i) => `g${i}`);
    const result = crossValidate(SEPARABLE, ["a", "b", "c"], groupFolds(groups, 4), { l2: 0.1 });
    expect(result.predictions).toHaveLength(SEPARABLE.length);
    expect(result.accuracy).toBe(1);
    // A class seen only in the held-out fold cannot be predicted: the models really are fitted without it.
    const lonely = [...SEPARABLE.slice(0, 8), ex("c", ["w:cherry", 1])];
    const held = crossValidate(lonely, ["a", "b", "c"], [0, 0, 0, 0, 0, 0, 0, 0, 1], { l2: 0.1 });
    expect(held.predictions[8]).not.toBe("c");
  });
});
