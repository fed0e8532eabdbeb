// Public surface of the local console conversation (`orca start` without Slack tokens).
export { type ConsoleOptions, type ConsoleResult, formatAnswer, runConsole } from "./console-session.js";
