// Checkers: a Claim and the asker's release → a verdict with the fact that decides it. Unknown is never false: a
// claim the facts cannot settle is undecidable.

import {
  describeApi,
  INSTANCE_CALLABLES,
  INTEGRATIONS,
  type PrefectApiFacts,
  type SettingsFacts,
  timedeltaSeconds,
} from "../facts/index.js";
import { pythonVerdict } from "../python-support.js";
import { BEHAVIOURS, DEPRECATED_SINCE, NOT_DEPRECATED, PYTHON_SUPPORT, QUANTITY_UNITS } from "./lexicon.js";
import { getterOf } from "./module-attributes.js";
import { ANY_DEFAULT, APART, DECORATOR_MARK, isIdentifier, withoutKindPrefix } from "./text.js";
import type { Claim, Verdict } from "./types.js";
import { isBefore, within } from "./versions.js";

export interface CheckContext {
  facts: PrefectApiFacts;
  /** The settings table; without it setting claims are undecidable. */
  settings?: SettingsFacts;
  release: string;
}

const yes = (fact: string): Verdict => ({ status: "true", fact });
const no = (fact: string): Verdict => ({ status: "false", fact });
const unknown = (fact = ""): Verdict => ({ status: "undecidable", fact });
/** The short name of an API; a constructor (`Task.__init__`) is its class's. */
const short = (fq: string) => {
  const parts = fq.split(".");
  return parts.at(-1) === "__init__" && parts.length > 1 ? parts.at(-2)! : parts.at(-1)!;
};
const minorOf = (release: string) => release.split(".").slice(0, 2).join(".");
const minorIndex = (release: string) => {
  const [major, minor] = release.split(".").map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
};

export function checkClaim(claim: Claim, ctx: CheckContext): Verdict {
  switch (claim.kind) {
    case "exists": {
      // A short name written alone (`run_deployment`) exists when the release has it anywhere public: in another
      // release it may live in another module.
      const written = claim.detail ?? "";
      const located = written && !written.includes(".") ? ctx.facts.locate(written, ctx.release) : [];
      if (located.length > 0) {
        // `DateTime` the block is gone in 3.5 while `DateTime` the type lives on: when the meant API is missing and
        // every name the release has by that spelling is defined elsewhere, the short name is another thing.
        if (otherThingOfTheName(claim.subject, located, ctx)) return unknown();
        return yes(`\`${written}\` exists in Prefect ${ctx.release}`);
      }
      // A short name missing from the release is dated by where its own major line had it (2.x's
      // `prefect.engine.suspend_flow_run`, not 3.x's `prefect.flow_runs` one).
      const major = Number(ctx.release.split(".")[0]) === 2 ? 2 : 3;
      const home =
        written && !written.includes(".") ? ctx.facts.locate(written, ctx.facts.latestOfMajor(major))[0] : undefined;
      return checkExists(home ?? claim.subject, ctx);
    }
    case "import":
      return checkImport(claim.detail!, claim.subject, ctx);
    case "member":
      return checkMember(claim, ctx);
    case "returns":
      return checkReturns(claim, ctx);
    case "version":
      return checkVersion(claim, ctx);
    case "param":
      return checkParam(claim, ctx);
    case "default":
      return checkDefault(claim, ctx);
    case "setting":
      return checkSetting(claim, ctx);
    case "cli":
      return checkCli(claim, ctx);
    case "behaviour":
      return checkBehaviour(claim, ctx);
  }
}

/**
 * True when `fq` (a full `prefect.…` path) is missing from the release and none of the release's names of the same
 * spelling is defined where `fq` was: the spelling then names something else in that release.
 */
function otherThingOfTheName(fq: string, located: string[], ctx: CheckContext): boolean {
  const { facts, release } = ctx;
  if (!fq.startsWith("prefect.") || facts.presence(fq, release).status !== "removed") return false;
  const last = facts.symbol(fq)?.present.at(-1)?.[1];
  const home = (last && facts.resolve(fq, last)?.name) ?? fq;
  return located.every((l) => (facts.resolve(l, release)?.name ?? l) !== home);
}

function checkExists(fq: string, ctx: CheckContext): Verdict {
  const { facts, release } = ctx;
  // `prefect.flow.{uuid}`, `prefect.run-count`: event and resource names, not Python names.
  if (!fq.split(".").every(isIdentifier)) return unknown();
  const served = servedByGetter(fq, ctx);
  if (served) return served;
  // The facts' one answer (describeApi, as `orca api` and the engine get it); the verdict policy is the checker's.
  const report = describeApi(facts, fq, release, { details: false });
  const instead = report.replacement;
  switch (report.status) {
    case "integration":
      return unknown();
    case "present":
      return yes(`\`${fq}\` exists in Prefect ${release}`);
    case "removed":
      return no(`\`${fq}\` was removed after Prefect ${report.lastRelease}${instead ? `; ${instead}` : ""}`);
    case "not-yet":
      return no(`\`${fq}\` only exists from Prefect ${report.firstRelease}`);
    case "unknown": {
      // Only a member of something known is checkable (prefect.futures.wiat); an unknown module may be a plugin.
      const parent = fq.slice(0, fq.lastIndexOf("."));
      const owner = parent && facts.resolve(parent, release);
      if (!owner) return unknown();
      if (owner.kind === "class" && !facts.members(owner.name, release)?.complete) return unknown();
      const where = facts.locate(short(fq), release).slice(0, 2);
      return no(
        `\`${fq}\` is not part of Prefect ${release}${where.length ? `; \`${short(fq)}\` lives in ${where.join(" or ")}` : ""}`,
      );
    }
  }
}

/**
 * `prefect.runtime.task_run.id`: a module attribute no release lists, served by the module's `__getattr__` through
 * its `get_id` function. It exists exactly when the getter does.
 */
function servedByGetter(fq: string, { facts, release }: CheckContext): Verdict | undefined {
  const getter = getterOf(fq, facts);
  if (!getter) return undefined;
  const there = facts.presence(getter, release);
  const served = getter.slice(getter.lastIndexOf(".") + 1);
  if (there.status === "present") return yes(`\`${fq}\` exists in Prefect ${release} (served by \`${served}()\`)`);
  if (there.status === "not-yet") return no(`\`${fq}\` only exists from Prefect ${there.firstRelease}`);
  if (there.status === "removed") return no(`\`${fq}\` was removed after Prefect ${there.lastRelease}`);
  return undefined;
}

function checkImport(name: string, module: string, ctx: CheckContext): Verdict {
  const { facts, release } = ctx;
  // `from prefect.runtime.flow_run import id`: an attribute the module serves through its getter.
  if (getterOf(`${module}.${name}`, facts)) return checkExists(`${module}.${name}`, ctx);
  const names = facts.namesIn(module, release);
  if (!names) {
    // A module the release does not have yet (or any more): nothing imports from it.
    const there = checkExists(module, ctx);
    if (there.status === "false" && facts.namesIn(module, facts.latest) !== undefined) return there;
    return neverAModule(name, module, ctx) ?? unknown();
  }
  const there = facts.presence(`${module}.${name}`, release);
  if (there.status === "not-yet") return no(`\`${module}.${name}\` only exists from Prefect ${there.firstRelease}`);
  if (there.status === "removed") return no(`\`${module}.${name}\` was removed after Prefect ${there.lastRelease}`);
  if (names.includes(name) || facts.presence(`${module}.${name}`, release).status === "present")
    return yes(`\`${name}\` can be imported from \`${module}\` in Prefect ${release}`);
  const where = facts.locate(name, release).filter((fq) => !fq.startsWith("prefect.server."));
  if (where.length === 0) {
    // The module's public names are known in full: a name no release of it ever had does not import from it.
    const everywhere =
      facts.releases.length > 0 && facts.presence(`${module}.${name}`, facts.latest).status === "unknown";
    const camel = name.slice(1) !== name.slice(1).toLowerCase();
    return everywhere && camel ? no(`\`${name}\` is not in \`${module}\` in any Prefect release`) : unknown();
  }
  const home = where[0]!.slice(0, where[0]!.lastIndexOf("."));
  return no(`\`${name}\` cannot be imported from \`${module}\` in Prefect ${release}; import it from \`${home}\``);
}

/**
 * `from prefect.loggers import get_run_logger`: a module no release ever had, under a package every release lists in
 * full, while the name lives elsewhere in the release: nothing imports from it.
 */
function neverAModule(name: string, module: string, { facts, release }: CheckContext): Verdict | undefined {
  const parent = module.slice(0, module.lastIndexOf("."));
  if (!module.startsWith("prefect.") || /\.(server|testing|_)/.test(module) || facts.isIntegrationModule(module))
    return undefined;
  if (facts.symbol(module) !== undefined || facts.namesIn(parent, facts.latest) === undefined) return undefined;
  if ([...facts.releases].some((r) => facts.namesIn(module, r) !== undefined)) return undefined;
  const where = facts.locate(name, release).filter((fq) => !fq.startsWith("prefect.server."));
  if (where.length === 0) return undefined;
  const home = where[0]!.slice(0, where[0]!.lastIndexOf("."));
  return no(`no Prefect release has a module \`${module}\`; import \`${name}\` from \`${home}\``);
}

function checkMember(claim: Claim, ctx: CheckContext): Verdict {
  const { facts, release } = ctx;
  const decorator = claim.detail!.startsWith(DECORATOR_MARK);
  const member = decorator ? claim.detail!.slice(DECORATOR_MARK.length) : claim.detail!;
  let owner = claim.subject;
  if (owner.startsWith("returned:")) {
    const returned = facts.returnType(owner.slice("returned:".length), release);
    if (!returned) return unknown();
    owner = returned;
  }
  // The member recorded under the owner's own name settles it (2.x's `prefect.deployments.Deployment.build_from_flow`,
  // where the class name resolves to another `Deployment` in the facts).
  if (facts.presence(`${owner}.${member}`, release).status === "present")
    return yes(`\`${short(owner)}\` has \`.${member}()\` in Prefect ${release}`);
  const members = facts.members(owner, release);
  if (!members) return unknown();
  if (members.names.includes(member)) return yes(`\`${short(owner)}\` has \`.${member}()\` in Prefect ${release}`);
  if (!members.complete || INSTANCE_CALLABLES.has(member)) return unknown();
  // `task.tags`, `flow.timeout_seconds`: an instance attribute the constructor sets from its parameter of that name
  // (the members list holds what the class defines, not what `__init__` assigns).
  if (facts.params(`${owner}.__init__`, release)?.some((p) => p.name === member)) {
    // … but decorating with it (`@my_task.on_failure`) needs a method, which the class does not define.
    return decorator
      ? no(
          `in Prefect ${release} \`${short(owner)}\` has no \`.${member}\` method to decorate with (\`${member}\` is only an option passed to the constructor)`,
        )
      : unknown();
  }
  const who = claim.subject.startsWith("returned:")
    ? `\`${short(claim.subject)}\` returns a \`${short(owner)}\`, which has no \`.${member}()\``
    : `\`${short(owner)}\` objects have no \`.${member}()\``;
  const alsoTask = member === "submit" && owner.endsWith(".Flow") ? "; only tasks do" : "";
  return no(`in Prefect ${release} ${who}${alsoTask}`);
}

function checkReturns(claim: Claim, { facts, release }: CheckContext): Verdict {
  const returned = facts.returnType(claim.subject, release);
  if (!returned) {
    const annotation = facts.returns(claim.subject, release)?.trim();
    // A callable annotated `-> None` returns nothing, whatever the prose says it returns.
    if (annotation === "None")
      return no(`in Prefect ${release} \`${short(claim.subject)}()\` returns None, not a ${short(claim.detail!)}`);
    return annotationVerdict(claim, annotation, release);
  }
  const stated = claim.detail!;
  const actual = short(returned);
  const ok = stated.includes(".") ? short(stated) === actual : actual.includes(stated) || actual === short(stated);
  return ok
    ? yes(`\`${short(claim.subject)}\` returns a \`${actual}\` in Prefect ${release}`)
    : no(`in Prefect ${release} \`${short(claim.subject)}\` returns a \`${actual}\`, not a ${short(stated)}`);
}

/** Names a type in an annotation that says nothing certain (a type variable, `Any`). */
const OPEN_TYPES = new Set(["Any", "object", "Self", "TypeVar"]);

/**
 * A return annotation that names no Prefect class (`StrictVariableValue`, `Optional[Union['Variable', str]]`): the
 * stated type is false when no name in the annotation is it, and the annotation says something definite.
 */
function annotationVerdict(claim: Claim, annotation: string | undefined, release: string): Verdict {
  const stated = short(claim.detail!);
  if (!annotation || !claim.detail!.includes(".")) return unknown();
  const names = annotation.match(/[A-Za-z_]\w*/g) ?? [];
  if (names.length === 0 || names.some((n) => OPEN_TYPES.has(n) || n.length <= 2)) return unknown();
  if (names.some((n) => n === stated || n.endsWith(stated)))
    return yes(`\`${short(claim.subject)}\` returns ${annotation} in Prefect ${release}`);
  return no(`in Prefect ${release} \`${short(claim.subject)}\` returns \`${annotation}\`, not a ${stated}`);
}

interface Span {
  first: string;
  last: string;
  present: boolean;
  /** Several APIs with different histories stand behind the name (a parameter named alone). */
  mixed?: boolean;
  /** A family of names (`PREFECT_LOGGING_ORION_*`): whether its members arrived, or left, in different releases. */
  family?: { mixedFirst: boolean; mixedLast: boolean };
}

/** Orders release numbers as the facts list them (oldest first). */
const releaseOrder =
  (facts: { releases: readonly string[] }) =>
  (a: string, b: string): number =>
    facts.releases.indexOf(a) - facts.releases.indexOf(b);

/** When a subject (API, setting or command) existed, and whether it does in the release. */
function spanOf(subject: string, { facts, settings, release }: CheckContext): Span | undefined {
  if (subject.startsWith("param:") && subject.includes("@")) {
    // One API's parameter (`param:name@fq`): when that API took it.
    const [name, fq] = subject.slice(6).split("@") as [string, string];
    const span = facts.paramSpan(fq, name);
    return span && { ...span, present: facts.params(fq, release)?.some((p) => p.name === name) === true };
  }
  if (subject.startsWith("param:")) {
    // A parameter named alone: when any API that takes it first and last did, and whether one does in the release.
    const name = subject.slice(6);
    const spans = facts.callablesTaking(name).flatMap((fq) => facts.paramSpan(fq, name) ?? []);
    if (spans.length === 0) return undefined;
    const order = releaseOrder(facts);
    const first = spans.map((s) => s.first).sort(order)[0]!;
    const last = spans
      .map((s) => s.last)
      .sort(order)
      .at(-1)!;
    const present = facts.callablesTaking(name).some((fq) => facts.params(fq, release)?.some((p) => p.name === name));
    // APIs that took it from different lines make "added in" a question of which API.
    // Several APIs take it: "that option is gone" is about one of them, which the name alone does not say.
    const mixed = new Set(spans.map((s) => minorOf(s.first))).size > 1 || new Set(spans.map((s) => s.last)).size > 1;
    return { first, last, present, mixed };
  }
  if (subject.startsWith("setting:") && subject.endsWith("*")) {
    // A family of settings ("the old `PREFECT_LOGGING_ORION_*` names"): its span runs from the first member's arrival
    // to the last one's removal; members with different histories make the family's dates a question of which one.
    const prefix = subject.slice(8).replace(/\*+$/, "");
    const resolved = facts.resolveRelease(release);
    const members =
      prefix.length > 9 && settings
        ? settings.settings.flatMap((r) => (r.name.startsWith(prefix) ? (settings.fact(r.name, resolved) ?? []) : []))
        : [];
    if (members.length === 0) return undefined;
    const order = releaseOrder(facts);
    const firsts = members.map((m) => m.first).sort(order);
    const lasts = members.map((m) => m.last).sort(order);
    return {
      first: firsts[0]!,
      last: lasts.at(-1)!,
      present: members.some((m) => m.status === "present" || m.status === "alias"),
      family: { mixedFirst: firsts[0] !== firsts.at(-1), mixedLast: lasts[0] !== lasts.at(-1) },
    };
  }
  if (subject.startsWith("setting:")) {
    const s = settings?.fact(subject.slice(8), facts.resolveRelease(release));
    return s && { first: s.first, last: s.last, present: s.status === "present" || s.status === "alias" };
  }
  if (subject.startsWith("flag:") && subject.includes("@")) {
    // A command's flag (`flag:--tag@deploy`): when the command took it, and whether it does in the release.
    const [flag, key] = subject.slice(5).split("@") as [string, string];
    const c = facts.commandHistory(key, release);
    const range = c?.optionRanges[flag];
    return range && { first: range.first, last: range.last, present: c!.options.includes(flag) };
  }
  // A feature named by its command group ("work pools"): the group's history.
  if (subject.startsWith("feature:")) return spanOf(`cli:${subject.slice(8)}`, { facts, settings, release });
  if (subject.startsWith("cli:")) {
    const c = facts.commandHistory(subject.slice(4), release);
    if (c || subject.includes(" ")) return c && { first: c.first, last: c.last, present: c.present };
    // A command group (`prefect concurrency-limit`): from its first command's first release to its last one's last.
    const commands = facts.commandsInGroup(subject.slice(4)).flatMap((key) => facts.commandHistory(key, release) ?? []);
    if (commands.length === 0) return undefined;
    const order = releaseOrder(facts);
    return {
      first: commands.map((h) => h.first).sort(order)[0]!,
      last: commands
        .map((h) => h.last)
        .sort(order)
        .at(-1)!,
      present: commands.some((h) => h.present),
    };
  }
  const fact = facts.symbol(subject) ?? facts.presence(subject, release);
  const present = "present" in fact ? fact.present : "fact" in fact ? fact.fact.present : undefined;
  if (!present || present.length === 0) {
    // A module attribute its `get_<name>` serves (`prefect.runtime.flow_run.root_flow_run_id`) has the getter's span.
    const getter = getterOf(subject, facts);
    return getter ? spanOf(getter, { facts, settings, release }) : undefined;
  }
  return {
    first: present[0]![0],
    last: present[present.length - 1]![1],
    present: facts.presence(subject, release).status === "present",
  };
}

function checkVersion(claim: Claim, ctx: CheckContext): Verdict {
  const found = spanOf(claim.subject, ctx);
  // "renamed to `PREFECT_LOG_LEVEL` in 3.0": a setting no release ever had (the table lists every name) arrived never.
  if (!found && claim.subject.startsWith("setting:") && claim.event !== "removed") {
    const named = checkSetting({ kind: "setting", statement: "", subject: claim.subject.slice(8) }, ctx);
    return named.status === "false" && named.fact.startsWith("no Prefect release") ? named : unknown();
  }
  if (!found) return neverMember(claim, ctx) ?? unknown();
  // A family "still" working may go on through aliases its members' names do not list: only its dates are judged.
  if (found.family && claim.event === "available") return unknown();
  // A family's removal is a question of which member only when they left at different times (arrivals likewise).
  const span = found.family
    ? { ...found, mixed: claim.event === "removed" ? found.family.mixedLast : found.family.mixedFirst }
    : found;
  // A parameter several APIs take, with different histories: the statement holds or fails for each of them alike,
  // or it is a question of which API is meant.
  if (span.mixed && claim.subject.startsWith("param:")) return everyTaker(claim, ctx);
  // `param:name@Class.__init__` reads "`name` of `Class`".
  const [written, owner] = withoutKindPrefix(claim.subject).split("@") as [string, string | undefined];
  const command = claim.subject.startsWith("cli:") || claim.subject.startsWith("feature:") ? "prefect " : "";
  const name = claim.subject.startsWith("flag:")
    ? `\`prefect ${owner} ${written}\``
    : owner
      ? `\`${written}\` of \`${short(owner)}\``
      : `\`${command}${written}\``;
  const stated = claim.version!;
  const { facts } = ctx;
  // "available since 2.15" says when it arrived, as a bound.
  const event = claim.event === "available" && claim.bound === "since" ? "added" : claim.event;
  if (claim.bound === "throughout") return event === "available" ? checkThroughout(claim, name, ctx) : unknown();
  if (event === "added" && claim.bound && !span.mixed) return addedBound(name, stated, claim.bound, span.first);
  if (event === "removed" && span.mixed) return unknown();
  if (event === "removed" && claim.bound && span.last !== facts.latest) {
    const next = facts.releases[facts.releases.indexOf(span.last) + 1] ?? span.last;
    // "dropped after 2.12.1": it was still there in (or after) 2.12.1. "gone since 3.0", "removed before 3.0": it
    // was gone by 3.0.
    const stillThere = !isBefore(span.last, stated);
    // "gone since 3.x", "is gone on 3.6": removed within the stated version is gone there too.
    const ok = claim.bound === "after" ? stillThere : !stillThere || (claim.bound === "since" && within(stated, next));
    return ok
      ? yes(`${name} was last present in Prefect ${span.last} (removed in ${next})`)
      : no(
          `${name} was last present in Prefect ${span.last} (removed in ${next}), not removed ${claim.bound} ${stated}`,
        );
  }
  // "dropped in 3.0 and came back in 3.2": a removal the span's ends cannot show (present before the stated
  // line's first release, absent in it).
  if (event === "removed" && !claim.bound && !span.mixed) {
    const at = facts.releases.findIndex((r) => within(stated, r));
    const presentAt = (i: number) => spanOf(claim.subject, { ...ctx, release: facts.releases[i]! })?.present;
    if (at > 0 && presentAt(at - 1) === true && presentAt(at) === false)
      return yes(`${name} was removed in Prefect ${facts.releases[at]}`);
  }
  switch (event) {
    case "added": {
      if (span.mixed) return unknown();
      // A feature's commands may precede its announcement (work pools' commands came as a beta in 2.7): within the
      // same major line its arrival is too close to call; only another major is a wrong date.
      if (
        claim.subject.startsWith("feature:") &&
        !within(stated, span.first) &&
        stated.split(".")[0] === span.first.split(".")[0]
      )
        return unknown();
      // Releases before the facts begin (2.0.0) cannot be told apart: "added in 1.x" is undecidable, but a name
      // already there in 2.0.0 was not added in 3.0.
      if (within(stated, span.first)) return yes(`${name} first appeared in Prefect ${span.first}`);
      // "added in 3.0.0" said to someone on 3.0.3 of a name that first came in 3.0.11: however close the two
      // releases, the asker's does not have it.
      if (
        stated.split(".").length === 3 &&
        !span.present &&
        !isBefore(ctx.release, stated) &&
        isBefore(ctx.release, span.first)
      )
        return no(`${name} first appeared in Prefect ${span.first}, after Prefect ${ctx.release}, not in ${stated}`);
      // "`X` only arrives in 3.5.0" said to someone on 3.4.20 who already has it (since 3.4.14): an arrival after
      // the asker's release of a name that release has is wrong however close the releases.
      if (span.present && isBefore(ctx.release, stated) && !within(stated, ctx.release))
        return no(
          `${name} first appeared in Prefect ${span.first}, not ${stated} (Prefect ${ctx.release} already has it)`,
        );
      // A stated patch release next to the real one (2.15.0 for 2.14.10) is how changelogs date GA versus
      // experimental: too close to call.
      // A stated release in a minor line before the first one that has the name is no such dating: that line never
      // had it ("`prefect sdk generate` was added in 3.5.0" of a command first in 3.6.11).
      const earlierLine = minorIndex(stated) < minorIndex(span.first);
      if (stated.split(".").length === 3 && Math.abs(minorIndex(stated) - minorIndex(span.first)) <= 1 && !earlierLine)
        return unknown();
      if (span.first === facts.releases[0] && Number(stated.split(".")[0]) < 2) return unknown();
      return within(stated, span.first)
        ? yes(`${name} first appeared in Prefect ${span.first}`)
        : no(`${name} first appeared in Prefect ${span.first}, not ${stated}`);
    }
    case "removed": {
      if (span.last === facts.latest) return no(`${name} is still present in Prefect ${facts.latest}`);
      const next = facts.releases[facts.releases.indexOf(span.last) + 1] ?? span.last;
      return within(stated, next)
        ? yes(`${name} was removed in Prefect ${next}`)
        : no(`${name} was last present in Prefect ${span.last} (removed in ${next}), not removed in ${stated}`);
    }
    default: {
      const at = within(stated, ctx.release) ? ctx.release : facts.resolveRelease(stated);
      const there = spanOf(claim.subject, { ...ctx, release: at })!;
      return there.present
        ? yes(`${name} exists in Prefect ${at}`)
        : no(`${name} does not exist in Prefect ${at} (present ${span.first}–${span.last})`);
    }
  }
}

/**
 * "`Flow.submit()` was added in 3.3.0": a member no release of a Prefect class ever had (the class's complete member
 * lists at the asker's release, the latest release and the latest 2.x all lack it, and the facts have no symbol of
 * that name) arrived never and is nowhere available.
 */
function neverMember(claim: Claim, { facts, release }: CheckContext): Verdict | undefined {
  if (claim.event === "removed" || claim.kind !== "version") return undefined;
  const dot = claim.subject.lastIndexOf(".");
  const owner = claim.subject.slice(0, dot);
  const member = claim.subject.slice(dot + 1);
  if (dot < 0 || facts.symbol(claim.subject) || facts.symbol(owner)?.kind !== "class") return undefined;
  const lists = [release, facts.latest, facts.latestOfMajor(2)].map((v) => facts.members(owner, v));
  if (!lists[0] || lists.some((l) => l && (!l.complete || l.names.includes(member)))) return undefined;
  return no(`\`${short(owner)}\` has no \`.${member}()\` in any Prefect release`);
}

/** A version statement about a parameter named alone, judged for each public API that takes it: one verdict or none. */
function everyTaker(claim: Claim, ctx: CheckContext): Verdict {
  const name = claim.subject.slice(6);
  // Public APIs only (a constructor's `__init__` is public; `_private` names are not).
  const isPrivate = (part: string) => part.startsWith("_") && !(part.startsWith("__") && part.endsWith("__"));
  const everyPublic = ctx.facts
    .callablesTaking(name)
    .filter((fq) => !fq.includes(".server.") && !fq.split(".").some(isPrivate));
  // What a user calls directly (a function, a decorator, a type's constructor) is what "the `holder=` argument" means
  // before the methods of other classes that happen to take the same name (lock managers, result stores).
  const direct = everyPublic.filter((fq) => fq.endsWith(".__init__") || ctx.facts.symbol(fq)?.kind === "function");
  const takers = direct.length > 0 ? direct : everyPublic;
  const all = takers.map((fq) => checkVersion({ ...claim, subject: `param:${name}@${fq}` }, ctx));
  if (all.length === 0 || all.some((v) => v.status !== all[0]!.status) || all[0]!.status === "undecidable")
    return unknown();
  // One fact speaks for all: a type's constructor (what answers mean by "the option") before other callables, the
  // one that took it first before later ones.
  const rank = (fq: string) =>
    ctx.facts.releases.indexOf(ctx.facts.paramSpan(fq, name)?.first ?? "") +
    (fq.endsWith(".__init__") || ctx.facts.symbol(fq)?.kind === "class" ? 0 : ctx.facts.releases.length);
  const first = takers.map((fq, i) => [rank(fq), i] as const).sort(([a], [b]) => a - b)[0]![1];
  return all[first]!;
}

/**
 * "available throughout 3.x": present in every release of the stated line up to the asker's (a parameter dropped in
 * 3.0 and back in 3.2 was not).
 */
function checkThroughout(claim: Claim, name: string, ctx: CheckContext): Verdict {
  const { facts } = ctx;
  const stated = claim.version!;
  const upTo = within(stated, ctx.release) ? facts.resolveRelease(ctx.release) : facts.latest;
  const line = facts.releases.filter((r) => within(stated, r) && !isBefore(upTo, r));
  if (line.length === 0) return unknown();
  const missing = line.find((r) => spanOf(claim.subject, { ...ctx, release: r })?.present !== true);
  return missing
    ? no(`${name} is not in Prefect ${missing}, so not available throughout ${stated}`)
    : yes(`${name} is in every Prefect ${stated} release up to ${upTo}`);
}

/** "added after 3.0", "available since 2.15", "added before 3.2": the first release against the bound. */
function addedBound(name: string, stated: string, bound: "after" | "before" | "since", first: string): Verdict {
  const early = isBefore(first, stated);
  const late = !early && !within(stated, first);
  // "since 2.15" for a name that came in 2.14.16: how changelogs date a release next to it, too close to call.
  if (late && bound !== "after" && stated.split(".").length >= 2 && minorIndex(first) - minorIndex(stated) === 1)
    return unknown();
  const ok = bound === "since" ? !late : bound === "before" ? early : !early;
  return ok
    ? yes(`${name} first appeared in Prefect ${first}`)
    : no(`${name} first appeared in Prefect ${first}, not ${bound} ${stated}`);
}

/**
 * A parameter named with no callable ("`create_if_missing=True` creates the limit"): it is false only when no API of
 * the release takes it and some API of another release did.
 */
function checkParamAnywhere(name: string, { facts, release }: CheckContext, stated = false): Verdict {
  const takers = facts.callablesTaking(name);
  if (takers.length === 0) return unknown();
  if (takers.some((fq) => facts.params(fq, release)?.some((p) => p.name === name)))
    return yes(`a Prefect ${release} API takes \`${name}\``);
  // The API that took it last is the one the text most likely means.
  const order = (r: string) => facts.releases.indexOf(r);
  const [fq, span] =
    takers
      .map((t) => [t, facts.paramSpan(t, name)] as const)
      .filter(([t, s]) => s && !t.includes(".server."))
      .sort(([, a], [, b]) => order(b!.last) - order(a!.last))[0] ?? [];
  // Only a keyword the release no longer takes is decided: one that arrives later may be what a text about the
  // next release (an upgrade guide) recommends.
  // … unless the sentence says outright that it is a parameter ("pass a `retry_condition_fn`"): then the API that
  // took it first is the one that would have to take it.
  if (!fq || !span) return unknown();
  if (order(span.last) > order(release)) {
    if (!stated) return unknown();
    const [firstFq, firstSpan] = takers
      .filter((t) => !t.includes(".server."))
      .map((t) => [t, facts.paramSpan(t, name)!] as const)
      .sort(([, a], [, b]) => order(a.first) - order(b.first))[0]!;
    if (order(firstSpan.first) <= order(release)) return unknown();
    return no(`no Prefect ${release} API takes \`${name}\` (\`${short(firstFq)}\` takes it from ${firstSpan.first})`);
  }
  return no(`no Prefect ${release} API takes \`${name}\` (\`${short(fq)}\` took it in ${span.first}–${span.last})`);
}

/**
 * `Deployment.build_from_flow(…, **kwargs)` on 2.14 and `schedules=`: a method whose `**kwargs` fill its class's
 * fields does not take a keyword its signature only lists from a later release when the class has no such field in
 * the asker's release (its members known in full).
 */
function laterThanKwargs(callable: string, name: string, { facts, release }: CheckContext): Verdict | undefined {
  const span = facts.paramSpan(callable, name);
  if (!span || !isBefore(release, span.first)) return undefined;
  const owner = callable.slice(0, callable.lastIndexOf("."));
  const members = facts.members(owner, release);
  if (!members?.complete || members.names.includes(name)) return undefined;
  return no(
    `in Prefect ${release} \`${short(callable)}\` has no \`${name}\` parameter (it takes it from ${span.first})`,
  );
}

/** `prefect.tasks.task` → `prefect.tasks.Task`: the class a lower-case decorator of the same name builds. */
function builtClass(fq: string): string {
  const dot = fq.lastIndexOf(".");
  const name = fq.slice(dot + 1);
  return `${fq.slice(0, dot + 1)}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function checkParam(claim: Claim, ctx: CheckContext): Verdict {
  const { facts, release } = ctx;
  const name = claim.detail!;
  if (claim.subject.startsWith("param:")) return checkParamAnywhere(name, ctx, !claim.mention);
  // A name recorded by its latest kind (a 3.x alias) is a class in a release that has its constructor.
  const params =
    facts.params(claim.subject, release) ??
    (facts.symbol(claim.subject)?.kind === "variable" ? facts.params(`${claim.subject}.__init__`, release) : undefined);
  if (!params) return unknown();
  if (params.some((p) => p.name === name))
    return yes(`\`${short(claim.subject)}\` takes \`${name}\` in Prefect ${release}`);
  // A type's keywords are also those of calling its instances (`return_state=True` on a subflow call).
  if (facts.params(`${claim.subject}.__call__`, release)?.some((p) => p.name === name))
    return yes(`calling a \`${short(claim.subject)}\` takes \`${name}\` in Prefect ${release}`);
  // (A parameter named `kwargs` is a `**kwargs` the facts of some releases record without its kind.)
  if (params.some((p) => p.kind === "var_keyword" || p.name === "kwargs"))
    return laterThanKwargs(claim.subject, name, ctx) ?? unknown();
  // A decorator named for the class it builds (`task` → `Task`, `flow` → `Flow`): a keyword only the class's
  // constructor lists (`on_rollback`) is one the docs pass through the decorator too, so the facts do not settle it.
  if (facts.params(`${builtClass(claim.subject)}.__init__`, release)?.some((p) => p.name === name)) return unknown();
  // A callable only guessed from earlier sentences decides nothing (the name may be a model field or a YAML key).
  if (claim.inferred) return unknown();
  const takes =
    params.length === 0
      ? "no arguments"
      : params
          .map((p) => p.name)
          .slice(0, 8)
          .join(", ");
  return no(`in Prefect ${release} \`${short(claim.subject)}\` has no \`${name}\` parameter (it takes ${takes})`);
}

/** Source text vs prose: quotes, case and units do not matter ("5" = "5 seconds", "none" = "None"). */
function sameValue(stated: string, source: string): boolean {
  const norm = (s: string) => {
    const word = [...s]
      .filter((ch) => !`"'\``.includes(ch))
      .join("")
      .trim()
      .toLowerCase()
      .split(" ")[0]!;
    const n = Number(word);
    // JSON's null is Python's None.
    return word !== "" && Number.isFinite(n) ? String(n) : word === "null" ? "none" : word;
  };
  if (norm(stated) === norm(source)) return true;
  // "30 seconds", "10 KB": a quantity in a unit is the source's bare number once scaled (or as written).
  const [amount, unit] = stated.trim().toLowerCase().split(/\s+/);
  const factors = unit && Object.hasOwn(QUANTITY_UNITS, unit) ? QUANTITY_UNITS[unit]! : [];
  const plain = Number(norm(source));
  if (factors.length > 0 && Number.isFinite(plain) && Number.isFinite(Number(amount)))
    return factors.some((f) => Math.abs(Number(amount) * f - plain) < 1e-9);
  // A duration in the source ("timedelta(days=7)") is stated in words ("7 days") or in seconds ("604800").
  const seconds = timedeltaSeconds(source);
  if (seconds === null) return false;
  const n = Number(norm(stated));
  const inOwnUnit = /=\s*([\d.]+)/.exec(source)?.[1];
  return Number.isFinite(n) && (n === seconds || (inOwnUnit !== undefined && n === Number(inOwnUnit)));
}

/** A number, alone or in a unit ("30", "2 seconds", "10 KB"). */
function isQuantity(text: string): boolean {
  return Number.isFinite(Number(text.trim().split(/\s+/)[0]));
}

/**
 * The setting that fills a parameter left `None` on a type's constructor: `PREFECT_TASKS_DEFAULT_RETRIES` for
 * `Task(retries=None)` (`PREFECT_TASK_DEFAULT_RETRIES` on 2.x), when the release has it with a default.
 */
function fillingSetting(
  callable: string,
  param: string,
  { settings, release, facts }: CheckContext,
): { name: string; default: string } | undefined {
  const owner = short(callable).toUpperCase();
  const key = param.toUpperCase();
  for (const name of [`PREFECT_${owner}S_DEFAULT_${key}`, `PREFECT_${owner}_DEFAULT_${key}`]) {
    const s = settings?.fact(name, facts.resolveRelease(release));
    if (s?.status === "present" && s.default !== undefined) return { name, default: s.default };
  }
  return undefined;
}

/** A switch said on or off in words: the value it stands for. */
const SWITCH_VALUES: Record<string, string> = { on: "True", off: "False" };

function checkDefault(claim: Claim, { facts, release, settings }: CheckContext): Verdict {
  const [name, written] = claim.detail!.split("=") as [string, string];
  const switched = Object.hasOwn(SWITCH_VALUES, written);
  const value = switched ? SWITCH_VALUES[written]! : written;
  if (value === ANY_DEFAULT) return checkOptional(claim, name, { facts, release, settings });
  if (claim.subject.startsWith("param:")) {
    const taking = facts
      .callablesTaking(name)
      .filter((fq) => !fq.includes(".server."))
      .flatMap((fq) => facts.params(fq, release)?.find((p) => p.name === name) ?? []);
    // A default stated for a keyword no API of the release takes, though one of an earlier release did, is a
    // default of nothing there ("`create_if_missing` defaults to `True`" on 3.4).
    if (taking.length === 0) {
      const anywhere = checkParamAnywhere(name, { facts, release, settings }, false);
      return anywhere.status === "false" ? anywhere : unknown();
    }
    const defaults = new Set(taking.flatMap((p) => p.defaultValue ?? []));
    // Whichever API is meant, a value none of them defaults to is wrong (when each one has a default).
    if (defaults.size > 1 && taking.every((p) => p.defaultValue) && ![...defaults].some((d) => sameValue(value, d)))
      return no(
        `in Prefect ${release} no API that takes \`${name}\` defaults to ${value} (they default to ${[...defaults]
          .map((d) => `\`${d}\``)
          .join(" or ")})`,
      );
    // Only when every API that takes the parameter agrees on its default is the default a fact.
    if (defaults.size !== 1) return unknown();
    const only = [...defaults][0]!;
    return sameValue(value, only)
      ? yes(`\`${name}\` defaults to ${only} in Prefect ${release}`)
      : no(`in Prefect ${release} \`${name}\` defaults to \`${only}\`, not ${value}`);
  }
  const param = facts.params(claim.subject, release)?.find((p) => p.name === name);
  if (!param?.defaultValue) return unknown();
  // "on by default" of a switch left `None` (it falls back to a setting or to the runtime) is not its source text.
  if (switched && param.defaultValue === "None") return unknown();
  // `retries=None` on a task means "whatever `PREFECT_TASKS_DEFAULT_RETRIES` says": a None a setting fills is judged
  // by that setting's default ("task retries default to 0" is right).
  const filled =
    param.defaultValue === "None" ? fillingSetting(claim.subject, name, { facts, settings, release }) : undefined;
  if (filled && !sameValue(value, "None")) {
    if (claim.inferred && !sameValue(value, filled.default)) return unknown();
    return sameValue(value, filled.default)
      ? yes(
          `\`${name}\` of \`${short(claim.subject)}\` defaults to ${filled.name} (${filled.default}) in Prefect ${release}`,
        )
      : no(
          `in Prefect ${release} \`${name}\` of \`${short(claim.subject)}\` defaults to None, which means ${filled.name} (default ${filled.default}), not ${value}`,
        );
  }
  if (claim.inferred && !sameValue(value, param.defaultValue)) return unknown();
  return sameValue(value, param.defaultValue)
    ? yes(`\`${name}\` defaults to ${param.defaultValue} in Prefect ${release}`)
    : no(
        `in Prefect ${release} \`${name}\` of \`${short(claim.subject)}\` defaults to \`${param.defaultValue}\`, not ${value}`,
      );
}

/** "`p` is optional": `p` has a default on the callable (or, named alone, on every public API that takes it). */
function checkOptional(claim: Claim, name: string, { facts, release }: CheckContext): Verdict {
  const callables = claim.subject.startsWith("param:")
    ? facts.callablesTaking(name).filter((fq) => !fq.includes(".server."))
    : [claim.subject];
  const taking = callables.flatMap((fq) => {
    const p = facts.params(fq, release)?.find((x) => x.name === name);
    return p ? [[fq, p] as const] : [];
  });
  if (taking.length === 0) return unknown();
  if (taking.every(([, p]) => p.hasDefault)) return yes(`\`${name}\` has a default in Prefect ${release}`);
  if (taking.some(([, p]) => p.hasDefault)) return unknown();
  return no(
    `in Prefect ${release} \`${name}\` is required: ${[...new Set(taking.map(([fq]) => `\`${short(fq)}\``))].slice(0, 4).join(", ")} give it no default`,
  );
}

function checkSetting(claim: Claim, ctx: CheckContext): Verdict {
  const { facts, settings, release } = ctx;
  if (!settings) return unknown();
  if (claim.subject.includes("|")) {
    // A value said by its topic: the setting that holds it in the release (its name changed over time), if any.
    const held = claim.subject
      .split("|")
      .find((name) => ["present", "alias"].includes(settings.fact(name, facts.resolveRelease(release))?.status ?? ""));
    return held ? checkSetting({ ...claim, subject: held }, ctx) : unknown();
  }
  const s = settings.fact(claim.subject, facts.resolveRelease(release));
  // A family of names ("PREFECT_ORION_DATABASE_*") is not one setting; and any key of the logging configuration can
  // be overridden as PREFECT_LOGGING_<PATH>_<KEY> ("PREFECT_LOGGING_LOGGERS_HTTPX_LEVEL"), which no table lists.
  // A placeholder ("PREFECT_TASK_...", "PREFECT__RUNTIME__<MODULE>__<ATTR>") or a runtime override
  // ("PREFECT__RUNTIME__FLOW_RUN__ID", read by `prefect.runtime`, not a setting) is no setting's name either.
  const placeholder = /[*.<{]|_$/.test(claim.subject) || claim.subject.startsWith("PREFECT__");
  if (!s && (placeholder || claim.subject.startsWith("PREFECT_LOGGING_") || integrationSetting(claim.subject)))
    return unknown();
  if (!s) return no(`no Prefect release has a setting named \`${claim.subject}\``);
  if (s.status === "removed") return no(`\`${s.name}\` was last a setting in Prefect ${s.release}`);
  if (s.status === "not-yet") return no(`\`${s.name}\` only exists from Prefect ${s.release}`);
  if (claim.detail === undefined)
    return yes(
      s.status === "alias" && s.aliasOf
        ? `\`${s.name}\` is still accepted in Prefect ${release}, as an alias of \`${s.aliasOf}\``
        : `\`${s.name}\` is a setting in Prefect ${release}`,
    );
  if (s.default === undefined) return unknown();
  // A setting left `None` has no value of its own (the runtime computes one, or nothing is set): a number or an
  // empty string stated as its default is not what it ships with; other words may describe what `None` leads to.
  if (s.default === "None")
    return isQuantity(claim.detail) || ["''", '""'].includes(claim.detail.trim())
      ? no(`in Prefect ${release} \`${s.name}\` defaults to \`None\` (no value of its own), not ${claim.detail}`)
      : unknown();
  // A quantity ("2 seconds") said in a sentence about a switch (`True`) is some other value's.
  if (isQuantity(claim.detail) && !isQuantity(s.default) && timedeltaSeconds(s.default) === null) return unknown();
  // A switch said on or off in a sentence about a setting that is no switch is some other value's.
  const switchWords = ["true", "false"];
  if (switchWords.includes(claim.detail.toLowerCase()) && !switchWords.includes(s.default.toLowerCase()))
    return unknown();
  // A default computed at runtime (`default_local_storage_path()`, `Path('~') / '.prefect'`) is not its source
  // text: a path or value stated for it cannot be compared with the expression.
  const computed = s.default.includes("(") && timedeltaSeconds(s.default) === null;
  if (computed && !sameValue(claim.detail, s.default)) return unknown();
  return sameValue(claim.detail, s.default)
    ? yes(`\`${s.name}\` defaults to ${s.default} in Prefect ${release}`)
    : no(`in Prefect ${release} \`${s.name}\` defaults to \`${s.default}\`, not ${claim.detail}`);
}

/**
 * An integration package's setting (`PREFECT_INTEGRATIONS_AWS_…`, prefect-redis's `PREFECT_REDIS_…`): those packages'
 * settings are not in Prefect's own table, so a name missing from it decides nothing.
 */
function integrationSetting(name: string): boolean {
  if (name.startsWith("PREFECT_INTEGRATIONS_")) return true;
  const word = name.split("_")[1]?.toLowerCase() ?? "";
  return INTEGRATIONS.some((p) => p.module === `prefect_${word}`);
}

function checkCli(claim: Claim, ctx: CheckContext): Verdict {
  const { facts, release } = ctx;
  if (!facts.hasCommandHistory) return unknown();
  if (claim.subject.startsWith("flag:")) return checkLoneFlag(claim.subject.slice(5), claim.detail ?? "", ctx);
  const c = facts.commandHistory(claim.subject, release);
  // A nested group (`prefect deployment schedule`, `prefect cloud webhook`): its commands are keyed by the sub-group.
  const words = claim.subject.split(" ");
  if (!c && words.length === 2 && !claim.detail) {
    const nested = facts.commandsInGroup(words[1]!).flatMap((key) => facts.commandHistory(key, release) ?? []);
    if (nested.some((h) => h.present))
      return yes(`\`prefect ${claim.subject}\` is a command group in Prefect ${release}`);
    if (nested.length > 0) return unknown();
  }
  if (!c) {
    const group = claim.subject.split(" ")[0]!;
    const known = facts.cliGroups(release).includes(group);
    // `prefect automation` names a command group: it exists when the group does.
    if (known && !claim.subject.includes(" "))
      return yes(`\`prefect ${group}\` is a command group in Prefect ${release}`);
    return known ? no(`\`prefect ${claim.subject}\` is not a command of Prefect ${release}`) : unknown();
  }
  const instead = facts.cliReplacement(claim.subject.split(" "));
  if (!c.present)
    return no(
      `\`prefect ${claim.subject}\` exists only in Prefect ${c.first}–${c.last}, not ${release}${instead ? `; ${instead}` : ""}`,
    );
  for (const written of (claim.detail ?? "").split(" ").filter(Boolean)) {
    const flag = written.startsWith(APART) ? written.slice(APART.length) : written;
    if (c.options.includes(flag)) continue;
    const span = c.optionRanges[flag];
    // "dump it with `prefect a` and pass it back via `--b`": a flag in code of its own that the command never took
    // but other commands do is another command's; judged as a flag written alone.
    if (!span && written !== flag && facts.commandsWithOption(flag).length > 0) {
      const alone = checkLoneFlag(flag, "", ctx);
      if (alone.status === "false") return alone;
      continue;
    }
    return no(
      span
        ? `\`prefect ${claim.subject} ${flag}\` exists only in Prefect ${span.first}–${span.last}`
        : `\`prefect ${claim.subject}\` has no \`${flag}\` option in Prefect ${release}`,
    );
  }
  return yes(`\`prefect ${claim.subject}\` exists in Prefect ${release}`);
}

/**
 * A flag written alone ("add `--overwrite`"): true when the command the text named last takes it, false when no
 * command of the release takes it though one of some release did; another command's flag is undecidable.
 */
function checkLoneFlag(flag: string, command: string, { facts, release }: CheckContext): Verdict {
  // A command group named by a noun ("a queue"): the flag is one of that group's commands'.
  const group = command.startsWith("group:") ? command.slice(6) : undefined;
  const named = command && !group ? facts.commandHistory(command, release) : undefined;
  if (named?.options.includes(flag)) return yes(`\`prefect ${command}\` takes \`${flag}\` in Prefect ${release}`);
  // The command the text named took the flag in other releases but not in this one: that command's flag is meant.
  const namedRange = named?.present ? named.optionRanges[flag] : undefined;
  if (namedRange)
    return no(
      `\`prefect ${command} ${flag}\` exists only in Prefect ${namedRange.first}–${namedRange.last}, not ${release}`,
    );
  // The group's commands, and a root command the group's noun is named for (`deploy` for "the deployment").
  const ofGroup = (key: string) =>
    key.startsWith(`${group} `) || (!key.includes(" ") && group!.split("-").at(-1)!.startsWith(key));
  const takers = facts.commandsWithOption(flag).filter((key) => !group || ofGroup(key));
  if (takers.length === 0) return unknown();
  const now = takers.find((key) => facts.commandHistory(key, release)?.options.includes(flag));
  if (now) return group ? yes(`\`prefect ${now}\` takes \`${flag}\` in Prefect ${release}`) : unknown();
  // The command the text named, when it ever took the flag; else the one that took it last.
  const order = (r: string) => facts.releases.indexOf(r);
  const ranges = takers.map((key) => [key, facts.commandHistory(key, release)!.optionRanges[flag]!] as const);
  // Gone from the release: the command that had it last; not there yet: the one that got it first.
  const gone = ranges.filter(([, r]) => order(r.last) < order(release));
  const [key, span] =
    ranges.find(([k]) => k === command) ??
    (gone.length > 0
      ? [...gone].sort(([, a], [, b]) => order(b.last) - order(a.last))[0]!
      : [...ranges].sort(([, a], [, b]) => order(a.first) - order(b.first))[0]!);
  return no(
    `no \`prefect${group ? ` ${group}` : ""}\` command of Prefect ${release} takes \`${flag}\` (\`prefect ${key}\` has it in ${span.first}–${span.last})`,
  );
}

/**
 * "Python 3.8 is supported": judged by the Python support table for the release. A Python newer than the release's
 * newest is false only when a later release added it; one newer still than the table knows is undecidable.
 */
function checkPythonSupport(python: string, release: string): Verdict {
  const verdict = pythonVerdict(python, release);
  if (!verdict) return unknown();
  const range = verdict.row.python;
  if (verdict.supported) return yes(`Prefect ${release} supports Python ${range[0]} to Python ${range.at(-1)}`);
  if (verdict.older) return no(`Prefect ${release} needs Python ${range[0]} or newer, not Python ${python}`);
  return verdict.supportedFrom
    ? no(`Python ${python} is supported from Prefect ${verdict.supportedFrom}, not in Prefect ${release}`)
    : unknown();
}

/** "`X` is not deprecated": false when the facts flag `X` deprecated in the release, true when present unflagged. */
function checkNotDeprecated(fq: string, { facts, release }: CheckContext): Verdict {
  if (facts.presence(fq, release).status !== "present") return unknown();
  return facts.isDeprecated(fq, release)
    ? no(`\`${short(fq)}\` is deprecated in Prefect ${release}`)
    : yes(`\`${short(fq)}\` carries no deprecation in Prefect ${release}`);
}

/**
 * "`X` has been deprecated since V": the facts' first release that flags `X` deprecated. Flags may miss a deprecation,
 * never invent one, so only a known later start decides it false: when neither the stated release nor the asker's
 * has reached it.
 */
function checkDeprecatedSince(fq: string, stated: string, { facts, release }: CheckContext): Verdict {
  if (facts.presence(fq, release).status !== "present") return unknown();
  const first = facts.releases.find((r) => facts.presence(fq, r).status === "present" && facts.isDeprecated(fq, r));
  if (!first) return unknown();
  if (within(stated, first)) return yes(`\`${short(fq)}\` is first deprecated in Prefect ${first}`);
  if (isBefore(release, first) && isBefore(stated, first) && !within(stated, release))
    return no(
      `\`${short(fq)}\` is first deprecated in Prefect ${first}, not ${stated} (Prefect ${release} has no deprecation)`,
    );
  return unknown();
}

function checkBehaviour(claim: Claim, ctx: CheckContext): Verdict {
  const { release } = ctx;
  if (claim.subject === PYTHON_SUPPORT) return checkPythonSupport(claim.detail!, release);
  if (claim.subject === NOT_DEPRECATED) return checkNotDeprecated(claim.detail!, ctx);
  if (claim.subject === DEPRECATED_SINCE) return checkDeprecatedSince(claim.detail!, claim.version!, ctx);
  const b = BEHAVIOURS.find((x) => x.id === claim.subject);
  if (!b) return unknown();
  return b.holds(release) ? yes(b.fact(release)) : no(b.fact(release));
}
