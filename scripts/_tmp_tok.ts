import { tokenize } from "../knowledge/index.js";
console.log(tokenize("Running subflows: 'Flow' object has no attribute 'submit'"), tokenize("AttributeError: 'coroutine' object has no attribute 'state' in my flow"));
