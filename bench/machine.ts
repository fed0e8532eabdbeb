import os from "node:os";
import type { MachineInfo } from "./types.js";

export function machineInfo(): MachineInfo {
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryMB: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
  };
}
