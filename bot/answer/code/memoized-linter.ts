// The answer pipeline lints the same code several times: a note's or unit's example when it is picked and again in
// the draft that quotes it, the asker's corrected code in the check and again in the draft. Linting is a pure
// function of the code, the release, the snippet index and the names the asker writes, so results are remembered (bounded by total code size).
import { LRUCache } from "lru-cache";
import type { LintResult } from "../../../core/index.js";
import type { SnippetLinter } from "../ports.js";

/** Characters of linted code remembered; a few hundred snippets of typical size. */
const MAX_CODE_CHARS = 2_000_000;

export function memoizedLinter(linter: SnippetLinter): SnippetLinter {
  const results = new LRUCache<string, LintResult>({
    maxSize: MAX_CODE_CHARS,
    sizeCalculation: (_result, key) => key.length,
  });
  const memoized: SnippetLinter = {
    async lint(code, version, options) {
      const key = `${version}\u0000${options?.snippet ?? ""}\u0000${options?.spoken?.join(" ") ?? ""}\u0000${code}`;
      let result = results.get(key);
      if (!result) {
        result = await linter.lint(code, version, options);
        results.set(key, result);
      }
      // A copy: callers own what they are given (a diagnosis may be extended or edited downstream).
      return structuredClone(result);
    },
  };
  // Snippets with Slack mangling are the asker's raw paste, linted once per question: passed through as they are.
  if (linter.lintSnippet) memoized.lintSnippet = linter.lintSnippet.bind(linter);
  return memoized;
}
