import { describe, expect, it } from "vitest";
import { classifyBlock } from "./classify-language.js";
import { extractSnippets, repairIndentation } from "./extract-snippets.js";
import { parsesCleanly } from "./python-parser.js";
import { reindentPython } from "./reindent-python.js";

describe("extractSnippets", () => {
  it("finds fenced blocks with and without a language tag", () => {
    const text =
      "Try this:\n```python\nfrom prefect import flow\n\n@flow\ndef f():\n    pass\n```\nand\n```\nprefect deploy --all\n```";
    const snippets = extractSnippets(text, 3);
    expect(snippets.map((s) => [s.language, s.fenced])).toEqual([
      ["python", true],
      ["shell", true],
    ]);
    expect(snippets[0]!.code).toContain("@flow");
    expect(snippets[0]!.messageIndex).toBe(3);
  });

  it("finds code pasted into prose without fences, and stops at the prose", () => {
    const text = [
      "Here is what I run:",
      "from prefect import flow, task",
      "@task",
      "def a():",
      "    return 1",
      "@flow",
      "def f():",
      "    a()",
      "It fails when the worker starts. Any idea?",
    ].join("\n");
    const [snippet] = extractSnippets(text);
    expect(snippet?.language).toBe("python");
    expect(snippet?.fenced).toBe(false);
    expect(snippet?.code.split("\n")).toHaveLength(7);
    expect(snippet?.code).not.toContain("worker starts");
  });

  it.each([
    ["an exception line", "x = Variable.get(\"n\")\nif count < x:\nTypeError: '<' not supported between instances"],
    ["a traceback", 'f.submit()\nTraceback (most recent call last):\n  File "a.py", line 1, in <module>'],
  ])("keeps a fenced block whole when %s is pasted under the code", (_, body) => {
    const snippets = extractSnippets(`why?\n\`\`\`\n${body}\n\`\`\``);
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.code).toBe(body);
  });

  it("splits code glued to a message timestamp", () => {
    const text = "Alex\n09/02/2025, 3:11 PMfrom prefect import flow\n@flow\ndef f():\n    pass";
    const [snippet] = extractSnippets(text);
    expect(snippet?.code.startsWith("from prefect import flow")).toBe(true);
  });

  it("re-indents Python whose indentation was lost, keeping it only when it parses", () => {
    const text =
      "from prefect import flow, task\n@task\ndef a():\nprint('a')\nreturn 1\n@flow\ndef f():\nx = a.submit()\nreturn x.result()\nif __name__ == \"__main__\":\nf()";
    const [snippet] = extractSnippets(text);
    expect(parsesCleanly(snippet!.code)).toBe(true);
    expect(snippet!.code).toContain("\n    return 1\n@flow");
    expect(snippet!.code).toContain('if __name__ == "__main__":\n    f()');
  });

  it("un-mangles code and records that it did", () => {
    const text = '```\nlogger = get_run_logger()\n<http://logger.info|logger.info>("x")\n```';
    const [snippet] = extractSnippets(text);
    expect(snippet?.code).toBe('logger = get_run_logger()\nlogger.info("x")');
    expect(snippet?.raw).toContain("<http://logger.info|logger.info>");
    expect(snippet?.mangled).toBe(true);
  });

  it("recognises prefect.yaml and shell commands", () => {
    const yaml = "deployments:\n- name: etl\n  entrypoint: flows/etl.py:etl\n  work_pool:\n    name: k8s";
    expect(extractSnippets(yaml)[0]?.language).toBe("yaml");
    expect(extractSnippets("Then run:\n$ pip install -U prefect\n")[0]?.language).toBe("shell");
    expect(classifyBlock("prefect deploy --all\nprefect worker start --pool k8s")).toBe("shell");
    // A version after the tool's name is prose about the version, not a command.
    expect(extractSnippets("prefect 2.19.3. why does this raise TypeError?")).toEqual([]);
    expect(classifyBlock("just some words here\nand more words")).toBe("text");
  });

  it("reads a pasted traceback as output, even when the code lines it quotes look like Python", () => {
    const traceback = [
      "httpx.ReadTimeout",
      "...",
      '  File "/usr/lib/python3.10/site-packages/prefect/client/orchestration.py", line 1821, in create_flow_run',
      "    response = await self._client.post(",
      "httpx.ReadTimeout",
    ].join("\n");
    expect(classifyBlock(traceback)).toBe("text");
    expect(classifyBlock("import httpx\nresponse = httpx.get(url)\nresponse.raise_for_status()")).toBe("python");
  });

  it("returns nothing for prose", () => {
    expect(extractSnippets("Thanks, that worked! I will try the worker next week.")).toEqual([]);
  });
});

describe("extractSnippets: prose around unfenced code", () => {
  const CODE = "from prefect import flow\n\n@flow\ndef f():\n    return 1";
  const pythonCode = (text: string) =>
    extractSnippets(text)
      .filter((s) => s.language === "python")
      .map((s) => s.code);

  it.each([
    ["a mention line", `@Orca\n${CODE}`],
    ["a mention with a question", `@Orca is this right?\n${CODE}`],
    ["a Slack user mention", `<@U0123ABC> why does this fail\n${CODE}`],
    ["a mention glued to the first code line", `@Orca ${CODE}`],
    ["sentences that start like code", `for example:\n${CODE}\nwith prefect 3 this fails, any idea?`],
    ["a sentence after a call", `${CODE}\nf() fails`],
  ])("keeps %s out of the snippet", (_name, text) => {
    expect(pythonCode(text)).toEqual([CODE]);
  });

  it("keeps a real decorator and its function", () => {
    expect(pythonCode("@flow(retries=2)\ndef f():\n    return 1")).toEqual([
      "@flow(retries=2)\ndef f():\n    return 1",
    ]);
    const commented = "@task\n# retried by the worker\ndef t():\n    return 1";
    expect(pythonCode(`here:\n${commented}`)).toEqual([commented]);
  });

  it("reads a lone decorator or keyword call pasted on its own line", () => {
    expect(pythonCode("I tried\n@flow(task_runner=ConcurrentTaskRunner(max_workers=4))\nand got a TypeError")).toEqual([
      "@flow(task_runner=ConcurrentTaskRunner(max_workers=4))",
    ]);
    expect(pythonCode("x = foo(a=1) then it fails")).toEqual([]);
  });

  it("does not take a traceback header or a sentence for code", () => {
    const text =
      'Traceback (most recent call last):\n  File "x.py", line 3, in <module>\nImportError: cannot import name';
    expect(pythonCode(text)).toEqual([]);
  });
});

describe("extractSnippets: inline code", () => {
  const inline = (text: string) => extractSnippets(text).map((s) => [s.language, s.code]);

  it("reads imports and Prefect calls quoted inline when the message has no code block", () => {
    expect(inline("on 3.4.20 `from prefect.infrastructure import KubernetesJob` gives ImportError")).toEqual([
      ["python", "from prefect.infrastructure import KubernetesJob"],
    ]);
    expect(inline('Use `fut = run_deployment("a/b", timeout=0)` then `fut.wait()`')).toEqual([
      ["python", 'fut = run_deployment("a/b", timeout=0)\nfut.wait()'],
    ]);
  });

  it("ignores names, paths, non-Prefect calls and inline code beside a real block", () => {
    expect(inline("see `prefect.futures` and `wait` and `my_thing.run(1)`")).toEqual([]);
    expect(inline("```python\nx = 1\n```\nnot `from prefect import wait`")).toEqual([["python", "x = 1"]]);
  });

  it("ignores inline code in Markdown documents (Orca's answers quote wrong code on purpose)", () => {
    expect(inline("**No:** `from prefect import wait` fails; see [docs](https://docs.prefect.io).")).toEqual([]);
  });
});

describe("reindentPython", () => {
  it("ends a loop body at the first line that no longer uses the loop's names", () => {
    const flat = "def f(xs):\ntotal = 0\nfor x in xs:\ny = x * 2\ntotal += y\nprint(total)\nreturn total";
    const out = reindentPython(flat);
    expect(out).toContain("    for x in xs:\n        y = x * 2\n        total += y\n    print(total)");
    expect(parsesCleanly(out)).toBe(true);
  });

  it("keeps methods inside their class and dedents a top-level def", () => {
    const flat = "class A:\ndef m(self):\nreturn 1\n@property\ndef p(self):\nreturn 2\ndef top():\nreturn 3";
    const out = reindentPython(flat);
    expect(out).toContain("class A:\n    def m(self):\n        return 1\n    @property\n    def p(self):");
    expect(out).toContain("\ndef top():\n    return 3");
  });

  it("indents continuation lines inside brackets and handles else/except", () => {
    const flat = "def f(x):\ntry:\ny = g(\nx,\n)\nexcept ValueError:\nraise\nif y:\nreturn 1\nelse:\nreturn 2";
    const out = reindentPython(flat);
    expect(parsesCleanly(out)).toBe(true);
  });

  it("repairIndentation leaves valid code untouched and unrepairable code as it was", () => {
    const good = "def f():\n    return 1\n";
    expect(repairIndentation(good)).toBe(good);
    const hopeless = "def f(:\nreturn";
    expect(repairIndentation(hopeless)).toBe(hopeless);
  });
});
