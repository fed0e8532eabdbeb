// A Prefect factory passed where its product belongs (uncalled-factory). Some Prefect functions make the value a
// keyword wants: `exponential_backoff(backoff_factor=10)` returns the function that gives the retry delays. Passed
// uncalled (`retry_delay_seconds=exponential_backoff`), Prefect calls the factory itself with the retry count and gets
// a function back where it expects delays, so the retries never wait as intended. Which functions are factories comes
// from the facts: a Prefect function whose return annotation is a `Callable`.
import { field, keywordArguments, walk } from "../analysis/tree-walk.js";
import { inPrefect, type RuleContext } from "./rule-context.js";

/** A return annotation that is a callable type (`Callable[[int], List[float]]`, `typing.Callable[...]`). */
const isCallableType = (annotation: string) => annotation.replace("typing.", "").startsWith("Callable[");

export function checkUncalledFactory(ctx: RuleContext): void {
  walk(ctx.model.root, (node) => {
    if (node.type !== "call") return true;
    // Only a Prefect call's keywords (`@task(...)`, `my_task.with_options(...)`): another library may want the
    // factory itself.
    const callee = field(node, "function");
    const calleeType = callee ? ctx.model.typeOf(callee) : null;
    if (calleeType?.t !== "symbol" && calleeType?.t !== "member") return true;
    for (const { name, value } of keywordArguments(node)) {
      if (value?.type !== "identifier" && value?.type !== "attribute") continue;
      const type = ctx.model.typeOf(value);
      if (type.t !== "symbol") continue;
      const factory = ctx.facts.resolve(type.fq, ctx.release);
      if (factory?.kind !== "function") continue;
      const returns = ctx.facts.returns(factory.name, ctx.release);
      if (!returns || !isCallableType(returns)) continue;
      const required = (ctx.facts.params(factory.name, ctx.release) ?? []).filter((p) => !p.hasDefault);
      const call = `${value.text}(${required.map((p) => `${p.name}=…`).join(", ")})`;
      ctx.report({
        rule: "uncalled-factory",
        severity: "error",
        offset: value.startIndex,
        end: value.endIndex,
        subject: { name: factory.name },
        message: `${inPrefect(ctx)}, \`${value.text}\` makes the value \`${name}\` wants (it returns \`${returns}\`): call it, \`${name}=${call}\`. Passed uncalled, Prefect calls the factory itself and gets a function back where it expects that value.`,
        // With no required arguments the call is the whole fix; otherwise only the asker knows the values.
        ...(required.length === 0
          ? { fix: { description: "call it", edits: [{ start: value.endIndex, end: value.endIndex, text: "()" }] } }
          : {}),
      });
    }
    return true;
  });
}
