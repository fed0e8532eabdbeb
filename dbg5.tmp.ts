import { units } from "./bot/answer/summarise.js";
console.log(units(`The breaking changes:

1. Agents are gone; workers replace them.
2. Infrastructure blocks are gone as well.
3. Storage blocks moved to integration packages.
`));
