// Names as answers write them (`wait`, `FlowRun`, `prefect.futures.wait`, `a_flow`) → what they are in the facts.
// Every lookup is remembered: the same names come up in draft after draft.

import type { PrefectApiFacts } from "../facts/index.js";
import { FILE_SUFFIXES, TYPE_NOUNS, VARIABLE_SUFFIXES } from "./lexicon.js";
import { withoutSuffix } from "./text.js";

export interface NameResolver {
  /** Fully qualified API for a written name, searched in the release, then in the other major's newest release. */
  api(written: string): string | undefined;
  /**
   * Every API a bare written name can stand for (`DateTime`: the 2.x–3.4 block and the 3.x type), each by its
   * defining name, in the release, the other major's newest release and the newest; a dotted name has one reading.
   */
  readings(written: string): string[];
  /** The class a written owner stands for: a class name, a type noun, or a variable named like one. */
  owner(written: string): string | undefined;
  /** The fully qualified callable (function, class, method) a written name stands for. */
  callable(written: string): string | undefined;
  /**
   * The Prefect classes a lower-case variable spelled like one stands for (`automation` → `Automation`,
   * `work_pool` → `WorkPool`): every class of that name, for a member called on it; not a flow's or task's keyword.
   */
  instance(written: string): string[];
  /** A distinctive identifier: CamelCase, snake_case or dotted (plain English words never count in prose). */
  distinctive(written: string): boolean;
}

const IDENT_START = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_";
const CALLABLE_KINDS = new Set(["function", "class", "method", "classmethod"]);
const INTERNAL = new Set(["cli", "server", "testing"]);

function memo<T>(compute: (key: string) => T | undefined): (key: string) => T | undefined {
  const cache = new Map<string, T | undefined>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key);
  };
}

export function createResolver(facts: PrefectApiFacts, release: string): NameResolver {
  /** Whether following a name's re-exports ends at something Prefect itself defines. */
  const defined = (fq: string): boolean => {
    let symbol = facts.symbol(fq);
    for (let hops = 0; symbol?.kind === "reexport" && symbol.target && hops < 6; hops++)
      symbol = facts.symbol(symbol.target);
    return symbol !== undefined && symbol.kind !== "reexport";
  };
  const major = Number(release.split(".")[0]);
  const elsewhere = [release, facts.latestOfMajor(major === 2 ? 3 : 2), facts.latest];
  const api = memo((written: string): string | undefined => {
    // A decorator names its function (`@materialize`).
    const name = (written.startsWith("@") ? written.slice(1) : written).replace("()", "");
    const file = FILE_SUFFIXES.has(name.split(".").pop()!) && name.includes(".");
    if (!name || !IDENT_START(name[0]!) || file || name.includes("/")) return undefined;
    if (name === "prefect" || name.startsWith("prefect.")) return name;
    const [head, ...rest] = name.split(".");
    // The CLI's, the server's and private modules are not what answers name (`concurrency_limit` is a parameter).
    const public_ = (fq: string) => fq.split(".").every((p) => !INTERNAL.has(p) && !p.startsWith("_"));
    // A short name only re-exported by Prefect (`BaseModel`, pydantic's through a compatibility module) is the other
    // library's, not Prefect's API.
    if (rest.length === 0)
      return elsewhere.map((v) => facts.locate(head!, v).filter(public_).filter(defined)[0]).find(Boolean);
    // `asyncio.run`, `logger.info`, `flow.deploy`: a dotted name is Prefect's only through a class it names
    // (`FlowRun.result`); modules and functions count only when written in full (`prefect.futures.wait`). Of the
    // classes with that name, the one that ever had the member is meant (`Deployment.build_from_flow` is 2.x's).
    const classes = elsewhere
      .flatMap((v) => facts.locate(head!, v).map((fq) => facts.resolve(fq, v)?.name ?? fq))
      .filter((fq) => facts.symbol(fq)?.kind === "class");
    // A member it has through its bases (`JSON.load`, from `Block`) counts as well.
    const member = (fq: string) => [fq, ...rest].join(".");
    // A class name as located counts too when only it records the member: 2.x's `prefect.deployments.Deployment` has
    // `build_from_flow`, though the facts resolve the name to the server's `Deployment` schema.
    const located = () =>
      head![0] === head![0]!.toUpperCase()
        ? elsewhere.flatMap((v) => facts.locate(head!, v)).find((fq) => facts.symbol(member(fq)) !== undefined)
        : undefined;
    const owner =
      classes.find((fq) => facts.symbol(member(fq))) ??
      located() ??
      classes.find((fq) => facts.presence(member(fq), facts.latest).status !== "unknown") ??
      classes[0];
    return owner && [owner, ...rest].join(".");
  });
  const readings = memo((written: string): string[] => {
    const one = api(written);
    const name = written.replace("()", "");
    if (!one || name.includes(".") || !IDENT_START(name[0] ?? "")) return one ? [one] : [];
    const public_ = (fq: string) => fq.split(".").every((p) => !INTERNAL.has(p) && !p.startsWith("_"));
    const all = elsewhere.flatMap((v) =>
      facts
        .locate(name, v)
        .filter(public_)
        .map((fq) => facts.resolve(fq, v)?.name ?? fq),
    );
    return [...new Set(all.filter((fq) => fq.startsWith("prefect.")))];
  });
  const owner = memo((written: string): string | undefined => {
    const name = written.replace("()", "");
    const lower = name.toLowerCase();
    if (Object.hasOwn(TYPE_NOUNS, lower)) return TYPE_NOUNS[lower];
    // Lower-case names are variables (`flow_run.result()`), even when a module shares the name.
    if (name === lower)
      for (const [suffix, cls] of VARIABLE_SUFFIXES) if (lower === suffix || lower.endsWith(`_${suffix}`)) return cls;
    const fq = api(name);
    if (fq) {
      const target = facts.resolve(fq, release)?.name ?? fq;
      return facts.symbol(target)?.kind === "class" ? target : undefined;
    }
    for (const [suffix, cls] of VARIABLE_SUFFIXES) if (lower === suffix || lower.endsWith(`_${suffix}`)) return cls;
    return undefined;
  });
  const callable = memo((written: string): string | undefined => {
    const name = withoutSuffix(written.replace("()", ""), "=");
    if (name.includes(" ") || name.includes("=")) return undefined;
    const fq = api(name);
    if (!fq) return undefined;
    const kind = facts.resolve(fq, release)?.kind ?? facts.symbol(fq)?.kind;
    return kind && CALLABLE_KINDS.has(kind) ? fq : undefined;
  });
  const instance = memo((written: string): string[] => {
    if (!/^[a-z][a-z0-9_]*$/.test(written) || written.endsWith("_")) return [];
    // A variable named like a flow's or task's keyword (`cache_policy`, `task_runner`) holds whatever is passed
    // there, often a subclass with members of its own, not the base class the name spells.
    const owners = new Set(Object.values(TYPE_NOUNS));
    if ([...owners].some((fq) => facts.paramSpan(`${fq}.__init__`, written) !== undefined)) return [];
    const camel = written
      .split("_")
      .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
      .join("");
    return (readings(camel) ?? []).filter((fq) => facts.symbol(fq)?.kind === "class");
  });
  return {
    api,
    readings: (written) => readings(written) ?? [],
    instance: (written) => instance(written) ?? [],
    owner,
    callable,
    distinctive(written) {
      // Capitalised English ("Task results …") is not an identifier; CamelCase (`FlowRun`) is.
      const name = written.replace("()", "");
      if (name.includes(".") || name.includes("_")) return name.length > 3;
      const tail = name.slice(1);
      return name.length > 3 && tail !== tail.toLowerCase() && name !== name.toUpperCase();
    },
  };
}
