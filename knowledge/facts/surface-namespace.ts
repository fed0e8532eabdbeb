// Names written in Python source (base classes, annotations) and what they refer to inside one full surface.

import type { RawSurface } from "./source-shapes.js";

const MAX_HOPS = 12;

/** Drops generic arguments and quotes: "PrefectFuture[R]" -> "PrefectFuture", "'Flow'" -> "Flow". */
export function bareTypeName(text: string): string {
  const trimmed = text.trim().replace(/^["']|["']$/g, "");
  const bracket = trimmed.indexOf("[");
  return (bracket < 0 ? trimmed : trimmed.slice(0, bracket)).trim();
}

/** Follows re-exports inside the surface until the name is defined (or leaves what the surface knows). */
export function canonicalName(surface: RawSurface, fq: string): string {
  let current = fq;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const dot = current.lastIndexOf(".");
    if (dot < 0) return current;
    const entry = surface.modules[current.slice(0, dot)]?.symbols[current.slice(dot + 1)];
    if (entry?.kind !== "reexport" || !entry.from || entry.from === current) return current;
    current = entry.from;
  }
  return current;
}

/**
 * What a (possibly dotted) name written inside `module` refers to: a fully qualified prefect name, or undefined when
 * it comes from outside the package (imports from outside are not in the data).
 */
export function resolveInModule(surface: RawSurface, module: string, written: string): string | undefined {
  const name = bareTypeName(written);
  if (!name) return undefined;
  const [head, ...rest] = name.split(".");
  const entry = surface.modules[module]?.symbols[head!];
  if (!entry) {
    if (name.startsWith("prefect.") || name === "prefect") return canonicalName(surface, name);
    return undefined;
  }
  const base = entry.kind === "reexport" && entry.from ? entry.from : `${module}.${head}`;
  return canonicalName(surface, [base, ...rest].join("."));
}

/** "Optional[FlowRun]", "Awaitable[X]", "Coroutine[Any, Any, X]", "X | None" -> the X inside. */
export function unwrapAnnotation(text: string): string {
  let current = text.trim().replace(/^["']|["']$/g, "");
  for (let i = 0; i < 4; i++) {
    const union = current.split("|").map((s) => s.trim());
    if (union.length > 1) {
      const others = union.filter((s) => s !== "None");
      if (others.length !== 1) return current;
      current = others[0]!;
    }
    const m = /^(?:typing\.)?(Optional|Awaitable|Coroutine|Union)\[(.*)\]$/.exec(current);
    if (!m) return current;
    const args = m[2]!.split(",").map((s) => s.trim());
    if (m[1] === "Union") {
      const others = args.filter((s) => s !== "None");
      if (others.length !== 1) return current;
      current = others[0]!;
    } else current = m[1] === "Coroutine" ? args[args.length - 1]! : m[2]!;
  }
  return current;
}
