import { extractSnippets } from "../lint/index.js";
console.log(JSON.stringify(extractSnippets("```\nfrom prefect import task\n\n@task\ndef add(a, b) -> int\n    return a + b\n```").map(s=>s.code)));
