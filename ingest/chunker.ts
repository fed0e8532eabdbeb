// Splits documents into retrieval units. Docs follow their headings and never break a fenced code block;
// conversations become question/answer units.
import type { ThreadMessage } from "../core/index.js";
import { closesFence, openingFence } from "./mdx.js";
import type { Chunk, SourceDocument } from "./types.js";

export interface ChunkOptions {
  /** Preferred chunk size in characters; prose is packed up to it. */
  targetChars?: number;
  /** Prose blocks longer than this are split at line or sentence boundaries (code blocks never are). */
  maxChars?: number;
  /** A section shorter than this is carried into the sub-section that follows it. */
  minChars?: number;
}

const DEFAULTS = { targetChars: 1200, maxChars: 2000, minChars: 160 };

type Block = { type: "heading"; level: number; text: string } | { type: "code" | "prose"; text: string };

export function chunkDocument(doc: SourceDocument, options: ChunkOptions = {}): Chunk[] {
  if (doc.messages) return chunkConversation(doc.messages, options);
  const markdown = doc.markdown ?? "";
  const chunks = chunkMarkdown(markdown, options);
  // A page of headings only still deserves to be found.
  if (chunks.length === 0 && markdown.trim()) return [{ id: "0", section: [], text: markdown.trim() }];
  // A page's H1 usually repeats its title; the section path should not say it twice.
  return chunks.map((c) => (c.section[0] === doc.title ? { ...c, section: c.section.slice(1) } : c));
}

export function chunkMarkdown(markdown: string, options: ChunkOptions = {}): Chunk[] {
  const o = { ...DEFAULTS, ...options };
  const chunks: Chunk[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let body: Block[] = [];
  let carry: { text: string; level: number } | null = null;

  const flush = (nextLevel: number | null) => {
    const section = headings.map((h) => h.text);
    const texts = pack(body, o);
    body = [];
    if (texts.length === 0) return;
    const level = headings[headings.length - 1]?.level ?? 0;
    if (carry) texts[0] = `${carry.text}\n\n${texts[0]}`;
    carry = null;
    const single = texts.length === 1 ? texts[0] : undefined;
    // A short lead-in before a deeper heading reads better as part of that sub-section's chunk.
    if (single !== undefined && single.length < o.minChars && nextLevel !== null && nextLevel > level) {
      carry = { text: single, level };
      return;
    }
    for (const text of texts) chunks.push({ id: String(chunks.length), section, text });
  };

  for (const block of parseBlocks(markdown)) {
    if (block.type === "heading") {
      flush(block.level);
      while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= block.level) headings.pop();
      headings.push({ level: block.level, text: block.text });
      continue;
    }
    body.push(block);
  }
  flush(null);
  if (carry)
    chunks.push({
      id: String(chunks.length),
      section: headings.map((h) => h.text),
      text: (carry as { text: string }).text,
    });
  return chunks;
}

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  const flushProse = () => {
    const text = prose.join("\n").trim();
    if (text) blocks.push({ type: "prose", text });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = openingFence(line);
    if (fence) {
      flushProse();
      const code = [line];
      let j = i + 1;
      for (; j < lines.length; j++) {
        code.push(lines[j] ?? "");
        if (closesFence(lines[j] ?? "", fence)) break;
      }
      if (j >= lines.length) code.push(fence.marker);
      blocks.push({ type: "code", text: code.join("\n") });
      i = j;
      continue;
    }
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushProse();
      blocks.push({ type: "heading", level: heading[1]?.length ?? 1, text: stripInline(heading[2] ?? "") });
      continue;
    }
    if (line.trim() === "") flushProse();
    else prose.push(line);
  }
  flushProse();
  return blocks;
}

function pack(blocks: Block[], o: typeof DEFAULTS): string[] {
  const out: string[] = [];
  let current = "";
  const push = (piece: string) => {
    if (current && current.length + piece.length + 2 > o.targetChars) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n\n${piece}` : piece;
  };
  for (const block of blocks) {
    if (block.type === "code" || block.text.length <= o.maxChars) push(block.text);
    else for (const piece of splitProse(block.text, o.targetChars)) push(piece);
  }
  if (current) out.push(current);
  return out;
}

/** Splits long prose at line breaks, then sentence ends, then spaces. */
function splitProse(text: string, size: number): string[] {
  const units = text.split(/(?<=\n)|(?<=[.!?])\s+/);
  const out: string[] = [];
  let current = "";
  for (const unit of units) {
    if (current && current.length + unit.length > size) {
      out.push(current.trim());
      current = "";
    }
    if (unit.length > size) {
      for (let i = 0; i < unit.length; i += size) out.push(unit.slice(i, i + size));
      continue;
    }
    current += current && !current.endsWith("\n") ? ` ${unit}` : unit;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function stripInline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim();
}

/**
 * One unit per exchange: the asker's message(s) and the replies until the asker speaks again. Long answers are
 * split at block boundaries, each piece keeping the question as context.
 */
export function chunkConversation(messages: ThreadMessage[], options: ChunkOptions = {}): Chunk[] {
  const o = { ...DEFAULTS, ...options };
  const asker = messages.find((m) => !m.isBot)?.author ?? messages[0]?.author;
  const units: Array<{ question: string[]; answer: string[] }> = [];
  for (const m of messages) {
    const fromAsker = m.author === asker && !m.isBot;
    let unit = units[units.length - 1];
    if (!unit || (fromAsker && unit.answer.length > 0)) {
      unit = { question: [], answer: [] };
      units.push(unit);
    }
    if (!m.text.trim()) continue;
    if (fromAsker) unit.question.push(m.text.trim());
    else unit.answer.push(`${m.author}${m.isBot ? " (bot)" : ""}: ${m.text.trim()}`);
  }
  // A closing remark with no reply ("thanks, that worked") belongs to the exchange before it.
  for (let i = units.length - 1; i > 0; i--) {
    const unit = units[i] as (typeof units)[number];
    if (unit.answer.length === 0) {
      units[i - 1]?.answer.push(...unit.question.map((q) => `Follow-up from the asker: ${q}`));
      units.splice(i, 1);
    }
  }
  const chunks: Chunk[] = [];
  for (const unit of units) {
    const question = unit.question.join("\n");
    if (!question && unit.answer.length === 0) continue;
    const heading = firstLine(question) || firstLine(unit.answer[0] ?? "") || "Conversation";
    const q = question ? `Question: ${question.length > 600 ? `${question.slice(0, 600)}…` : question}` : "";
    const answerBlocks = parseBlocks(unit.answer.join("\n\n")).filter((b) => b.type !== "heading" || b.text);
    const answers = answerBlocks.length > 0 ? pack(answerBlocks.map(headingAsProse), o) : [""];
    for (const a of answers) {
      // A fence must start its own line to stay a fence.
      const answer = a ? `Answer:${a.startsWith("```") ? "\n" : " "}${a}` : "";
      const text = [q, answer].filter(Boolean).join("\n\n");
      chunks.push({ id: String(chunks.length), section: [heading], text });
    }
  }
  return chunks;
}

function headingAsProse(block: Block): Block {
  return block.type === "heading" ? { type: "prose", text: block.text } : block;
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 80 ? `${line.slice(0, 77)}…` : line.trim();
}
