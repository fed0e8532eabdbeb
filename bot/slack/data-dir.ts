// Start-up check of ORCA_DATA_DIR: a read-only mount or a full disk must stop `orca serve` with one clear line,
// not surface later as a lost answer.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DataDirError } from "../../core/index.js";

/** Bytes written and synced as a probe: enough to notice a disk with no room for the state database to grow. */
const PROBE_BYTES = 64 * 1024;

export function checkDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-probe-${process.pid}-${randomBytes(3).toString("hex")}`);
  let fd: number | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fd = fs.openSync(probe, "w");
    fs.writeSync(fd, Buffer.alloc(PROBE_BYTES));
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOSPC" || code === "EDQUOT"
        ? "the disk is full"
        : code === "EROFS"
          ? "it is on a read-only file system"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOTDIR" || code === "EEXIST"
              ? "a file is in the way of the directory"
              : (error as Error).message;
    throw new DataDirError(`ORCA_DATA_DIR ${dataDir} is not writable: ${why}`, { cause: error });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    if (fd !== undefined) fs.rmSync(probe, { force: true });
  }
}
