// Orca's curated topic notes, read whole from the pack: the prose answer needs a note's sections in order, with
// their code and the Prefect major each one is about, which a chunk search only returns piecemeal.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { codeFences, type PrefectMajor, splitFrontMatter } from "../core/index.js";
import { Bm25Index } from "./bm25.js";
import { tokenize } from "./tokenizer.js";

export interface NoteCode {
  language: string;
  code: string;
  /** The prose right before the block (what the example shows). */
  context: string;
}

export interface NoteSection {
  /** Heading path below the note's title; empty for the opening section. */
  heading: string[];
  /** The Prefect major the section is about, or null when it applies to both. */
  major: PrefectMajor | null;
  /** The section's Markdown without its code blocks. */
  prose: string;
  code: NoteCode[];
}

export interface PackNote {
  file: string;
  title: string;
  url: string;
  topics: string[];
  versions: PrefectMajor[];
  sections: NoteSection[];
}

export interface NoteMatch {
  note: PackNote;
  score: number;
  /** Share of the query's weighted terms that the note contains (0–1). */
  coverage: number;
  /** Share of the query's weighted terms found in the note's title and topics (0–1). */
  titleCoverage: number;
}

export interface MatchOptions {
  major?: PrefectMajor;
  k?: number;
  /** The text whose terms coverage is measured on (default the query; expansions would only dilute it). */
  coverageOf?: string;
  /** Extra terms that count only toward title coverage (joined word pairs such as run_deployment). */
  titleTerms?: string[];
}

export interface NoteLibrary {
  readonly notes: readonly PackNote[];
  /** Notes best matching a query, best first; notes that do not cover the asker's major rank lower. */
  match(query: string, options?: MatchOptions): NoteMatch[];
}

function majorOfHeading(heading: string): PrefectMajor | null {
  const two = /\b(?:prefect\s*)?2(?:\.x|\.\d+)?\b/i.test(heading);
  const three = /\b(?:prefect\s*)?3(?:\.x|\.\d+)?\b/i.test(heading);
  if (two === three) return null;
  return two ? 2 : 3;
}

function lastParagraph(text: string): string {
  const paragraphs = text.trim().split(/\n\s*\n/);
  return paragraphs[paragraphs.length - 1] ?? "";
}

function splitSection(heading: string[], major: PrefectMajor | null, body: string): NoteSection {
  const code: NoteCode[] = [];
  let last = 0;
  let prose = "";
  for (const fence of codeFences(body).filter((f) => f.closed)) {
    const before = body.slice(last, fence.start);
    prose += `${before}\n`;
    code.push({ language: fence.lang, code: fence.body.trimEnd(), context: lastParagraph(before) });
    last = fence.end;
  }
  prose += body.slice(last);
  return { heading, major, prose: prose.replace(/\n{3,}/g, "\n\n").trim(), code };
}

/** Parses one note; headings below the title become sections, which inherit the major of their parent. */
export function parseNote(file: string, text: string): PackNote | null {
  // A note with broken front matter is still readable; it just has no title or URL from it.
  const { data, body } = splitFrontMatter(text);
  const sections: NoteSection[] = [];
  let heading: string[] = [];
  let majors: Array<PrefectMajor | null> = [];
  let current: string[] = [];
  let title = typeof data.title === "string" ? data.title : "";
  let inFence = false;
  const flush = () => {
    const major = [...majors].reverse().find((m) => m !== null) ?? null;
    const section = splitSection(heading, major, current.join("\n"));
    if (section.prose !== "" || section.code.length > 0) sections.push(section);
    current = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (/^```/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (!h) {
      current.push(line);
      continue;
    }
    flush();
    const level = h[1]!.length;
    const name = h[2]!.trim();
    if (level === 1) {
      title ||= name;
      heading = [];
      majors = [];
    } else {
      heading = [...heading.slice(0, level - 2), name];
      majors = [...majors.slice(0, level - 2), majorOfHeading(name)];
    }
  }
  flush();
  if (sections.length === 0) return null;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const versions = list(data.versions)
    .map(Number)
    .filter((v): v is PrefectMajor => v === 2 || v === 3);
  return {
    file,
    title: title || file,
    url: typeof data.url === "string" ? data.url : "",
    topics: list(data.topics),
    versions: versions.length > 0 ? versions : [2, 3],
    sections,
  };
}

class PackNoteLibrary implements NoteLibrary {
  private readonly index: Bm25Index;
  private readonly df = new Map<string, number>();
  private readonly tokenSets: Array<Set<string>>;
  private readonly titleSets: Array<Set<string>>;

  constructor(readonly notes: readonly PackNote[]) {
    // Title and topics name what a note answers; they count like several mentions in the body.
    this.index = Bm25Index.build(
      notes.map((n) => [
        { text: n.title, weight: 3 },
        { text: n.topics.join(" "), weight: 3 },
        { text: n.sections.map((s) => s.heading.join(" ")).join(" "), weight: 1.5 },
        { text: n.sections.map((s) => `${s.prose}\n${s.code.map((c) => c.code).join("\n")}`).join("\n"), weight: 1 },
      ]),
    );
    this.tokenSets = notes.map((n) => new Set(tokenize(noteText(n))));
    this.titleSets = notes.map((n) => new Set(tokenize(`${n.title} ${n.topics.join(" ")}`)));
    for (const set of this.tokenSets) for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  match(query: string, options: MatchOptions = {}): NoteMatch[] {
    const tokens = [...new Set(tokenize(options.coverageOf ?? query))];
    if (tokens.length === 0 || this.notes.length === 0) return [];
    const n = this.notes.length;
    const idf = (t: string) => Math.log(1 + n / ((this.df.get(t) ?? 0) + 0.5));
    const pairTokens = (options.titleTerms ?? []).map((t) => t.toLowerCase());
    const total = tokens.reduce((sum, t) => sum + idf(t), 0);
    const share = (set: Set<string>) =>
      total > 0 ? tokens.filter((t) => set.has(t)).reduce((sum, t) => sum + idf(t), 0) / total : 0;
    return this.index
      .search(query, Math.max(1, options.k ?? 3) * 2)
      .map((hit) => {
        const note = this.notes[hit.index]!;
        const titled = this.titleSets[hit.index]!;
        // A joined pair naming the note (run_deployment) is strong evidence; unmatched pairs must not dilute it.
        const pairHit = pairTokens.some((t) => titled.has(t)) ? 0.3 : 0;
        const versionFactor = options.major && !note.versions.includes(options.major) ? 0.6 : 1;
        return {
          note,
          score: hit.score * versionFactor,
          coverage: share(this.tokenSets[hit.index]!),
          titleCoverage: Math.min(1, share(titled) + pairHit),
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k ?? 3);
  }
}

function noteText(n: PackNote): string {
  return `${n.title}\n${n.topics.join(" ")}\n${n.sections.map((s) => `${s.heading.join(" ")}\n${s.prose}\n${s.code.map((c) => c.code).join("\n")}`).join("\n")}`;
}

export function createNoteLibrary(notes: PackNote[]): NoteLibrary {
  return new PackNoteLibrary(notes);
}

/** Reads every `*.md` note of a pack's `notes/` folder; a missing folder gives an empty library. */
export function loadNoteLibrary(packDir: string): NoteLibrary {
  const dir = path.join(packDir, "notes");
  if (!existsSync(dir)) return createNoteLibrary([]);
  const notes = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => parseNote(f, readFileSync(path.join(dir, f), "utf8")))
    .filter((n): n is PackNote => n !== null);
  return createNoteLibrary(notes);
}
