// Public surface of bot/: the Slack app and console (slack/, console/) and the answer pipeline (answer/).
export {};
