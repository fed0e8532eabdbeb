// Public surface of bot/: the Slack app and console (slack/, console/) and the answer pipeline (answer/).

export * from "./answer/index.js";
export * from "./console/index.js";
export * from "./slack/index.js";
