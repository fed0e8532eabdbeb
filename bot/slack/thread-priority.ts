// Lowers the scheduling priority of the calling thread only. On Linux a thread id is a valid target for
// setpriority(2), so the answer thread yields the CPU to the thread that acknowledges Slack when cores are scarce.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";

/** Best effort: returns false where there is no /proc/thread-self (not Linux) or the call is refused. */
export function lowerThreadPriority(niceness: number): boolean {
  try {
    const tid = Number(path.basename(readlinkSync("/proc/thread-self")));
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
