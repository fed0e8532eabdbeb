// Access to the symbol records of a facts table. Loading from text parses only the header (names, releases, CLI)
// up front and each symbol's line on first use: most queries touch a few hundred of the ~20,000 records.

import { InputError } from "../../core/index.js";
import type { FactsData, SymbolRecord } from "./facts-data.js";

export type FactsHeader = Omit<FactsData, "symbols">;

export interface FactsSource {
  readonly header: FactsHeader;
  readonly symbolCount: number;
  /** Name index of symbol i, without decoding the record. */
  symbolName(i: number): number;
  symbol(i: number): SymbolRecord;
}

/** A source over data already parsed (tests, tools). */
export function sourceFromData(data: FactsData): FactsSource {
  const { symbols = [], ...header } = data;
  return {
    header,
    symbolCount: symbols.length,
    symbolName: (i) => symbols[i]!.n,
    symbol: (i) => symbols[i]!,
  };
}

const SYMBOLS_OPEN = '\n"symbols":[\n';
const SYMBOLS_CLOSE = "\n]\n}";

/**
 * A lazy source over the compiler's layout: header keys first, then "symbols" last with one record per line, and
 * "symbolNames" giving each line's name index. Any other layout is parsed in full.
 */
export function sourceFromText(text: string): FactsSource {
  const open = text.lastIndexOf(SYMBOLS_OPEN);
  const close = text.lastIndexOf(SYMBOLS_CLOSE);
  if (open < 0 || close < open) return sourceFromData(JSON.parse(text) as FactsData);
  const header = JSON.parse(`${text.slice(0, open).replace(/,\s*$/, "")}\n}`) as FactsHeader;
  const symbolNames = header.symbolNames;
  const lines = text.slice(open + SYMBOLS_OPEN.length, close).split("\n");
  if (!symbolNames || symbolNames.length !== lines.length) {
    throw new InputError("the facts file's symbol index does not match its symbols; run build-facts");
  }
  const parsed: (SymbolRecord | undefined)[] = new Array(lines.length);
  return {
    header,
    symbolCount: lines.length,
    symbolName: (i) => symbolNames[i]!,
    symbol(i) {
      let record = parsed[i];
      if (!record) {
        const line = lines[i]!;
        record = JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line) as SymbolRecord;
        parsed[i] = record;
      }
      return record;
    },
  };
}
