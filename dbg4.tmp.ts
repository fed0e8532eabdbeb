import { tokenize } from "./knowledge/index.js";
console.log(tokenize("what is the difference between a task and a subflow? Tasks vs subflows — when to use which"));
