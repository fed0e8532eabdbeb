// Public surface of lint/: Slack un-mangling, snippet extraction, version detection and the version-aware linter.

export { field, keywordArguments, named, walk } from "./analysis/tree-walk.js";
export { applyEdits, applyFixes } from "./apply-fixes.js";
export { type BenchmarkLintOptions, benchmarkLint, type LintBenchmark } from "./benchmark-lint.js";
export { classifyBlock, isProseLine, quotesTraceback } from "./classify-language.js";
export { type CodeReference, prefectReferences } from "./code-references.js";
export { createLinter, type Linter, type LintOptions, MAX_LINT_CHARS } from "./create-linter.js";
export { detectVersion, type VersionText } from "./detect-version.js";
export { extractSnippets, repairIndentation } from "./extract-snippets.js";
export { parseableRegion } from "./parseable-region.js";
export { codeAbovePastedOutput } from "./pasted-output.js";
export { firstSyntaxError, type Node as PythonNode, nodeAt, parsePython, parsesCleanly } from "./python-parser.js";
export { reindentPython } from "./reindent-python.js";
export { type UnmangleResult, unmangleSlack } from "./unmangle-slack.js";
