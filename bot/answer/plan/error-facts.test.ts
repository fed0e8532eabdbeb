// Pasted errors explained from the real facts for the asker's release.
import { beforeAll, describe, expect, it } from "vitest";
import { loadPrefectFacts, type PrefectFacts } from "../../../knowledge/index.js";
import { explainErrors } from "./error-facts.js";

let facts: PrefectFacts;
beforeAll(() => {
  facts = loadPrefectFacts();
});

describe("explainErrors", () => {
  it("an AttributeError on a Prefect class: the member is newer than the release", () => {
    const [e] = explainErrors("AttributeError: 'Flow' object has no attribute 'serve'", facts, "2.11.4");
    expect(e?.text).toMatch(/Flow\.serve/);
    expect(e?.text).toMatch(/2\.12/);
  });

  it("an ImportError of a name added later", () => {
    const text = "ImportError: cannot import name 'ProcessPoolTaskRunner' from 'prefect.task_runners'";
    expect(explainErrors(text, facts, "3.4.10")[0]?.text).toMatch(/3\.4\.14/);
  });

  it("an ImportError of a name the stated release has: the running Prefect must be another one", () => {
    const text = "ImportError: cannot import name 'SequentialTaskRunner' from 'prefect.task_runners'";
    expect(explainErrors(text, facts, "2.20.25")[0]?.text).toMatch(/newer than 2\.20\.25/);
  });

  it("an unexpected keyword: says which parameters the callable takes in the release", () => {
    const text = "TypeError: ConcurrentTaskRunner.__init__() got an unexpected keyword argument 'max_workers'";
    expect(explainErrors(text, facts, "2.18.3")[0]?.text).toMatch(/takes no `max_workers=`/);
  });

  it.each([
    // Taken out: the release it went in and the last one that takes it (`concurrency` is also a module's name).
    [
      "TypeError: concurrency() got an unexpected keyword argument 'create_if_missing'",
      "3.4.3",
      /removed from `concurrency` in Prefect 3\.3\.0 \(the last release that takes it is 3\.2\.15\)/,
    ],
    // Not added yet.
    ["TypeError: concurrency() got an unexpected keyword argument 'strict'", "3.0.1", /only from Prefect 3\.0\.2/],
  ])("an unexpected keyword with a history: %s on %s", (text, release, said) => {
    expect(explainErrors(text, facts, release)[0]?.text).toMatch(said);
  });

  it("a missing integration package gets its pip name", () => {
    expect(explainErrors("ModuleNotFoundError: No module named 'prefect_dask'", facts, "3.4.20")[0]?.text).toContain(
      "pip install prefect-dask",
    );
  });

  it("says nothing about errors that are not about Prefect's API", () => {
    expect(explainErrors("AttributeError: 'NoneType' object has no attribute 'split'", facts, "3.4.20")).toEqual([]);
    expect(explainErrors("ImportError: cannot import name 'x' from 'pandas'", facts, "3.4.20")).toEqual([]);
  });
});
