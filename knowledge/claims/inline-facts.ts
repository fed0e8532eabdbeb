// The facts-driven pass: every call, dotted name, keyword and flag written in inline code is checked against the
// release wherever it stands in the sentence, with no cue word needed. A call chain is walked through the facts
// (`my_flow.from_source(...).deploy(...)`: the variable's type, each member on the type before it, each keyword on
// the callable it is passed to, and the type each call returns); a flag is checked against the CLI history. Only
// Prefect names and members of known Prefect types are judged: a user's own `notify(...)` resolves to nothing.

import { anotherActor, commandKey, type ExtractContext } from "./extract.js";
import { PARAM_TOPICS, QUANTITY_UNITS, RUN_WORDS, SETTING_TOPICS, TYPE_NOUNS } from "./lexicon.js";
import { moduleAttributeNamed } from "./module-attributes.js";
import { type ChainStep, parseChain } from "./python-chain.js";
import type { Token } from "./tokens.js";
import type { Claim } from "./types.js";

/** What the pass borrows from the sentence readers. */
export interface InlineReaders {
  /** The callables a bare or variable-qualified name can be (`deploy` → `Flow.deploy` and `prefect.deploy`). */
  callees(text: string): string[];
}

const SKIPPED_PREFIXES = ["prefect ", "from ", "import ", "@", "-", "PREFECT_"];

/**
 * Claims of every call chain in the clause's inline code. A chain another reader already used gives only the
 * keywords of its calls; the others also give the existence of their head and each member along the chain.
 */
export function readInlineCalls(clause: Token[], ctx: ExtractContext, used: Set<number>, readers: InlineReaders) {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (t.type !== "code" || SKIPPED_PREFIXES.some((p) => t.text.startsWith(p))) return;
    const chain = parseChain(t.text);
    if (!chain) return;
    // `task_runner=ThreadPoolTaskRunner(max_workers=4)`: the keyword is the parameter readers' business, its value
    // is checked here like any argument.
    if (chain.keyword) {
      out.push(...walkValue(chain.steps, ctx, readers));
      return;
    }
    if (!chain.steps.some((s) => s.args)) return;
    const single = chain.steps.length === 1;
    // A single call's name is said to exist by the existence reader; a chain's by this walk.
    const full = !used.has(i) && !single;
    out.push(...walk(chain.steps, ctx, readers, { headExists: full, membersToo: full || single }));
    if (full) used.add(i);
    // `atransaction()` on 3.3.2, `Cron(...)` on 3.1: a plain call is read as the user's own unless only a later
    // release of the asker's major has a Prefect function (or class) of that name (then it is that, said to exist).
    const later = single && !used.has(i) ? laterInMajor(chain.steps[0]!.name, ctx) : undefined;
    if (later) {
      used.add(i);
      out.push(later);
    }
  });
  return out;
}

/**
 * A module-level Prefect function the asker's release lacks but a later release of its major has: the existence
 * claim a plain call of it makes (the reader of names leaves plain words alone, as they may be the user's own).
 */
function laterInMajor(name: string, ctx: ExtractContext): Claim | undefined {
  const { facts, release } = ctx;
  // A plain capitalised name (`Cron(...)`) is a class the same way; a distinctive one is the name reader's.
  const capitalised = /^[A-Z][a-z0-9]+$/.test(name);
  if (ctx.names.distinctive(name) || (name !== name.toLowerCase() && !capitalised)) return undefined;
  if (facts.locate(name, release).length > 0) return undefined;
  const major = release.startsWith("2.") ? 2 : 3;
  const fq = facts.locate(name, facts.latestOfMajor(major))[0];
  const kind = fq && (facts.resolve(fq, facts.latestOfMajor(major))?.kind ?? facts.symbol(fq)?.kind);
  if (!fq || !(kind === "function" || (capitalised && kind === "class"))) return undefined;
  if (fq.includes("._") || /\.(server|cli|testing|client)\./.test(fq)) return undefined;
  return { kind: "exists", statement: `\`${name}\` exists`, subject: fq, detail: name, mention: true };
}

/** An argument's value: a call or a Prefect name (`Cron("0 2 * * *", timezone="UTC")`, `NO_CACHE`). */
function walkValue(steps: ChainStep[], ctx: ExtractContext, readers: InlineReaders): Claim[] {
  // A bare name as a value (`cache_policy=NONE`) is the parameter reader's, which judges only distinctive names.
  if (!steps.some((s) => s.args)) return [];
  return walk(steps, ctx, readers, { headExists: true, membersToo: true, prefectOnly: true });
}

interface WalkOptions {
  /** Claim that the chain's head exists (a chain found inside another, which no other reader sees). */
  headExists: boolean;
  /** Claim each member along the chain (off when another reader already read the span's members). */
  membersToo: boolean;
  /** Read the chain only when its head is a Prefect API (an argument's value may be anything). */
  prefectOnly?: boolean;
}

interface Head {
  /** The callables the head's call may be (a bare method name has several readings). */
  callables: string[];
  /** The class whose members the next step names (an instance, or the class itself), if known. */
  type?: string;
  /** Steps the head took. */
  taken: number;
  exists?: Claim;
}

function walk(steps: ChainStep[], ctx: ExtractContext, readers: InlineReaders, opts: WalkOptions): Claim[] {
  const { facts, release } = ctx;
  const head = readHead(steps, ctx, readers, opts);
  if (!head) return [];
  const out: Claim[] = [];
  if (opts.headExists && head.exists) out.push(head.exists);
  // The head's own call: its keywords, and the type it returns.
  const first = steps[head.taken - 1]!;
  let type = head.type;
  if (first.args && head.callables.length > 0) {
    out.push(...argClaims(first, head.callables, ctx, readers));
    if (head.callables.length === 1)
      type = returned(head.callables[0]!, ctx) ?? (isClass(ctx, head.callables[0]!) ? head.callables[0] : undefined);
    else type = undefined;
  }
  for (const step of steps.slice(head.taken)) {
    if (!type) break;
    const members = facts.members(type, release);
    const method = `${type}.${step.name}`;
    if (!members) {
      // The type is not in the release (2.x's `Deployment` on 3.x): the member is judged as a name, with its history.
      if (opts.membersToo && facts.symbol(method))
        out.push({
          kind: "exists",
          statement: `\`${short(type)}.${step.name}\` exists`,
          subject: method,
          detail: `${short(type)}.${step.name}`,
          mention: true,
        });
      break;
    }
    if (opts.membersToo)
      out.push({
        kind: "member",
        statement: `\`${short(type)}\` has \`.${step.name}()\``,
        subject: type,
        detail: step.name,
        mention: true,
      });
    if (!members.names.includes(step.name)) break;
    if (!step.args) {
      type = undefined;
      break;
    }
    out.push(...argClaims(step, [method], ctx, readers));
    type = returned(method, ctx);
  }
  return out;
}

const short = (fq: string) => fq.split(".").at(-1)!;

function isClass(ctx: ExtractContext, fq: string): boolean {
  const kind = ctx.facts.resolve(fq, ctx.release)?.kind ?? ctx.facts.symbol(fq)?.kind;
  // A name recorded by its latest kind (`ConcurrentTaskRunner`, a plain alias in 3.x) is a class in a release that
  // has its constructor.
  return kind === "class" || (kind === "variable" && ctx.facts.params(`${fq}.__init__`, ctx.release) !== undefined);
}

/** The Prefect class a call returns in the release, when its annotation names one (not the server's types). */
function returned(callable: string, ctx: ExtractContext): string | undefined {
  const fq = ctx.facts.returnType(callable, ctx.release);
  return fq && !fq.includes(".server.") ? fq : undefined;
}

/** Keywords of a call as parameters of each reading, and every argument's value as a chain of its own. */
function argClaims(step: ChainStep, callables: string[], ctx: ExtractContext, readers: InlineReaders): Claim[] {
  const out: Claim[] = [];
  for (const arg of step.args ?? []) {
    if (arg.keyword) {
      const [callable, ...others] = callables as [string, ...string[]];
      out.push({
        kind: "param",
        statement: `\`${callable}\` takes \`${arg.keyword}\``,
        subject: callable,
        detail: arg.keyword,
        ...(others.length > 0 ? { alternatives: callables } : {}),
      });
    }
    const value = parseChain(arg.value);
    if (value && !value.keyword) out.push(...walkValue(value.steps, ctx, readers));
  }
  return out;
}

/**
 * What a chain starts with: `prefect.a.b(...)` written in full, a Prefect class (`Automation`, `Cron(...)`), a
 * variable named for a type (`my_flow`, `fut`), or a bare call of a Prefect callable (`run_deployment(...)`,
 * `delay()`).
 */
function readHead(
  steps: ChainStep[],
  ctx: ExtractContext,
  readers: InlineReaders,
  opts: WalkOptions,
): Head | undefined {
  const { facts, names } = ctx;
  const name = steps[0]!.name;
  if (name === "prefect") {
    // The written path up to its first call (or its end) is one API.
    let k = 1;
    while (k < steps.length && !steps[k - 1]!.args) k++;
    const fq = steps
      .slice(0, k)
      .map((s) => s.name)
      .join(".");
    if (k < 2) return undefined;
    return {
      callables: steps[k - 1]!.args ? [fq] : [],
      type: isClass(ctx, fq) ? fq : undefined,
      taken: k,
      exists: { kind: "exists", statement: `\`${fq}\` exists`, subject: fq, detail: fq, mention: true },
    };
  }
  // A class or module-level API named by its short name: CamelCase or snake_case, or a capitalised class name
  // (`Variable.set(...)`, `Cron(...)`); in code a plain lower-case word is a variable.
  const capitalised = name[0] !== name[0]!.toLowerCase();
  const written = names.distinctive(name) || capitalised ? names.api(name) : undefined;
  // Of the classes with that name, the one that ever had the next member is meant (`Deployment.build_from_flow` is
  // 2.x's `Deployment`, not the 3.x client schema).
  const member = !steps[0]!.args && steps[1] ? names.api(`${name}.${steps[1].name}`) : undefined;
  const owning = member?.slice(0, member.lastIndexOf("."));
  const fq =
    written && owning && owning !== written && facts.symbol(member!) && isClass(ctx, owning) ? owning : written;
  if (fq && facts.symbol(fq)) {
    const exists: Claim = { kind: "exists", statement: `\`${name}\` exists`, subject: fq, detail: name, mention: true };
    if (isClass(ctx, fq)) return { callables: steps[0]!.args ? [fq] : [], type: fq, taken: 1, exists };
    const callables = steps[0]!.args ? readers.callees(name) : [];
    return { callables, taken: 1, exists };
  }
  if (opts.prefectOnly) return undefined;
  // A variable named for what it holds (`my_flow`, `child_flow_run`, `fut`): an instance of that type.
  const owner = steps.length > 1 && !steps[0]!.args && name === name.toLowerCase() ? names.owner(name) : undefined;
  // … unless the name is also a module that serves the attribute (`flow_run.parent_flow_run_id`): the member
  // reader judges that reading.
  if (owner && !steps[1]!.args && moduleAttributeNamed(name, steps[1]!.name, facts)) return undefined;
  if (owner) return { callables: [], type: owner, taken: 1 };
  // A bare call (`deploy(...)`, `delay()`): the callables the name can be, a method of a Prefect type included.
  if (!steps[0]!.args) return undefined;
  const callables = readers.callees(name);
  return callables.length > 0 ? { callables, taken: 1 } : undefined;
}

/** "--overwrite", "`--prefetch-seconds 30`": flags written alone, outside a `prefect …` command. */
export function readLoneFlags(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  // A flag after a `prefect …` command written in prose is the command reader's; one before a command written in
  // code ("use `--pool` with `prefect agent start`") is that command's.
  const prose = clause.findIndex((t) => t.type === "word" && t.text === "prefect");
  const commandAt = clause.findIndex(
    (t) => t.type === "code" && t.text.startsWith("prefect ") && commandKey(ctx.facts, t.text.split(" ").slice(1)),
  );
  const written = commandAt >= 0 ? commandKey(ctx.facts, clause[commandAt]!.text.split(" ").slice(1)) : undefined;
  clause.forEach((t, i) => {
    if (used.has(i) || !t.text.startsWith("--") || t.text.length < 4) return;
    if (t.type !== "code" && t.type !== "flag") return;
    if (prose >= 0 && prose < i) return;
    const flag = t.text.split(/[ =]/)[0]!;
    used.add(i);
    // "`prefect --profile prod config set …`": a flag the command's own code writes before its command words is an
    // option of `prefect` itself, not the command's.
    if (written && globalIn(clause[commandAt]!.text, written, flag)) return;
    // After another actor ("… the template you pass back with `--x`") the flag is that action's command's.
    // "To target a pool from that command, add `--x`": a demonstrative before "command" points at the command the
    // text named last, whose flag it then is (no guess).
    const command =
      written && !(commandAt < i && anotherActor(clause, commandAt, i))
        ? written
        : !written && ctx.lastCommand && pointsAtCommand(ctx.sentenceTokens ?? clause)
          ? ctx.lastCommand
          : undefined;
    if (command) {
      out.push({ kind: "cli", statement: `\`prefect ${command} ${flag}\` exists`, subject: command, detail: flag });
      return;
    }
    // "tag a queue with `--tag etl`": with no command named, a noun naming one command group ("queue":
    // `work-queue`) says whose commands the flag is for.
    const group = ctx.lastCommand ? undefined : groupNamed(clause, ctx);
    out.push({
      kind: "cli",
      statement: `a \`prefect${group ? ` ${group}` : ""}\` command takes \`${flag}\``,
      subject: `flag:${flag}`,
      detail: group ? `group:${group}` : (ctx.lastCommand ?? ""),
    });
  });
  return out;
}

/** "that command", "this command", "the same command": the sentence points back at a command named before. */
function pointsAtCommand(sentence: Token[]): boolean {
  return sentence.some(
    (t, k) =>
      ["command", "command's"].includes(t.lower) &&
      (["that", "this"].includes(sentence[k - 1]?.lower ?? "") ||
        (sentence[k - 1]?.lower === "same" && sentence[k - 2]?.lower === "the")) &&
      !sentence.some((x) => x.type === "code" && x.text.startsWith("prefect ")),
  );
}

/** True when `prefect … <flag> … <command words>` writes the flag before the command's own words. */
function globalIn(code: string, command: string, flag: string): boolean {
  const words = code.split(" ").slice(1);
  const at = words.findIndex((w) => w.split("=")[0] === flag);
  const first = words.indexOf(command.split(" ")[0]!);
  return at >= 0 && first > at;
}

const DETERMINERS = new Set(["a", "an", "the", "your", "each", "every", "that", "this"]);
const FLAG_NOUNS = new Set(["flag", "flags", "option", "options", "switch", "switches"]);

/** The one CLI command group a noun after a determiner names ("a queue": `work-queue`, "the pool": `work-pool`). */
function groupNamed(clause: Token[], ctx: ExtractContext): string | undefined {
  const { facts } = ctx;
  const groups = [...new Set([...facts.cliGroups(facts.latest), ...facts.cliGroups(facts.latestOfMajor(2))])];
  const named = new Set<string>();
  clause.forEach((t, i) => {
    if (t.type !== "word" || !DETERMINERS.has(clause[i - 1]?.lower ?? "")) return;
    // "the schedule flags" names a kind of flag, not the `schedule` commands.
    if (FLAG_NOUNS.has(clause[i + 1]?.lower ?? "")) return;
    const word = t.lower;
    const matches = groups.filter((g) => g === word || g.endsWith(`-${word}`));
    if (matches.length === 1) named.add(matches[0]!);
  });
  return named.size === 1 ? [...named][0] : undefined;
}

const TIME_UNITS = new Set(
  Object.keys(QUANTITY_UNITS).filter(
    (u) => !["bytes", "kb", "kib", "mb", "mib", "gb", "gib", "characters", "chars", "times", "retries"].includes(u),
  ),
);

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
};

/** Words that stand for one of the unit after them ("every minute", "an hour"). */
const ONE_OF_UNIT = new Set(["a", "an", "every", "per", "each"]);
/**
 * Units one of which is said with a word: not "second" ("a second time" counts, not times) and not sizes (a
 * "per MB" rate is no amount).
 */
const WHOLE_UNITS = new Set(["minute", "hour", "day"]);

/** Verbs of what a release comes with: "set" right after one is a participle stating the default ("ships set to 3"). */
const SHIPPING_WORDS = ["ships", "shipped", "comes", "came", "arrives"];

/** Words that state what a value is (not what to change it to). */
const STATE_CUES = new Set([
  "default",
  "defaults",
  "every",
  "caps",
  "capped",
  "is",
  "are",
  "at",
  "after",
  "of",
  "than",
  "over",
  "above",
  "beyond",
  "exceeding",
  "interval",
  // "a 10-second cadence", "a 30-day window": a noun of rate or span names what the value is.
  "cadence",
  "frequency",
  "period",
  "window",
  // "retried up to three times": a cap stated is the value.
  "up",
  // "… ships set to 3", "comes preset to 10": what a value is out of the box.
  ...SHIPPING_WORDS,
]);
/** Words that say the number is what to set, not what it is. */
const SET_WORDS = new Set([
  "set",
  "setting",
  "raise",
  "lower",
  "increase",
  "decrease",
  "change",
  "bump",
  "reduce",
  // A constraint on the value ("must be greater than or equal to 30") is not the value.
  "must",
  "should",
  "minimum",
  "least",
  "valid",
  // A wish or a condition ("to make workers poll every 5 seconds", "if you want …") is not what the value is.
  "if",
  "unless",
  "want",
  "wants",
  "make",
  "need",
  "needs",
  "prefer",
  "would",
  "could",
]);

/**
 * The one quantity a sentence states ("25,000 characters by default", "every 30 seconds", "a 15-second interval"),
 * when it states what a value is rather than what to set it to. Undefined for none, several, or a setting verb.
 */
export function statedQuantity(tokens: Token[]): string | undefined {
  if (tokens.some((t) => t.lower.includes("="))) return undefined;
  // A verb of setting or a constraint before the number makes it another value ("set it to 30", "must be at least
  // 30"); one after it does not ("… every 15 seconds unless you change it").
  const setAt = tokens.findIndex(
    (t, i) => SET_WORDS.has(t.lower) && !(t.lower === "set" && SHIPPING_WORDS.includes(tokens[i - 1]?.lower ?? "")),
  );
  if (!tokens.some((t) => STATE_CUES.has(t.lower))) return undefined;
  const found = new Set<string>();
  let skipTo = 0;
  tokens.forEach((t, i) => {
    if (i < skipTo) return;
    let amount: number | undefined;
    let next = i + 1;
    // "127.0.0.1": the last part of a dotted address (read as a version, then a number) is no quantity.
    if (t.type === "version" && /^\d+$/.test(t.text) && tokens[i - 1]?.type === "version") return;
    if (t.type === "version" && /^\d+$/.test(t.text)) {
      // "25,000": thousands written with a comma.
      let text = t.text;
      while (tokens[next]?.text === "," && /^\d{3}$/.test(tokens[next + 1]?.text ?? "")) {
        text += tokens[next + 1]!.text;
        next += 2;
      }
      amount = Number(text);
      skipTo = next;
    } else if (t.type === "word" && Object.hasOwn(NUMBER_WORDS, t.lower)) amount = NUMBER_WORDS[t.lower];
    else if (t.type === "word" && ONE_OF_UNIT.has(t.lower) && WHOLE_UNITS.has(tokens[next]?.lower ?? "")) {
      // "every minute", "an hour", "half a minute": one (or half) of a unit of time.
      amount = 1;
    } else if (t.lower === "half" && ["a", "an"].includes(tokens[next]?.lower ?? "")) {
      amount = 0.5;
      next += 1;
      skipTo = next + 1;
    }
    if (amount === undefined) return;
    // "half a minute" has been read as one quantity; its article is no second one.
    if (["a", "an"].includes(t.lower) && tokens[i - 1]?.lower === "half") return;
    if (setAt >= 0 && setAt < i) return;
    // A version ("Prefect 3") or a count of things in a list is no quantity of the setting.
    if (["prefect", "version", "v"].includes(tokens[i - 1]?.lower ?? "")) return;
    const after = tokens[next];
    const unitWord = after?.type === "flag" ? after.lower.replace(/^-+/, "") : after?.lower;
    const unit = unitWord && Object.hasOwn(QUANTITY_UNITS, unitWord) ? unitWord : undefined;
    if (t.type === "word" && !unit) return;
    found.add(unit ? `${amount} ${unit}` : String(amount));
  });
  return found.size === 1 ? [...found][0] : undefined;
}

/** Nouns and verbs next to a name that say it is a parameter ("the `on_running` hook", "pass a `retry_condition_fn`"). */
const PARAM_WORDS = new Set([
  "argument",
  "arguments",
  "parameter",
  "parameters",
  "kwarg",
  "kwargs",
  "keyword",
  "option",
  "hook",
  "hooks",
  "pass",
  "passing",
]);
const TYPE_OWNERS = [...new Set(Object.values(TYPE_NOUNS))];
/** Words after a list of names that say where they apply ("… work on tasks too"). */
const APPLY_WORDS = new Set(["work", "works", "apply", "applies"]);

/**
 * A snake_case name in inline code that no API is named but some API takes as a parameter: the parameter of the
 * type a noun in the clause names ("the `on_running` hook … when a task starts", "… work on tasks too"), or, next to
 * a word that makes it a parameter, of whichever API takes it ("pass a `retry_condition_fn`").
 */
export function readNamedParams(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  const nouns = clause.flatMap((t, i) =>
    t.type === "word" &&
    Object.hasOwn(TYPE_NOUNS, t.lower) &&
    !t.lower.startsWith("future") &&
    !RUN_WORDS.has(clause[i + 1]?.lower ?? "")
      ? [TYPE_NOUNS[t.lower]!]
      : [],
  );
  const owner = new Set(nouns).size === 1 ? nouns[0] : undefined;
  const applies = clause.some((t) => APPLY_WORDS.has(t.lower));
  clause.forEach((t, i) => {
    if (used.has(i) || t.type !== "code") return;
    // `timeout=30` is a keyword whatever else the name is; a bare name must be snake_case and no API's name.
    const keyword = /^[a-z_][a-z0-9_]*=[^=]/.test(t.text);
    const name = keyword ? t.text.split("=")[0]! : t.text;
    if (!keyword && (!name.includes("_") || !/^[a-z_][a-z0-9_]*$/.test(name) || ctx.names.api(name))) return;
    if (ctx.facts.callablesTaking(name).length === 0) return;
    const near = clause.slice(Math.max(0, i - 2), i + 3).some((x) => PARAM_WORDS.has(x.lower));
    // A keyword next to a type noun may be a call's argument (`x=1` for the task's own parameter): it is that type's
    // option only when one of the types the nouns name (flows, tasks) takes it in some release.
    const option = keyword && TYPE_OWNERS.some((fq) => ctx.facts.paramSpan(`${fq}.__init__`, name) !== undefined);
    if (owner && (keyword ? option : near || applies)) {
      used.add(i);
      out.push({ kind: "param", statement: `\`${short(owner)}\` takes \`${name}\``, subject: owner, detail: name });
    } else if (near && !keyword) {
      used.add(i);
      out.push({ kind: "param", statement: `\`${name}\` is a parameter`, subject: `param:${name}`, detail: name });
    }
  });
  return out;
}

/**
 * "the `JSON` block in `prefect.blocks.system`", "`wait` from `prefect.futures`": a name placed in a Prefect module
 * written in full, with at most two words between, says the module has it (judged like an import).
 */
export function readPlacedNames(clause: Token[], ctx: ExtractContext, used: Set<number>): Claim[] {
  const out: Claim[] = [];
  clause.forEach((t, i) => {
    if (used.has(i) || t.type !== "code" || !/^[A-Za-z_]\w*$/.test(t.text)) return;
    // "`X`, which you import from `M`", "the `S3` block, that one still ships in `M`": a relative clause after the
    // name reaches the place too, a few words further on.
    // The name may have its noun first ("the `S3` filesystem block, that one …").
    let comma = i + 1;
    while (comma < i + 3 && clause[comma]?.type === "word") comma++;
    const relative = clause[comma]?.text === "," && ["which", "that"].includes(clause[comma + 1]?.lower ?? "");
    const reach = relative ? comma - i + 5 : 3;
    for (let j = i + 1; j <= Math.min(clause.length - 2, i + reach); j++) {
      const x = clause[j]!;
      if (relative && j === comma) continue;
      if (x.lower === "in" || x.lower === "from") {
        const m = clause[j + 1]!;
        const kind = m.type === "code" && m.text.startsWith("prefect.") ? ctx.facts.symbol(m.text)?.kind : undefined;
        if (kind !== "module") return;
        used.add(i);
        used.add(j + 1);
        out.push({
          kind: "import",
          statement: `\`${t.text}\` is in \`${m.text}\``,
          subject: m.text,
          detail: t.text,
        });
        return;
      }
      if (x.type !== "word") return;
    }
  });
  return out;
}

/** "… back from `X`", "the return value of `X`", "… returned by `X`": the word before the callable, by phrase. */
const RETURNED_FROM: [cue: string, before: string][] = [
  ["back", "from"],
  ["return", "of"],
  ["returned", "by"],
  ["result", "of"],
];

/**
 * What a callable returns, said with the callable after the type ("you get a `PrefectFuture` back from
 * `run_deployment`", "the return value of `X` is a `T`"): the one Prefect class named in code and the one callable
 * after the phrase's preposition.
 */
export function readReturnedFrom(
  clause: Token[],
  ctx: ExtractContext,
  used: Set<number>,
  callees: (text: string) => string[],
): Claim[] {
  const words = clause.map((t) => t.lower);
  const phrase = RETURNED_FROM.find(([cue, before]) => {
    const at = words.indexOf(cue);
    return at >= 0 && words.slice(at + 1, at + 4).includes(before);
  });
  if (!phrase) return [];
  const prep = words.indexOf(phrase[1], words.indexOf(phrase[0]));
  const target = clause.findIndex((t, i) => i > prep && i <= prep + 2 && t.type === "code");
  if (target < 0 || used.has(target)) return [];
  const written = clause[target]!.text.replace("()", "").split("(")[0]!;
  const readings = written.split(".").every((p) => /^[A-Za-z_]\w*$/.test(p)) ? callees(written) : [];
  if (readings.length !== 1) return [];
  const types = clause.flatMap((t, i) => {
    if (i === target || t.type !== "code") return [];
    const cls = ctx.names.owner(t.text);
    return cls ? [[i, cls] as const] : [];
  });
  if (types.length !== 1) return [];
  const [at, cls] = types[0]!;
  used.add(target);
  used.add(at);
  return [{ kind: "returns", statement: `\`${readings[0]}\` returns a ${cls}`, subject: readings[0]!, detail: cls }];
}

/**
 * A setting's value said without its name ("workers poll every 15 seconds"): the clause's one quantity in a unit,
 * read as the default of the setting its words name (`SETTING_TOPICS`). The topic whose first word comes first wins
 * ("workers poll on the same interval as agents" is about workers).
 */
/**
 * "`wait_for_flow_run` polls every 10 seconds": a callable in code said to do what one of its parameters sets
 * (`PARAM_TOPICS`), with one quantity in a unit of time, states that parameter's default. Only a parameter the
 * callable takes with a number for its default is read (a `None` may mean "decided elsewhere").
 */
export function readParamTopics(
  clause: Token[],
  ctx: ExtractContext,
  readers: InlineReaders,
  sentence: Token[],
): Claim[] {
  if (sentence.some((t) => t.text.startsWith("PREFECT_"))) return [];
  const words = clause.map((t) => t.lower);
  const topic = PARAM_TOPICS.find(
    (p) => words.some((w) => p.words.includes(w)) && words.some((w) => p.cues.includes(w)),
  );
  if (!topic) return [];
  // "… every 10 seconds, which you can change with `poll_interval`": a trailing phrase that only names the parameter
  // to change says what it is called; the rest of the sentence states the value.
  const knob = knobPhrase(sentence, topic.params);
  const head = knob >= 0 ? sentence.slice(0, knob) : sentence;
  // "Set `poll_interval=10` so … polls every 10 seconds": a sentence that sets or passes the value is no default.
  const setting = head.some(
    (t) =>
      SET_WORDS.has(t.lower) ||
      ["pass", "passing", "with"].includes(t.lower) ||
      (t.type === "code" && topic.params.some((p) => t.text.includes(p))),
  );
  if (setting) return [];
  const callables = clause.filter((t) => t.type === "code").map((t) => readers.callees(t.text.split("(")[0]!.trim()));
  const named = callables.filter((c) => c.length > 0);
  // "Call `wait_for_flow_run(…)`. It polls every 10 seconds": a sentence that opens with "it" and names no code
  // is about the one callable the previous sentence named that takes the topic's parameter.
  // "While waiting it polls …", "While it waits, it checks …": a leading phrase of time before the pronoun too.
  const carried =
    named.length === 0 && opensWithIt(head) && !head.some((t) => t.type === "code")
      ? (ctx.lastSubjects ?? []).filter((fq) =>
          ctx.facts.params(fq, ctx.release)?.some((p) => topic.params.includes(p.name)),
        )
      : [];
  if (carried.length === 1) named.push(carried);
  if (named.length !== 1 || named[0]!.length !== 1) return [];
  const callable = named[0]![0]!;
  const quantity = statedQuantity(clause);
  const unit = quantity?.split(" ")[1];
  if (!quantity || !unit || !TIME_UNITS.has(unit)) return [];
  const params = ctx.facts.params(callable, ctx.release) ?? [];
  const param = topic.params.map((n) => params.find((p) => p.name === n)).find(Boolean);
  if (!param?.defaultValue || !Number.isFinite(Number(param.defaultValue))) return [];
  return [
    {
      kind: "default",
      statement: `\`${param.name}\` of \`${callable}\` defaults to ${quantity}`,
      subject: callable,
      detail: `${param.name}=${quantity}`,
    },
  ];
}

/** Words of a trailing phrase that names the parameter to change ("…, which you can change with `p`"). */
const KNOB_WORDS = new Set([
  ",",
  "which",
  "you",
  "can",
  "may",
  "change",
  "adjust",
  "tune",
  "override",
  "configure",
  "with",
  "via",
  "through",
  "by",
  "unless",
  "controlled",
  "configurable",
  "using",
]);

/**
 * Where a trailing phrase starts that only names one of the parameters, bare, as what to change ("…, which you can
 * change with `poll_interval`.", "… unless you change `poll_interval`."), or -1.
 */
function knobPhrase(sentence: Token[], params: string[]): number {
  let end = sentence.length;
  while (end > 0 && sentence[end - 1]!.type === "punct" && sentence[end - 1]!.text !== ",") end--;
  const knob = sentence[end - 1];
  if (knob?.type !== "code" || !params.includes(knob.text)) return -1;
  let start = end - 1;
  while (start > 0 && KNOB_WORDS.has(sentence[start - 1]!.lower)) start--;
  const words = sentence.slice(start, end - 1).map((t) => t.lower);
  // A verb of changing or controlling must say what the name is for ("with `p`" alone passes it).
  const verb = ["change", "adjust", "tune", "override", "configure", "controlled", "configurable"];
  return words.some((w) => verb.includes(w)) ? start : -1;
}

/** "It polls …", "While waiting it polls …", "While it waits, it checks …": the clause's subject is "it". */
function opensWithIt(sentence: Token[]): boolean {
  const first = sentence[0]?.lower ?? "";
  if (["it", "it's"].includes(first)) return true;
  if (!["while", "when", "whilst", "until"].includes(first)) return false;
  // A short leading phrase of time of plain words, then "it" (after a comma or not).
  const it = sentence.findIndex((t, k) => k > 1 && t.lower === "it");
  return (
    it > 0 && it <= 5 && sentence.slice(1, it).every((t) => (t.type === "word" && t.lower !== "that") || t.text === ",")
  );
}

export function readSettingTopics(clause: Token[], sentence: Token[]): Claim[] {
  // A sentence that names a setting says which value it means.
  if (sentence.some((t) => t.text.startsWith("PREFECT_"))) return [];
  const words = clause.map((t) => t.lower);
  let best: { at: number; settings: string[] } | undefined;
  for (const topic of SETTING_TOPICS) {
    const hits = topic.groups.map((g) => words.findIndex((w) => g.includes(w)));
    if (hits.some((h) => h < 0) || !words.some((w) => topic.cues.includes(w))) continue;
    if (!best || hits[0]! < best.at) best = { at: hits[0]!, settings: topic.settings };
  }
  if (!best) return [];
  // These settings are all durations: only a quantity in a unit of time is theirs.
  const quantity = statedQuantity(clause);
  const unit = quantity?.split(" ")[1];
  if (!unit || !TIME_UNITS.has(unit)) return [];
  return [
    {
      kind: "setting",
      statement: `${best.settings[0]} defaults to ${quantity}`,
      subject: best.settings.join("|"),
      detail: quantity,
    },
  ];
}
