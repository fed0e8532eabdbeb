// Whether the asker's release runs on the Python they name comes from the support table; these rows pin the reading
// and each kind of verdict over the table's real rows.
import { describe, expect, it } from "vitest";
import { plainQuestion, pythonVersionsNamed, questionKind } from "../understand/index.js";
import { pythonSupportLead } from "./python-lead.js";

function lead(text: string, release: string) {
  const kind = questionKind({ text, hasCode: false, quotesError: false, namesSetting: false });
  return pythonSupportLead(plainQuestion(text, { kind }), release);
}

describe("pythonVersionsNamed", () => {
  it.each([
    ["our python 3.9 base image", ["3.9"]],
    ["python3.12 venv", ["3.12"]],
    ["py3.10 and py 3.11", ["3.10", "3.11"]],
    ["Python 3.9.18 on the box", ["3.9"]],
    // Prefect's own versions, pydantic's, and a bare number are not Python's.
    ["prefect 3.9 with pydantic 2.7", []],
    ["we use 3.11 everywhere", []],
  ])("%s → %j", (text, expected) => {
    expect(pythonVersionsNamed(text)).toEqual(expected);
  });
});

describe("pythonSupportLead", () => {
  it.each([
    [
      "can we install prefect 3.8.3 on our python 3.9 base image?",
      "3.8.3",
      /^No — Prefect 3\.8\.3 needs Python 3\.10 or newer: Python 3\.9 was dropped in Prefect 3\.5\.0, so on it pin `prefect<3\.5\.0`/,
    ],
    [
      "does prefect 3.2.10 support python 3.13?",
      "3.2.10",
      /^No — Python 3\.13 is supported from Prefect 3\.3\.0; Prefect 3\.2\.10 supports Python 3\.9 to Python 3\.12\.$/,
    ],
    [
      "is python 3.12 ok for prefect 2.19.3?",
      "2.19.3",
      /^Yes — Prefect 2\.19\.3 installs on Python 3\.12: it supports Python 3\.8 to Python 3\.12\.$/,
    ],
    [
      "we're on python 3.7, can we run prefect 2.16.4?",
      "2.16.4",
      /^No — Prefect 2\.16\.4 needs Python 3\.8 or newer: Python 3\.7 was dropped in Prefect 2\.10\.20/,
    ],
  ])("%s (%s)", (text, release, expected) => {
    expect(lead(text, release)?.text).toMatch(expected);
  });

  it.each([
    // Not a yes/no question: the units answer it.
    ["which python versions does prefect 3 support?", "3.6.1"],
    // Two Pythons named: which one is asked about is not clear.
    ["should we use python 3.11 or python 3.12 for prefect 3.6.1?", "3.6.1"],
    // A release older than the table.
    ["does prefect 2.3.0 run on python 3.10?", "2.3.0"],
    // A Python newer than any release the table knows supports it.
    ["does prefect 3.8.3 run on python 3.15?", "3.8.3"],
  ])("no lead: %s (%s)", (text, release) => {
    expect(lead(text, release)).toBeNull();
  });
});
