// Code askers shorten on purpose: `def call_api(...): ...` stands for a function whose parameters do not matter to the
// question. `...` is valid Python almost everywhere (a call's argument, a body, a value), but not as a parameter list.

/** A function header whose parameter list holds an elision (`def f(...)`, `def f(client, ...)`). */
const ELIDED_HEADER = /(\bdef\s+[A-Za-z_]\w*\s*\()([^()]*?)\.\.\.([^()]*?\))/g;

/**
 * The snippet with each elided parameter list made valid at the same length (`...` becomes `*_a`, so offsets stay the
 * same); null when it has none.
 */
export function withElidedParameters(source: string): string | null {
  const out = source.replace(ELIDED_HEADER, (_whole, head: string, before: string, after: string) => {
    // `*_a` takes the elision's place; a second elision in the same list would be a second `*`, so it stays.
    return `${head}${before}*_a${after}`;
  });
  return out === source ? null : out;
}
