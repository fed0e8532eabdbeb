// Attributes a module serves through functions rather than lists (`prefect.runtime.flow_run.id` is `get_id()`), and
// names an answer writes relative to a module it names ("`flow_run.id` from `prefect.runtime`").

import type { PrefectApiFacts } from "../facts/index.js";
import { isIdentifier } from "./text.js";
import type { Token } from "./tokens.js";

/**
 * The function of a module that serves its attribute `name` when no release lists the attribute: `get_<name>`, or a
 * getter named with the module's noun too (`ui_url` is served by `get_flow_run_ui_url`).
 */
export function getterOf(fq: string, facts: PrefectApiFacts): string | undefined {
  const dot = fq.lastIndexOf(".");
  const [module, name] = [fq.slice(0, dot), fq.slice(dot + 1)];
  if (dot < 0 || !isIdentifier(name) || facts.symbol(fq) !== undefined) return undefined;
  const names = facts.namesIn(module, facts.latest);
  if (!names?.includes(FIELD_TABLE)) return undefined;
  const noun = module.slice(module.lastIndexOf(".") + 1);
  const getter = names.find((n) => n === `get_${name}`) ?? names.find((n) => n === `get_${noun}_${name}`);
  if (getter) return `${module}.${getter}`;
  const exact = `${module}.get_${name}`;
  return facts.symbol(exact) === undefined ? undefined : exact;
}

/**
 * The attribute `name.attribute` of a module named `name`, one level below a package module that serves attributes
 * (`prefect.runtime` → `prefect.runtime.flow_run`), when that module serves it through a getter: a variable spelled
 * like the module may be it (`flow_run.root_flow_run_id`).
 */
export function moduleAttributeNamed(name: string, attribute: string, facts: PrefectApiFacts): string | undefined {
  const packages = (facts.namesIn("prefect", facts.latest) ?? [])
    .map((n) => `prefect.${n}`)
    .filter((fq) => isModule(facts, fq) && servesAttributes(facts, fq));
  return packages.map((p) => `${p}.${name}.${attribute}`).find((fq) => getterOf(fq, facts) !== undefined);
}

/** The table a module that serves attributes through getters declares them in (`prefect.runtime.flow_run.FIELDS`). */
const FIELD_TABLE = "FIELDS";

const isModule = (facts: PrefectApiFacts, fq: string) => facts.namesIn(fq, facts.latest) !== undefined;
/** A module that serves attributes through getters, or one whose submodules do (`prefect.runtime`). */
const servesAttributes = (facts: PrefectApiFacts, fq: string) =>
  (facts.namesIn(fq, facts.latest) ?? []).some(
    (n) => n === FIELD_TABLE || facts.namesIn(`${fq}.${n}`, facts.latest)?.includes(FIELD_TABLE),
  );

/**
 * Names in inline code written relative to a module the sentence names, made absolute: "`flow_run.parent_flow_run_id`
 * from `prefect.runtime`" is `prefect.runtime.flow_run.parent_flow_run_id`; "`prefect.runtime.flow_run` gives `id`,
 * `name`" lists `prefect.runtime.flow_run.id`, …. Only submodules and getter-served attributes are read this way (a
 * module's own functions and classes keep their written form, which the import readers judge), and only next to a
 * module that serves attributes (`asyncio.Semaphore` by `prefect.concurrency` is Python's). The nearest module
 * before a name is meant first, then the nearest after it; `prefect` itself is no such module.
 */
export function qualifyRelativeNames(tokens: Token[], facts: PrefectApiFacts): Token[] {
  const moduleOf = (t: Token) =>
    t.type === "code" && t.text.startsWith("prefect.") && isModule(facts, t.text) ? t.text : undefined;
  const modulesAt = tokens.map(moduleOf);
  if (!modulesAt.some(Boolean)) return tokens;
  const out = [...tokens];
  // Only modules that serve attributes (`asyncio.Semaphore` next to `prefect.concurrency` is Python's own).
  const relative = (text: string, module: string): string | undefined => {
    if (!servesAttributes(facts, module)) return undefined;
    const absolute = `${module}.${text}`;
    const known = (fq: string) =>
      (isModule(facts, fq) && servesAttributes(facts, fq)) || getterOf(fq, facts) !== undefined;
    return known(absolute) ? absolute : undefined;
  };
  out.forEach((t, i) => {
    if (t.type !== "code" || t.text.startsWith("prefect") || !t.text.split(".").every(isIdentifier)) return;
    // Each named module and the modules above it (`prefect.runtime` above `prefect.runtime.flow_run`), nearest first.
    const candidates = (k: number) => {
      const m = modulesAt[k];
      if (!m) return [];
      const parts = m.split(".");
      return parts.slice(1).map((_, j) => parts.slice(0, parts.length - j).join("."));
    };
    const order = [
      ...Array.from({ length: i }, (_, k) => i - 1 - k),
      ...Array.from({ length: out.length - i - 1 }, (_, k) => i + 1 + k),
    ];
    for (const k of order) {
      const found = candidates(k)
        .map((m) => relative(t.text, m))
        .find(Boolean);
      if (!found) continue;
      out[i] = { ...t, text: found, lower: found.toLowerCase() };
      if (isModule(facts, found)) modulesAt[i] = found;
      return;
    }
  });
  return out;
}
