// Worker threads do not inherit the TypeScript loader of the thread that starts them (tsx in production, Vite
// under vitest), so the answer thread registers tsx itself before loading its TypeScript entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
