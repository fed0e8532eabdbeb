// The Prefect names a piece of code refers to, with their lines: what it imports (`from prefect.deployments import
// Deployment`), the attributes it reaches through those names (`Deployment.build_from_flow`) and the keywords it
// passes to them (`flow(persist_result=...)` -> "prefect.flow(persist_result)"). The upgrade guide checks each one
// against the API history; scoping is module-wide on purpose (a rebinding inside a function is rare in support code).
import { field, keywordArguments, named, walk } from "./analysis/tree-walk.js";
import { lineOfOffset } from "./line-of-offset.js";
import { type Node, parsePython } from "./python-parser.js";

export interface CodeReference {
  /** Dotted name as the code reaches it ("prefect.deployments.Deployment.build_from_flow"), or "callable(keyword)". */
  name: string;
  /** 1-based. */
  line: number;
}

export function prefectReferences(code: string): CodeReference[] {
  const root = parsePython(code);
  if (!root) return [];
  const bound = new Map<string, string>();
  const out: CodeReference[] = [];
  const seen = new Set<string>();
  const starts = [0];
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) starts.push(i + 1);
  const add = (name: string, node: Node): void => {
    const line = lineOfOffset(starts, node.startIndex);
    const key = `${name}@${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, line });
  };
  walk(root, (node) => {
    if (node.type === "import_statement") {
      for (const item of named(node)) {
        const full = (item.type === "aliased_import" ? field(item, "name") : item)?.text.replace(/\s+/g, "") ?? "";
        if (!isPrefect(full)) continue;
        const alias = item.type === "aliased_import" ? field(item, "alias")?.text : undefined;
        if (alias) bound.set(alias, full);
        else bound.set(full.split(".")[0]!, full.split(".")[0]!);
        add(full, node);
      }
      return false;
    }
    if (node.type === "import_from_statement") {
      const module = field(node, "module_name")?.text.replace(/\s+/g, "") ?? "";
      if (!isPrefect(module)) return false;
      for (const item of node.childrenForFieldName("name")) {
        const nameNode = item.type === "aliased_import" ? field(item, "name") : item;
        const local = item.type === "aliased_import" ? field(item, "alias")?.text : nameNode?.text;
        if (!nameNode || !local) continue;
        const fq = `${module}.${nameNode.text}`;
        bound.set(local, fq);
        add(fq, node);
      }
      return false;
    }
    return true;
  });
  // Attribute chains and calls, after every import is known (imports may come after their use in a fragment).
  walk(root, (node) => {
    if (node.type === "attribute" && node.parent?.type !== "attribute") {
      const chain = dottedChain(node);
      const head = chain && bound.get(chain[0]!);
      if (head) {
        for (let i = 1; i < chain!.length; i++) add(`${head}.${chain!.slice(1, i + 1).join(".")}`, node);
      }
    }
    if (node.type === "call") {
      const fn = field(node, "function");
      const chain = fn ? dottedChain(fn) : null;
      const head = chain && bound.get(chain[0]!);
      if (head) {
        const callable = [head, ...chain!.slice(1)].join(".");
        for (const kw of keywordArguments(node)) if (kw.name) add(`${callable}(${kw.name})`, kw.node);
      }
    }
    return true;
  });
  return out;
}

/** `a.b.c` -> ["a", "b", "c"]; null when the chain starts with anything but a plain name (a call, a subscript). */
function dottedChain(node: Node): string[] | null {
  if (node.type === "identifier") return [node.text];
  if (node.type !== "attribute") return null;
  const object = field(node, "object");
  const attr = field(node, "attribute");
  const left = object ? dottedChain(object) : null;
  return left && attr ? [...left, attr.text] : null;
}

function isPrefect(name: string): boolean {
  return name === "prefect" || name.startsWith("prefect.");
}
