// The offline triage classifier: kind, topic, Prefect version, code and confidence from transparent features
// (weighted cues in triage/data, code and traceback detection from lint/, version detection from lint/).
// Every result names the cues that decided it, and the classifier version (code revision + hash of the tables).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { conceptsIn } from "../bot/answer/index.js";
import { codeFences } from "../core/index.js";
import { type PrefectFacts, tokenize } from "../knowledge/index.js";
import { detectVersion, extractSnippets } from "../lint/index.js";
import { type CueHit, CueTable, normalWords, totalWeight } from "./cue-table.js";
import { KINDS, type ThreadKind, type ThreadTopic, TOPICS } from "./taxonomy.js";

/** Bumped when the scoring code changes; the data tables' hash is appended automatically. */
const CODE_REVISION = "offline-2";

export interface Classification {
  kind: ThreadKind;
  topic: ThreadTopic;
  /** A release ("3.4.20"), a line ("2.20"), a major ("2", "3") or null when the text neither states nor implies one. */
  version: string | null;
  has_code: boolean;
  /** 0..1: how clearly the winning kind and topic beat the runners-up. */
  confidence: number;
  classifier: string;
  /**
   * The answer units the text matches (the answer engine's question understanding), best first: kept with the
   * thread so similar-thread detection need not match them again.
   */
  concepts?: Array<{ id: string; confidence: number }>;
  /** Why: the cues and features behind each decision. */
  evidence: {
    kind: CueHit[];
    topic: CueHit[];
    features: string[];
    scores: { kind: Record<string, number>; topic: Record<string, number> };
  };
}

export interface ThreadClassifier {
  readonly version: string;
  classify(text: string): Classification;
}

const DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));
const TOPIC_FILE = `${DATA_DIR}topics.yaml`;
const KIND_FILE = `${DATA_DIR}kinds.yaml`;
const DOC_TERMS_FILE = `${DATA_DIR}doc-terms.json`;
const CONCEPT_FILE = `${DATA_DIR}concept-topics.yaml`;
/** Below this summed docs-term weight the docs do not claim a topic either. */
const MIN_DOC_SCORE = 4;

const TRACEBACK =
  /Traceback \(most recent call last\)|^\s*File "[^"\n]+", line \d+|^\s*(?:\w+\.)*\w+(?:Error|Exception):\s/m;
const CODE_SHAPED_LINE =
  /^[ \t]*(?:from\s+\w[\w.]*\s+import\b|import\s+\w|def\s+\w+\s*\(|class\s+\w+|@\w+|\w+\s*=\s*\S|\$\s|prefect\s+\w|[\w.]+\(.*\)\s*$|[ \t]{2,}\S)/m;
const EXCEPTION_NAME = /\b[A-Z]\w*(?:Error|Exception)\b/;
/** Kinds that ask something too, besides `question`. */
const ASKING_KINDS = ["discussion", "feature", "incident", "off-topic"];
/** Cue weight from which such a kind's own cues, not the question mark, say what is asked. */
const MIN_ASKING_CUES = 2;
/** Below this cue weight a topic is not claimed. */
const MIN_TOPIC_SCORE = 2;

export interface ClassifierOptions {
  facts: PrefectFacts;
  /** Override the data tables (tests). */
  topicTable?: CueTable;
  kindTable?: CueTable;
  /** Per topic, stemmed words the topic's docs pages favour (doc-terms.json, from scripts/build-triage-terms.ts). */
  docTerms?: Record<string, Record<string, number>>;
}

function loadDocTerms(): Record<string, Record<string, number>> {
  return (JSON.parse(readFileSync(DOC_TERMS_FILE, "utf8")) as { terms: Record<string, Record<string, number>> }).terms;
}

/** Summed docs-term weight per topic over the message's distinct words, with the words that counted. */
function docScores(text: string, terms: Record<string, Record<string, number>>) {
  const words = new Set(tokenize(text));
  const scores: Record<string, { score: number; words: string[] }> = {};
  for (const [topic, table] of Object.entries(terms)) {
    let score = 0;
    const hits: string[] = [];
    for (const w of words) {
      const weight = table[w];
      if (weight !== undefined) {
        score += weight;
        hits.push(w);
      }
    }
    scores[topic] = { score, words: hits };
  }
  return scores;
}

function tableHash(): string {
  const hash = createHash("sha256");
  for (const file of [TOPIC_FILE, KIND_FILE, DOC_TERMS_FILE, CONCEPT_FILE]) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 8);
}

/** Decides whether a message carries code: a fenced block, a multi-line snippet, or a traceback. */
export function detectCode(text: string): { hasCode: boolean; traceback: boolean } {
  const traceback = TRACEBACK.test(text);
  if (traceback) return { hasCode: true, traceback };
  // A fenced block with content is code without parsing it; prose with no code-shaped line needs no parse either.
  // Only pasted, unfenced code pays for lint/'s snippet extraction (a Python parse, several ms).
  if (codeFences(text).some((f) => f.closed && f.body.trim() !== "")) return { hasCode: true, traceback };
  if (!CODE_SHAPED_LINE.test(text)) return { hasCode: false, traceback };
  const snippets = extractSnippets(text);
  const hasCode = snippets.some(
    (s) =>
      s.fenced ||
      s.code
        .trim()
        .split("\n")
        .filter((l) => l.trim()).length >= 2,
  );
  return { hasCode, traceback };
}

function ranked(scores: Record<string, number>): Array<[string, number]> {
  return Object.entries(scores).sort((a, b) => b[1] - a[1]);
}

/** How clearly the winner stands out: 0 when tied or nothing was found, towards 1 as the lead grows. */
function margin(top: number, second: number): number {
  if (top <= 0) return 0;
  return (top - second) / (top + 2);
}

export function createClassifier(options: ClassifierOptions): ThreadClassifier {
  const topics = options.topicTable ?? CueTable.fromYamlFile(TOPIC_FILE);
  const kinds = options.kindTable ?? CueTable.fromYamlFile(KIND_FILE);
  const docTerms = options.docTerms ?? (options.topicTable ? {} : loadDocTerms());
  const conceptTopics: Record<string, Record<string, number>> = options.topicTable
    ? {}
    : (parse(readFileSync(CONCEPT_FILE, "utf8")) as Record<string, Record<string, number>>);
  const version =
    options.topicTable || options.kindTable ? `${CODE_REVISION}+custom` : `${CODE_REVISION}+${tableHash()}`;

  return {
    version,
    classify(text: string): Classification {
      const words = normalWords(text);
      const features: string[] = [];
      const topicHits = topics.match(words);
      const kindHits = kinds.match(words);

      const topicScores: Record<string, number> = {};
      // "other" competes too: its cues name subjects outside the topic areas (testing, telemetry, assets...).
      for (const topic of TOPICS) topicScores[topic] = totalWeight(topicHits.get(topic));
      // The answer engine's question understanding: everyday phrasings of a feature ("give up after 5 minutes").
      const concepts = conceptsIn(text);
      for (const concept of concepts) {
        for (const [topic, weight] of Object.entries(conceptTopics[concept.id] ?? {})) {
          topicScores[topic] = (topicScores[topic] ?? 0) + weight;
          features.push(`concept ${concept.id}`);
        }
      }
      const prefectWords = words.filter((w) => w === "prefect" || w === "flow" || w === "flows" || w === "task").length;
      const vocabulary =
        Object.entries(topicScores).reduce((sum, [topic, score]) => (topic === "other" ? sum : sum + score), 0) +
        prefectWords;

      const code = detectCode(text);
      const kindScores: Record<string, number> = {};
      for (const kind of KINDS) kindScores[kind] = totalWeight(kindHits.get(kind));
      if (code.traceback) {
        kindScores.bug = (kindScores.bug ?? 0) + 1.5;
        features.push("traceback");
      } else if (EXCEPTION_NAME.test(text)) {
        kindScores.bug = (kindScores.bug ?? 0) + 1;
        features.push("exception name");
      }
      if (code.hasCode) features.push("code");
      const questionMarks = (text.match(/\?(\s|$)/g) ?? []).length;
      if (questionMarks > 0) {
        // Asking is what makes a question: people quote errors in how-to questions all the time. But people also
        // ask the community (discussion), ask for a feature or ask whether something is down: when a kind that
        // asks has cues of its own, the question mark supports it as much as it supports `question`.
        kindScores.question = (kindScores.question ?? 0) + 3;
        for (const asking of ASKING_KINDS) {
          if ((kindScores[asking] ?? 0) >= MIN_ASKING_CUES) kindScores[asking] = (kindScores[asking] ?? 0) + 3;
        }
        features.push("question mark");
      }
      if (vocabulary === 0) {
        kindScores["off-topic"] = (kindScores["off-topic"] ?? 0) + 3;
        features.push("no Prefect vocabulary");
      } else if (vocabulary >= 4) {
        // Plenty of Prefect words: off-topic cues ("job", "resume") are more likely Prefect senses.
        kindScores["off-topic"] = (kindScores["off-topic"] ?? 0) / 2;
      }

      const kindOrder = ranked(kindScores);
      const [topKind, topKindScore] = kindOrder[0] as [string, number];
      const kind: ThreadKind = topKindScore > 0 ? (topKind as ThreadKind) : "question";
      const kindConfidence = topKindScore > 0 ? 0.5 + 0.5 * margin(topKindScore, kindOrder[1]?.[1] ?? 0) : 0.3;

      const topicOrder = ranked(topicScores);
      let [topTopic, topTopicScore] = topicOrder[0] as [string, number];
      // When the cue tables leave the topic open (nothing strong enough, or a tie), the docs' vocabulary decides.
      const tied = topicOrder.filter(([, score]) => score === topTopicScore).map(([t]) => t);
      if (kind !== "off-topic" && (topTopicScore < MIN_TOPIC_SCORE || tied.length > 1)) {
        const docs = docScores(text, docTerms);
        const candidates = topTopicScore < MIN_TOPIC_SCORE ? Object.keys(docs) : tied;
        const best = candidates.sort((a, b) => (docs[b]?.score ?? 0) - (docs[a]?.score ?? 0))[0];
        const bestScore = best ? (docs[best]?.score ?? 0) : 0;
        if (best && bestScore >= MIN_DOC_SCORE) {
          features.push(`docs vocabulary → ${best}: ${(docs[best]?.words ?? []).slice(0, 6).join(", ")}`);
          topTopic = best;
          topTopicScore = Math.max(topTopicScore, MIN_TOPIC_SCORE);
          topicScores[best] = (topicScores[best] ?? 0) + 0.5;
        }
      }
      const claimed = kind !== "off-topic" && topTopicScore >= MIN_TOPIC_SCORE;
      const topic: ThreadTopic = claimed ? (topTopic as ThreadTopic) : "other";
      const topicConfidence = claimed
        ? 0.5 + 0.5 * margin(topicScores[topic] ?? topTopicScore, ranked(topicScores)[1]?.[1] ?? 0)
        : topTopicScore === 0
          ? 0.7
          : 0.4;

      let detected: string | null = null;
      if (kind !== "off-topic") {
        const guess = detectVersion([text], options.facts);
        if (guess.how !== "assumed") {
          detected = guess.version;
          features.push(`version ${guess.how}: ${guess.evidence[0] ?? guess.version}`);
        }
      }

      return {
        kind,
        topic,
        version: detected,
        has_code: code.hasCode,
        confidence: Math.round(Math.sqrt(kindConfidence * topicConfidence) * 100) / 100,
        classifier: version,
        concepts: concepts.map((c) => ({ id: c.id, confidence: c.confidence })),
        evidence: {
          kind: kindHits.get(kind) ?? [],
          topic: claimed ? (topicHits.get(topic) ?? []) : [],
          features,
          scores: { kind: kindScores, topic: topicScores },
        },
      };
    },
  };
}
