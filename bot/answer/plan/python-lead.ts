// "Can we install prefect 3.8.3 on our python 3.9 base image?": whether the asker's release runs on the Python they
// name is a yes or a no the support table gives for every release it covers, before any unit that lists the ranges.
import { pythonVerdict } from "../../../knowledge/index.js";
import { pythonVersionsNamed, type Question } from "../understand/index.js";
import type { LeadCandidate } from "./answer-plan.js";

/** How sure the table's answer is: exact for the release, but the reading of the sentence may be wrong. */
const PYTHON_CONFIDENCE = 0.9;

export function pythonSupportLead(question: Question, release: string): LeadCandidate | null {
  if (question.kind !== "yes-no") return null;
  const named = pythonVersionsNamed(question.text);
  if (named.length !== 1) return null;
  const python = named[0]!;
  const verdict = pythonVerdict(python, release);
  if (!verdict) return null;
  const { python: range } = verdict.row;
  const oldest = range[0]!;
  // Each end named as Python's: a bare "3.12" reads as a Prefect release.
  const span = `Python ${oldest} to Python ${range.at(-1)}`;
  const text = verdict.supported
    ? `Yes — Prefect ${release} installs on Python ${python}: it supports ${span}.`
    : verdict.droppedIn
      ? `No — Prefect ${release} needs Python ${oldest} or newer: Python ${python} was dropped in Prefect ${verdict.droppedIn}, so on it pin \`prefect<${verdict.droppedIn}\`, or move to Python ${oldest}+.`
      : verdict.supportedFrom
        ? `No — Python ${python} is supported from Prefect ${verdict.supportedFrom}; Prefect ${release} supports ${span}.`
        : null;
  if (!text) return null;
  return {
    text,
    confidence: PYTHON_CONFIDENCE,
    sources: [],
    basis: "facts",
    lacks: !verdict.supported,
    decides: true,
    about: ["Python version"],
  };
}
