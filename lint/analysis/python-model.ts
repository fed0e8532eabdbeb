// What the linter knows about a snippet: which local names are bound to what (prefect imports, flows, tasks, plain
// values) and a small type inference over expressions. Anything it cannot be sure of is "unknown", and unknown values
// are never checked: a rule only speaks when the model is certain.
import type { PrefectFacts } from "../../knowledge/index.js";
import type { Node } from "../python-parser.js";
import {
  field,
  isAsyncFunction,
  keywordArguments,
  named,
  positionalArguments,
  targetNames,
  walk,
} from "./tree-walk.js";

export const FLOW_CLASS = "prefect.flows.Flow";
export const TASK_CLASS = "prefect.tasks.Task";
const FLOW_DECORATOR = "prefect.flows.flow";
const TASK_DECORATOR = "prefect.tasks.task";

export interface FunctionInfo {
  name: string;
  node: Node;
  kind: "flow" | "task" | "plain";
  isAsync: boolean;
  /** Defined inside another function (cannot be pickled by reference). */
  nested: boolean;
  /** The `@flow(...)` / `@task(...)` decorator expression, when there is one. */
  decorator?: Node;
  /** Another decorator sits outside `@flow`/`@task` (e.g. an infrastructure decorator): the name is not a plain Flow. */
  wrapped: boolean;
}

export type PyType =
  | { t: "module"; fq: string }
  /** A prefect name as written (may be a re-export), e.g. a function or a class object. */
  | { t: "symbol"; fq: string }
  /** An instance of a prefect class, by its defining name. */
  | { t: "instance"; cls: string }
  /** `loaded`: a flow `from_source(...)` gave, which carries the storage its code comes from. */
  | { t: "flow"; fn?: FunctionInfo; loaded?: boolean }
  | { t: "task"; fn?: FunctionInfo }
  /** A future from `.submit()`; `site` is the call. */
  | { t: "future"; site: Node }
  /** A list of futures from `.map()` or a comprehension of submits. */
  | { t: "futures"; site: Node }
  /**
   * What a direct call of a task or flow gives (`fetch(1)`, no `return_state=`): the run's return value, whatever it
   * is, never a future. `site` is the call, so a rule can say which task it was and whether it was async.
   */
  | { t: "returned"; site: Node }
  /** A list (literal, comprehension or appended to) whose elements all have the type `of`; futures keep "futures". */
  | { t: "list"; of: PyType; site: Node }
  /** A bound member of a typed value, e.g. `my_task.submit`. */
  | { t: "member"; owner: PyType; name: string }
  /**
   * What a call returns when the callable's return annotation in the release is exactly `None` (3.x
   * `PrefectFuture.wait()`): `callable` is its fully qualified name, `receiver` the text of the object it was called on.
   */
  | { t: "none"; callable: string; site: Node; receiver?: string }
  | { t: "unknown" };

const UNKNOWN: PyType = { t: "unknown" };
const MAX_DEPTH = 60;

/** Return types the facts cannot give reliably (annotations as strings, sync/async dispatch). */
const CURATED_RETURNS: Record<string, string> = {
  "prefect.deployments.flow_runs.run_deployment": "prefect.client.schemas.objects.FlowRun",
  "prefect.deployments.deployments.run_deployment": "prefect.client.schemas.objects.FlowRun",
  // A classmethod annotated with a quoted generic (`'Flow[P, R]'`) in 3.x and a type variable in 2.x, and made a
  // coroutine in async code by its sync/async decorator: the synchronous call gives a Flow.
  "prefect.flows.Flow.from_source": FLOW_CLASS,
};
/** What a list may hold for its elements to be followed (a value the rules can check once it is taken out). */
const ELEMENT_KINDS = new Set<PyType["t"]>(["instance", "returned", "flow", "task"]);
/** List methods that put elements in, and which argument is the element (or, for extend, the list of them). */
const ADDING_METHODS: Record<string, number> = { append: 0, extend: 0, insert: 1 };
/** Builtins whose loop target takes one element of each argument (`enumerate` gives an index first). */
const PAIRING_BUILTINS = new Set(["enumerate", "zip"]);
/** Record fields that hold a State (pydantic fields carry no annotation in the facts). */
const STATE_FIELDS = new Set([
  "prefect.client.schemas.objects.FlowRun.state",
  "prefect.client.schemas.objects.TaskRun.state",
]);
/** The class every future of a release shares; its members stand for all of them. */
const FUTURE_CLASS = "prefect.futures.PrefectFuture";
const FUTURE_LIST_CLASS = "prefect.futures.PrefectFutureList";

/**
 * Prefect names so well known that a fragment using them without an import (`@flow(task_runner=...)` pasted alone)
 * can only mean Prefect's. Generic words (wait, get, serve, tags...) are left out on purpose.
 */
const IMPLICIT_NAMES = new Set([
  "flow",
  "task",
  "Flow",
  "Task",
  "get_run_logger",
  "run_deployment",
  "wait_for_flow_run",
  "pause_flow_run",
  "suspend_flow_run",
  "resume_flow_run",
  "Variable",
  "Secret",
  "ConcurrentTaskRunner",
  "ThreadPoolTaskRunner",
  "ProcessPoolTaskRunner",
  "SequentialTaskRunner",
  "PrefectTaskRunner",
  "PrefectFuture",
  "get_client",
  "unmapped",
  "allow_failure",
  "create_markdown_artifact",
  "create_table_artifact",
  "emit_event",
  // 2.x deployment and infrastructure classes, pasted from old projects without their imports.
  "Deployment",
  "DockerContainer",
  "KubernetesJob",
]);
/** Modules that are not where users get public names from. */
const NOT_PUBLIC = /^prefect\.(main|server|cli|testing|client\.schemas)\.|\._|\.orm_models\./;

/** Members of the `flow` decorator object that are the Flow class's own (`flow.from_source(...)`). */
const DECORATOR_MEMBERS: Record<string, Record<string, string>> = {
  "prefect.flows.flow": { from_source: "prefect.flows.Flow.from_source" },
};

interface Binding {
  kind: "import" | "def" | "assign" | "element" | "opaque";
  /** For imports: the prefect name bound; for assigns: the value expression; for elements: the iterable. */
  fq?: string;
  isModule?: boolean;
  value?: Node;
  fn?: FunctionInfo;
  /** For elements taken through `enumerate(...)`: that call (it counts only while `enumerate` is the builtin). */
  through?: Node;
  /** Set when bound: the name and the scope it lives in (an empty list is typed by what is appended to it). */
  name?: string;
  scope?: Scope;
}

interface Scope {
  node: Node;
  parent: Scope | null;
  isClass: boolean;
  bindings: Map<string, Binding[]>;
}

/** Function-like scopes are keyed by node id. */
export class PythonModel {
  readonly functions: FunctionInfo[] = [];
  private readonly scopes = new Map<number, Scope>();
  private readonly module: Scope;
  private readonly typeCache = new Map<number, PyType>();
  private readonly implicitCache = new Map<string, PyType>();
  private readonly collectedCache = new Map<Binding, PyType>();
  private starImport = false;
  private depth = 0;

  constructor(
    readonly root: Node,
    private readonly facts: PrefectFacts,
    readonly release: string,
  ) {
    this.module = { node: root, parent: null, isClass: false, bindings: new Map() };
    this.scopes.set(root.id, this.module);
    this.collect();
    // Types computed while bindings were still being collected may be stale.
    this.typeCache.clear();
    this.implicitCache.clear();
    this.collectedCache.clear();
  }

  /** The function a node sits in (its innermost def), if any. */
  enclosingFunction(node: Node): FunctionInfo | undefined {
    let current: Node | null = node.parent;
    while (current) {
      if (current.type === "function_definition") return this.functions.find((f) => f.node.id === current!.id);
      current = current.parent;
    }
    return undefined;
  }

  /** The inferred type of an expression; unknown whenever the model is not sure. */
  typeOf(node: Node): PyType {
    const cached = this.typeCache.get(node.id);
    if (cached) return cached;
    if (this.depth > MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      const type = this.compute(node);
      this.typeCache.set(node.id, type);
      return type;
    } finally {
      this.depth--;
    }
  }

  /** The expression a name was bound to, when the name has exactly one binding (an assignment or a `with ... as`). */
  boundValue(identifier: Node): Node | undefined {
    let scope: Scope | null = this.scopeOf(identifier);
    while (scope) {
      const bindings = scope.bindings.get(identifier.text);
      if (bindings) return bindings.length === 1 ? bindings[0]!.value : undefined;
      scope = scope.parent;
      while (scope?.isClass) scope = scope.parent;
    }
    return undefined;
  }

  /**
   * Whether the snippet binds a name (a def, an import, an assignment, a parameter) where `at` can see it; by default
   * at module level.
   */
  binds(name: string, at: Node = this.root): boolean {
    return this.isBound(name, this.scopeOf(at));
  }

  /** The prefect class a typed value is an instance of, if any. */
  classOf(type: PyType): string | undefined {
    if (type.t === "instance") return type.cls;
    if (type.t === "flow") return FLOW_CLASS;
    if (type.t === "task") return TASK_CLASS;
    return undefined;
  }

  /** The defining name of a prefect name in this release (following re-exports). */
  defining(fq: string): string {
    return this.facts.resolve(fq, this.release)?.name ?? fq;
  }

  private compute(node: Node): PyType {
    switch (node.type) {
      case "identifier":
        return this.lookup(node.text, this.scopeOf(node));
      case "parenthesized_expression":
        return named(node)[0] ? this.typeOf(named(node)[0]!) : UNKNOWN;
      case "await": {
        const inner = named(node)[0] ? this.typeOf(named(node)[0]!) : UNKNOWN;
        // Awaiting a task's value is not what the rules on direct calls know about: leave it.
        return inner.t === "returned" ? UNKNOWN : inner;
      }
      case "attribute":
        return this.attributeType(node);
      case "call":
        return this.callType(node);
      case "list_comprehension":
      case "list": {
        const body = node.type === "list" ? named(node) : [field(node, "body")].filter((n): n is Node => n !== null);
        return listOf(
          body.map((b) => this.typeOf(b)),
          node,
        );
      }
      default:
        return UNKNOWN;
    }
  }

  private attributeType(node: Node): PyType {
    const object = field(node, "object");
    const attr = field(node, "attribute")?.text;
    if (!object || !attr) return UNKNOWN;
    const owner = this.typeOf(object);
    if (owner.t === "module") {
      const fq = `${owner.fq}.${attr}`;
      const presence = this.facts.presence(fq, this.release);
      if (presence.status !== "present") return UNKNOWN;
      return presence.fact.kind === "module" ? { t: "module", fq } : { t: "symbol", fq };
    }
    if (owner.t === "symbol") {
      const fact = this.facts.resolve(owner.fq, this.release);
      if (fact?.kind === "class") return { t: "symbol", fq: `${fact.name}.${attr}` };
      const alias = fact ? DECORATOR_MEMBERS[fact.name]?.[attr] : undefined;
      return alias ? { t: "symbol", fq: alias } : UNKNOWN;
    }
    const state = this.stateMember(owner, attr);
    if (state) return state;
    if (["instance", "flow", "task", "future", "futures"].includes(owner.t)) return { t: "member", owner, name: attr };
    if (owner.t === "unknown" && object.type === "identifier") {
      const implied = this.impliedOwner(object, attr);
      if (implied) return { t: "member", owner: { t: implied }, name: attr };
    }
    return UNKNOWN;
  }

  /**
   * `sync_crm.deploy(...)` in a fragment that never defines `sync_crm`: a method only flows have (`deploy`,
   * `to_deployment`, `from_source`) says the name is a flow, so its keywords can be checked for the release; one only
   * tasks have, called inside a flow, says it is a task. A name the snippet binds, or one a star import may bind, is
   * left to what the snippet says of it.
   */
  private impliedOwner(identifier: Node, attr: string): "flow" | "task" | undefined {
    if (this.starImport || this.isBound(identifier.text, this.scopeOf(identifier))) return undefined;
    const known = (fq: string) => this.facts.presence(fq, this.release).status !== "unknown";
    const ofFlow = known(`${FLOW_CLASS}.${attr}`);
    const ofTask = known(`${TASK_CLASS}.${attr}`);
    if (ofFlow && !ofTask) return "flow";
    // A method both have (`serve`): the keywords the call passes say whose it is (`cron=` is only a flow's).
    if (ofFlow && ofTask) {
      const call = identifier.parent?.parent;
      const keywords = call?.type === "call" ? keywordArguments(call).map((k) => k.name) : [];
      const takes = (cls: string) => {
        const params = new Set((this.facts.params(`${cls}.${attr}`, this.release) ?? []).map((p) => p.name));
        return keywords.some((k) => params.has(k));
      };
      const flowTakes = takes(FLOW_CLASS);
      const taskTakes = takes(TASK_CLASS);
      if (flowTakes !== taskTakes) return flowTakes ? "flow" : "task";
      return undefined;
    }
    // `upload.submit(p)` inside a flow: a method only tasks have, called in a flow, is a task's (an executor's
    // `submit` would be bound in the snippet).
    if (ofTask && !ofFlow && this.enclosingFunction(identifier)?.kind === "flow") return "task";
    return undefined;
  }

  /** `fut.state`, `flow_run.state`: a property or record field that holds a Prefect State in this release. */
  private stateMember(owner: PyType, attr: string): PyType | undefined {
    const cls = owner.t === "future" ? FUTURE_CLASS : owner.t === "instance" ? owner.cls : undefined;
    if (!cls) return undefined;
    const fq = `${cls}.${attr}`;
    const presence = this.facts.presence(fq, this.release);
    if (presence.status !== "present") return undefined;
    const state = this.stateClass();
    if (!state) return undefined;
    if (STATE_FIELDS.has(fq)) return { t: "instance", cls: state };
    if (presence.fact.kind !== "property") return undefined;
    return this.annotatedClass(fq) === state ? { t: "instance", cls: state } : undefined;
  }

  /** The class Prefect's `State` is defined as in this release. */
  stateClass(): string | undefined {
    const fact = this.facts.resolve("prefect.State", this.release);
    return fact?.kind === "class" ? fact.name : undefined;
  }

  private callType(node: Node): PyType {
    const fnNode = field(node, "function");
    if (!fnNode) return UNKNOWN;
    const callee = this.typeOf(fnNode);
    if (callee.t === "symbol") return this.symbolCallType(callee.fq, node);
    // `my_task(x, return_state=True)` / `my_flow(return_state=True)` give the run's State.
    if ((callee.t === "flow" || callee.t === "task") && returnsState(node, true)) {
      const state = this.stateClass();
      return state ? { t: "instance", cls: state } : UNKNOWN;
    }
    // Any other `return_state=` (a variable) may or may not give a State, and `**kwargs` may hold one.
    if (callee.t === "flow" || callee.t === "task") {
      const args = named(field(node, "arguments"));
      return returnsState(node) || args.some((a) => a.type === "dictionary_splat")
        ? UNKNOWN
        : { t: "returned", site: node };
    }
    if (callee.t === "member") {
      const { owner, name } = callee;
      const receiver = field(fnNode, "object")?.text;
      const methodOf = owner.t === "future" ? FUTURE_CLASS : owner.t === "instance" ? owner.cls : undefined;
      const listMethod =
        owner.t === "futures" && this.facts.presence(FUTURE_LIST_CLASS, this.release).status === "present";
      const cls = listMethod ? FUTURE_LIST_CLASS : methodOf;
      if (cls) {
        const returned = this.methodReturn(`${cls}.${name}`, node, receiver);
        if (returned) return returned;
      }
      if (owner.t === "task") {
        if (name === "submit") return returnsState(node) ? UNKNOWN : { t: "future", site: node };
        if (name === "map") return returnsState(node) ? UNKNOWN : { t: "futures", site: node };
        if (name === "with_options") return owner;
      }
      if (owner.t === "flow" && name === "with_options") return owner;
      // `my_flow.from_source(...)` is the classmethod: a new Flow, loaded from the storage it names.
      if (owner.t === "flow" && name === "from_source")
        return this.facts.presence(`${FLOW_CLASS}.from_source`, this.release).status === "present"
          ? this.loadedFlow(node)
          : UNKNOWN;
    }
    return UNKNOWN;
  }

  private symbolCallType(fq: string, call: Node): PyType {
    const fact = this.facts.resolve(fq, this.release);
    if (!fact) return UNKNOWN;
    if (fact.name === FLOW_DECORATOR || fact.name === TASK_DECORATOR) {
      // `flow(fn)` makes a Flow; `flow(name=...)` makes a decorator, which the model does not follow.
      if (positionalArguments(call).length === 0) return UNKNOWN;
      return fact.name === FLOW_DECORATOR ? { t: "flow" } : { t: "task" };
    }
    // A classmethod the release lacks gives nothing (its absence is reported on its own).
    if (CURATED_RETURNS[fact.name] === FLOW_CLASS)
      return this.facts.presence(fact.name, this.release).status === "present" ? this.loadedFlow(call) : UNKNOWN;
    if (fact.kind === "class") {
      if (fact.name === FLOW_CLASS) return { t: "flow" };
      if (fact.name === TASK_CLASS) return { t: "task" };
      return { t: "instance", cls: fact.name };
    }
    if (fact.kind === "function") {
      const cls = CURATED_RETURNS[fact.name] ?? this.annotatedReturn(fact.name);
      if (cls) return { t: "instance", cls };
      if (this.returnsNone(fact.name)) return { t: "none", callable: fact.name, site: call };
    }
    return UNKNOWN;
  }

  /**
   * The Flow `from_source(...)` gives. In an async function the unawaited call is a coroutine (sync_compatible /
   * async_dispatch), so only the awaited one counts there.
   */
  private loadedFlow(call: Node): PyType {
    if (this.enclosingFunction(call)?.isAsync && call.parent?.type !== "await") return UNKNOWN;
    return { t: "flow", loaded: true };
  }

  /** A method's result: None when annotated exactly so, a State when every synchronous form of the annotation is one. */
  private methodReturn(method: string, site: Node, receiver: string | undefined): PyType | undefined {
    const fact = this.facts.presence(method, this.release);
    if (fact.status !== "present" || fact.fact.kind !== "method") return undefined;
    if (this.returnsNone(method)) return { t: "none", callable: method, site, receiver };
    const state = this.stateClass();
    return state && this.annotatedClass(method) === state ? { t: "instance", cls: state } : undefined;
  }

  private returnsNone(callable: string): boolean {
    return this.facts.returns(callable, this.release)?.trim() === "None";
  }

  /**
   * The alternatives a callable's return annotation allows in synchronous use, as bare names: quotes dropped,
   * `Optional[...]` and `Union[...]` flattened, type arguments peeled, `None` and the `Awaitable[...]` /
   * `Coroutine[...]` forms left out. 2.x `Variable.get`'s `Optional[Union['Variable', str]]` gives Variable and str.
   * Undefined when there is no annotation or one alternative is not a plain name.
   */
  returnAlternatives(callable: string): string[] | undefined {
    const text = this.facts.returns(callable, this.release)?.replace(/['"]/g, "");
    if (!text) return undefined;
    const names: string[] = [];
    const pending = splitUnion(text);
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (/^(Awaitable|Coroutine)\[/.test(part)) continue;
      const wrapped = /^(?:Optional|Union)\[(.*)\]$/.exec(part);
      if (wrapped) {
        pending.push(...splitTopLevel(wrapped[1]!, ","));
        continue;
      }
      const bare = part.replace(/\[.*\]$/, "");
      if (bare === "None") continue;
      if (!/^[A-Za-z_][\w.]*$/.test(bare)) return undefined;
      if (!names.includes(bare)) names.push(bare);
    }
    return names;
  }

  /** The prefect class a short name in a callable's annotation means, read in the callable's own module. */
  classNamedIn(callable: string, short: string): string | undefined {
    const module = callable.split(".").slice(0, -1);
    for (let i = module.length; i > 0; i--) {
      const fact = this.facts.resolve(`${module.slice(0, i).join(".")}.${short}`, this.release);
      if (fact?.kind === "class") return fact.name;
    }
    return undefined;
  }

  /** The function definition a name refers to, when its only binding in reach is one `def` in the snippet. */
  definitionOf(identifier: Node): FunctionInfo | undefined {
    let scope: Scope | null = this.scopeOf(identifier);
    while (scope) {
      const bindings = scope.bindings.get(identifier.text);
      if (bindings) return bindings.length === 1 && bindings[0]!.kind === "def" ? bindings[0]!.fn : undefined;
      scope = scope.parent;
      while (scope?.isClass) scope = scope.parent;
    }
    return undefined;
  }

  /**
   * The one class an annotation names once its asynchronous alternatives (`Awaitable[...]`, `Coroutine[...]`) are
   * dropped and `Optional[...]` / type arguments are peeled: `State[R] | Optional[State[R]]` names State. The short
   * name is read in the callable's own module, where the annotation was written.
   */
  private annotatedClass(callable: string): string | undefined {
    const text = this.facts.returns(callable, this.release)?.replace(/['"]/g, "");
    if (!text) return undefined;
    const names = new Set<string>();
    for (const part of splitUnion(text)) {
      if (/^(Awaitable|Coroutine)\[/.test(part)) continue;
      const bare = part.replace(/^Optional\[(.*)\]$/, "$1").replace(/\[.*\]$/, "");
      if (bare === "None") continue;
      if (!/^[A-Za-z_][\w.]*$/.test(bare)) return undefined;
      names.add(bare);
    }
    if (names.size !== 1) return undefined;
    const short = [...names][0]!;
    const module = callable.split(".").slice(0, -1);
    for (let i = module.length; i > 0; i--) {
      const fact = this.facts.resolve(`${module.slice(0, i).join(".")}.${short}`, this.release);
      if (fact?.kind === "class") return fact.name;
    }
    return undefined;
  }

  /** The class a function's return annotation names, when the annotation is one plain class name. */
  private annotatedReturn(fn: string): string | undefined {
    const text = this.facts.returns(fn, this.release)?.replace(/^['"]|['"]$/g, "");
    if (!text || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
    const facts = this.facts as PrefectFacts & { returnType?: (fq: string, version: string) => string | undefined };
    const cls = facts.returnType?.(fn, this.release);
    return cls && this.facts.resolve(cls, this.release)?.kind === "class" ? cls : undefined;
  }

  private scopeOf(node: Node): Scope {
    let current: Node | null = node.parent;
    while (current) {
      const scope = this.scopes.get(current.id);
      if (scope && !scope.isClass) return scope;
      current = current.parent;
    }
    return this.module;
  }

  private lookup(name: string, scope: Scope): PyType {
    let current: Scope | null = scope;
    while (current) {
      const bindings = current.bindings.get(name);
      if (bindings && bindings.length > 0) return this.bindingType(bindings);
      current = current.parent;
      while (current?.isClass) current = current.parent;
    }
    return this.implicit(name);
  }

  /**
   * A well-known Prefect name used without being defined or imported (a fragment): its public Prefect symbol, when
   * the short name maps to exactly one in this release and no star import could have bound it.
   */
  private implicit(name: string): PyType {
    if (!IMPLICIT_NAMES.has(name) || this.starImport) return UNKNOWN;
    const cached = this.implicitCache.get(name);
    if (cached) return cached;
    const defining = new Set<string>();
    for (const fq of this.facts.locate(name, this.release)) {
      const target = this.facts.resolve(fq, this.release)?.name ?? fq;
      if (!NOT_PUBLIC.test(fq) && !NOT_PUBLIC.test(target)) defining.add(target);
    }
    const only = defining.size === 1 ? [...defining][0]! : undefined;
    const kind = only ? this.facts.resolve(only, this.release)?.kind : undefined;
    const type: PyType = only && kind !== "module" ? { t: "symbol", fq: only } : UNKNOWN;
    this.implicitCache.set(name, type);
    return type;
  }

  /** A name bound more than once counts only when every binding agrees. */
  private bindingType(bindings: Binding[]): PyType {
    const types = bindings.map((b) => this.singleBindingType(b));
    const first = types[0]!;
    if (types.length === 1) return first;
    // Futures, lists and direct-call values are tied to their site: two bindings are two different things.
    const sited = ["future", "futures", "returned", "list"];
    return types.every((t) => typeKey(t) === typeKey(first) && !sited.includes(t.t)) ? first : UNKNOWN;
  }

  private singleBindingType(binding: Binding): PyType {
    switch (binding.kind) {
      case "import":
        return binding.isModule ? { t: "module", fq: binding.fq! } : { t: "symbol", fq: binding.fq! };
      case "def":
        if (binding.fn?.wrapped) return UNKNOWN;
        if (binding.fn?.kind === "flow") return { t: "flow", fn: binding.fn };
        if (binding.fn?.kind === "task") return { t: "task", fn: binding.fn };
        return UNKNOWN;
      case "assign":
        if (binding.value && isListValue(binding.value)) return this.collected(binding);
        return binding.value ? this.typeOf(binding.value) : UNKNOWN;
      case "element": {
        // Iterating a list of futures (a PrefectFutureList in 3.x, a list in 2.x) gives one future at a time, and a
        // list of T one T at a time.
        const through = binding.through ? field(binding.through, "function")?.text : undefined;
        if (through && this.isBound(through, this.scopeOf(binding.through!))) return UNKNOWN;
        if (!binding.value) return UNKNOWN;
        const iterated = this.typeOf(binding.value);
        if (iterated.t === "futures" || this.yieldsFutures(binding.value)) return { t: "future", site: binding.value };
        return iterated.t === "list" ? iterated.of : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private collect(): void {
    walk(this.root, (node) => {
      switch (node.type) {
        case "function_definition":
        case "lambda":
          this.collectFunction(node);
          return true;
        case "class_definition": {
          const name = field(node, "name")?.text;
          if (name) this.bind(node, name, { kind: "opaque" });
          const scope: Scope = { node, parent: this.scopeOf(node), isClass: true, bindings: new Map() };
          this.scopes.set(node.id, scope);
          return true;
        }
        case "list_comprehension":
        case "generator_expression":
        case "set_comprehension":
        case "dictionary_comprehension": {
          const scope: Scope = { node, parent: this.scopeOf(node), isClass: false, bindings: new Map() };
          this.scopes.set(node.id, scope);
          for (const clause of named(node).filter((c) => c.type === "for_in_clause")) this.bindLoop(clause, scope);
          return true;
        }
        case "import_statement":
          this.collectImport(node);
          return false;
        case "import_from_statement":
          this.collectFromImport(node);
          return false;
        case "assignment": {
          const left = field(node, "left");
          const right = field(node, "right");
          if (left?.type === "identifier")
            this.bind(node, left.text, right ? { kind: "assign", value: right } : { kind: "opaque" });
          else for (const n of targetNames(left)) this.bind(node, n, { kind: "opaque" });
          return true;
        }
        case "with_item": {
          const value = field(node, "value");
          const alias = named(value).find((c) => c.type === "as_pattern_target");
          const resource = value?.type === "as_pattern" ? (named(value)[0] ?? undefined) : undefined;
          for (const n of targetNames(alias ?? null)) this.bind(node, n, { kind: "opaque", value: resource });
          return true;
        }
        case "for_statement":
          this.bindLoop(node, this.scopeFor(node));
          return true;
        case "augmented_assignment":
        case "for_in_clause":
        case "named_expression":
        case "except_clause":
        case "global_statement":
        case "nonlocal_statement": {
          if (node.type === "for_in_clause") return true;
          const target =
            node.type === "named_expression"
              ? field(node, "name")
              : node.type === "global_statement" || node.type === "nonlocal_statement"
                ? node
                : node.type === "except_clause"
                  ? (named(node)
                      .find((c) => c.type === "as_pattern")
                      ?.childForFieldName("alias") ?? null)
                  : field(node, "left");
          for (const n of targetNames(target)) this.bind(node, n, { kind: "opaque" });
          return true;
        }
        default:
          return true;
      }
    });
  }

  /**
   * A call to a Prefect function whose return annotation is a collection or generator of the future class:
   * `as_completed(futures)` is `Generator[PrefectFuture[R], None]`.
   */
  private yieldsFutures(node: Node): boolean {
    if (node.type !== "call") return false;
    const fnNode = field(node, "function");
    const callee = fnNode ? this.typeOf(fnNode) : UNKNOWN;
    if (callee.t !== "symbol") return false;
    const callable = this.defining(callee.fq);
    if (this.facts.presence(callable, this.release).status !== "present") return false;
    const text = this.facts.returns(callable, this.release)?.replace(/['"]/g, "");
    const element = text
      ? /^(?:Generator|Iterator|Iterable|List|list|Sequence|Set|set)\[([A-Za-z_][\w.]*)/.exec(text)
      : null;
    return element ? this.classNamedIn(callable, element[1]!) === FUTURE_CLASS : false;
  }

  /**
   * A list bound by `xs = [...]`, `xs = [... for ...]` or `xs = []` / `list()`, together with what every `.append()`,
   * `.insert()` (an element) and `.extend()` (a list) on that binding adds, nested functions included: a future list
   * when all of it is futures, a list of T when all of it is one T, else unknown (one element of another or an unknown
   * kind is enough). An empty list nothing is added to stays unknown.
   */
  private collected(binding: Binding): PyType {
    const cached = this.collectedCache.get(binding);
    if (cached) return cached;
    this.collectedCache.set(binding, UNKNOWN);
    const scope = binding.scope;
    const value = binding.value!;
    let elements: PyType[] | undefined = [];
    if (!isEmptyList(value)) {
      const initial = this.typeOf(value);
      if (initial.t === "futures") elements.push({ t: "future", site: value });
      else if (initial.t === "list") elements.push(initial.of);
      else elements = undefined;
    }
    if (scope && binding.name && elements) {
      walk(scope.node, (node) => {
        if (!elements) return false;
        if (node.type !== "call") return true;
        const fn = field(node, "function");
        const holder = fn?.type === "attribute" ? field(fn, "object") : null;
        const method = fn?.type === "attribute" ? field(fn, "attribute")?.text : undefined;
        if (holder?.type !== "identifier" || holder.text !== binding.name) return true;
        if (method === undefined || !(method in ADDING_METHODS)) return true;
        if (this.boundValue(holder)?.id !== value.id) return true;
        const args = positionalArguments(node);
        const added = args.length === ADDING_METHODS[method]! + 1 ? args.at(-1)! : undefined;
        const type = added ? this.typeOf(added) : UNKNOWN;
        if (method !== "extend") elements.push(type);
        else if (type.t === "futures") elements.push({ t: "future", site: added! });
        else if (type.t === "list") elements.push(type.of);
        else elements = undefined;
        return true;
      });
    }
    const type = elements ? listOf(elements, value) : UNKNOWN;
    this.collectedCache.set(binding, type);
    return type;
  }

  /**
   * The names a `for` loop or a comprehension's `for ... in` binds: a plain name, the second name of
   * `for i, x in enumerate(xs)` or each name of `for a, b in zip(xs, ys)` is an element of its iterable; every other
   * target is opaque.
   */
  private bindLoop(loop: Node, scope: Scope): void {
    const left = field(loop, "left");
    const right = field(loop, "right");
    const names = targetNames(left);
    const elements = right ? this.elementTargets(left, right) : [];
    for (const n of names) {
      const element = elements.find((e) => e.name === n);
      const binding: Binding = element
        ? { kind: "element", value: element.iterable, through: element.through }
        : { kind: "opaque" };
      this.bindIn(scope, n, binding);
    }
  }

  private elementTargets(left: Node | null, right: Node): { name: string; iterable: Node; through?: Node }[] {
    if (left?.type === "identifier") return [{ name: left.text, iterable: right }];
    // Only the builtins count, not a local function of that name (checked when the binding is typed).
    const parts = named(left);
    if (!["pattern_list", "tuple_pattern"].includes(left?.type ?? "")) return [];
    const builtin = right.type === "call" ? field(right, "function") : null;
    if (builtin?.type !== "identifier" || !PAIRING_BUILTINS.has(builtin.text)) return [];
    const args = positionalArguments(right);
    if (named(field(right, "arguments")).length !== args.length) return [];
    // `enumerate(xs)` yields (index, element); `zip(xs, ys)` one element of each, in order.
    const iterables = builtin.text === "enumerate" ? (args.length === 1 ? [undefined, args[0]!] : []) : args;
    if (parts.length !== iterables.length) return [];
    return parts.flatMap((part, i) => {
      const iterable = iterables[i];
      return part.type === "identifier" && iterable ? [{ name: part.text, iterable, through: right }] : [];
    });
  }

  private isBound(name: string, scope: Scope): boolean {
    for (let current: Scope | null = scope; current; current = current.parent) {
      if (current.bindings.has(name)) return true;
    }
    return false;
  }

  private collectFunction(node: Node): void {
    const outer = this.scopeOf(node);
    const scope: Scope = { node, parent: outer, isClass: false, bindings: new Map() };
    this.scopes.set(node.id, scope);
    for (const param of named(field(node, "parameters"))) {
      const name = param.type === "identifier" ? param.text : (field(param, "name")?.text ?? named(param)[0]?.text);
      if (name) this.bindIn(scope, name, { kind: "opaque" });
    }
    if (node.type === "lambda") return;
    const name = field(node, "name")?.text ?? "";
    const decorated = node.parent?.type === "decorated_definition" ? node.parent : null;
    const info: FunctionInfo = {
      name,
      node,
      kind: "plain",
      isAsync: isAsyncFunction(node),
      nested: this.enclosingFunction(node) !== undefined,
      wrapped: false,
    };
    const decorators = named(decorated).filter((d) => d.type === "decorator");
    decorators.forEach((decorator, index) => {
      const kind = this.decoratorKind(decorator);
      if (!kind) return;
      info.kind = kind;
      info.decorator = named(decorator)[0];
      info.wrapped = index > 0;
    });
    this.functions.push(info);
    if (name) this.bind(decorated ?? node, name, { kind: "def", fn: info });
  }

  private decoratorKind(decorator: Node): "flow" | "task" | undefined {
    const expr = named(decorator)[0];
    if (!expr) return undefined;
    const target = expr.type === "call" ? field(expr, "function") : expr;
    if (!target) return undefined;
    const type = this.typeOf(target);
    if (type.t !== "symbol") return undefined;
    const fact = this.facts.resolve(type.fq, this.release);
    if (fact?.name === FLOW_DECORATOR) return "flow";
    if (fact?.name === TASK_DECORATOR) return "task";
    return undefined;
  }

  private collectImport(node: Node): void {
    for (const item of named(node)) {
      if (item.type === "dotted_name") {
        const full = item.text.replace(/\s+/g, "");
        const top = full.split(".")[0]!;
        this.bind(
          node,
          top,
          top === "prefect" ? { kind: "import", fq: "prefect", isModule: true } : { kind: "opaque" },
        );
      } else if (item.type === "aliased_import") {
        const full = field(item, "name")?.text.replace(/\s+/g, "") ?? "";
        const alias = field(item, "alias")?.text;
        if (!alias) continue;
        this.bind(node, alias, isPrefectName(full) ? { kind: "import", fq: full, isModule: true } : { kind: "opaque" });
      }
    }
  }

  private collectFromImport(node: Node): void {
    if (node.children.some((c) => c.type === "wildcard_import")) this.starImport = true;
    const moduleNode = field(node, "module_name");
    const module = moduleNode?.type === "dotted_name" ? moduleNode.text.replace(/\s+/g, "") : null;
    for (const item of node.childrenForFieldName("name")) {
      const nameNode = item.type === "aliased_import" ? field(item, "name") : item;
      const local = item.type === "aliased_import" ? field(item, "alias")?.text : nameNode?.text;
      if (!nameNode || !local) continue;
      if (!module || !isPrefectName(module)) {
        this.bind(node, local, { kind: "opaque" });
        continue;
      }
      const fq = `${module}.${nameNode.text}`;
      const fact = this.facts.presence(fq, this.release);
      const isModule = fact.status === "present" && fact.fact.kind === "module";
      this.bind(node, local, fact.status === "present" ? { kind: "import", fq, isModule } : { kind: "opaque" });
    }
  }

  private bind(at: Node, name: string, binding: Binding): void {
    this.bindIn(this.scopeFor(at), name, binding);
  }

  /** The scope a binding statement writes into (class bodies count as their own scope). */
  private scopeFor(node: Node): Scope {
    let current: Node | null = node.parent;
    while (current) {
      const scope = this.scopes.get(current.id);
      if (scope) return scope;
      current = current.parent;
    }
    return this.module;
  }

  private bindIn(scope: Scope, name: string, binding: Binding): void {
    binding.name = name;
    binding.scope = scope;
    const list = scope.bindings.get(name) ?? [];
    list.push(binding);
    scope.bindings.set(name, list);
  }
}

/** The class member a member of a decorator object stands for (`flow.from_source` is `Flow.from_source`). */
export function decoratorMember(decorator: string, attr: string): string | undefined {
  return DECORATOR_MEMBERS[decorator]?.[attr];
}

export function isPrefectName(dotted: string): boolean {
  return dotted === "prefect" || dotted.startsWith("prefect.");
}

/** What a list of values of these types is: futures, a list of their one shared type, or unknown. */
function listOf(types: PyType[], site: Node): PyType {
  const first = types[0];
  if (!first) return UNKNOWN;
  if (types.every((t) => t.t === "future")) return { t: "futures", site };
  if (!ELEMENT_KINDS.has(first.t) || !types.every((t) => typeKey(t) === typeKey(first))) return UNKNOWN;
  // Different flows (or tasks) side by side are still flows, but none of their definitions speaks for all.
  if ((first.t === "flow" || first.t === "task") && types.some((t) => "fn" in t && t.fn !== first.fn))
    return { t: first.t };
  return { t: "list", of: first, site };
}

/** Two types are the same kind of value when their keys match; syntax nodes are left out (they point to their parent). */
function typeKey(type: PyType): string {
  switch (type.t) {
    case "returned":
      return `returned:${field(type.site, "function")?.text ?? ""}`;
    case "list":
      return `list:${typeKey(type.of)}`;
    case "member":
      return `member:${typeKey(type.owner)}.${type.name}`;
    case "none":
      return `none:${type.callable}:${type.receiver ?? ""}`;
    case "flow":
    case "task":
      return `${type.t}:${type.t === "flow" && type.loaded ? "loaded" : ""}`;
    case "future":
    case "futures":
      return type.t;
    default:
      return JSON.stringify(type);
  }
}

/** A value `collected` types as a list: a literal, a list comprehension, `[]` or `list()`. */
function isListValue(node: Node): boolean {
  return node.type === "list" || node.type === "list_comprehension" || isEmptyList(node);
}

/** `[]` or `list()`. */
function isEmptyList(node: Node): boolean {
  if (node.type === "list") return named(node).length === 0;
  return (
    node.type === "call" && field(node, "function")?.text === "list" && named(field(node, "arguments")).length === 0
  );
}

/** The top-level alternatives of `A | B[C | D] | E`. */
function splitUnion(text: string): string[] {
  return splitTopLevel(text, "|");
}

/** Splits at a separator outside brackets: `Dict[str, int], str` at "," gives `Dict[str, int]` and `str`. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** The call passes `return_state=` (any value, or `True` literally when `literal` is set). */
function returnsState(call: Node, literal = false): boolean {
  const args = field(call, "arguments");
  return named(args).some(
    (a) =>
      a.type === "keyword_argument" &&
      field(a, "name")?.text === "return_state" &&
      (!literal || field(a, "value")?.text === "True"),
  );
}
