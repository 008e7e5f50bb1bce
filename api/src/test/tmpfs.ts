import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Grows (or shrinks) it in place, files kept. */
  resize(size: string): void;
  remove(): void;
}

/** Mounting needs root: CI runs the tests as root; elsewhere the tests that need a mount are skipped, saying why. */
export const CAN_MOUNT = process.getuid?.() === 0;

/** `test`, or `test.skip` with the reason in its title where this user cannot mount. */
export const testWithMount = (title: string, fn: () => Promise<void>, timeout?: number) =>
  CAN_MOUNT ? test(title, fn, timeout) : test.skip(`${title} (skipped: mounting a tmpfs needs root, as CI runs the tests)`, fn, timeout);

/**
 * A file system of its own for a data folder: small enough to fill, or read-only. Mounting needs
 * root, as CI runs the tests; elsewhere this fails saying so.
 */
export function mountTmpfs(options: { size: string; readOnly?: boolean }): Tmpfs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.size}${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Mounting a tmpfs needs root (CI runs the tests as root): ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`);
  }
  return {
    dir,
    resize: (size) => execFileSync('mount', ['-o', `remount,size=${size}`, dir]),
    remove: () => {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
