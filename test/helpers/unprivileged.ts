/**
 * An unprivileged user for the non-root half of the security suites (issue 15: the defences
 * must hold as root, as CI runs, and as an ordinary user). Made with `useradd` when this
 * process is root; otherwise the caller skips with `why` (nothing else can switch users).
 *
 * The user cannot read root's files: Node 24 lives under /root (0700, scripts/node24.sh), so
 * the running node binary is copied to a world-readable folder outside /tmp (the sandbox
 * replaces /tmp; tests under bwrap start `node` from PATH). The repository must be readable by
 * everyone (its folders o+x, files o+r), as a checkout under /work or /home is; when it is not,
 * the suites skip with a message naming the folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import * as nodeModule from 'node:module';
import path from 'node:path';

export interface UnprivilegedUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  /** A folder holding a copy of this process's node binary, readable by the user. */
  readonly nodeDir: string;
  /** The user's Node compile cache (NODE_COMPILE_CACHE): TypeScript sources load fast the second time. */
  readonly compileCache: string;
  /** `chown -R` to the user (folders the test made as root and the user must write). */
  own(...paths: string[]): void;
  /** Removes the user and the node copy. */
  remove(): void;
}

/** Why the unprivileged half cannot run here, or undefined when it can. */
export function unprivilegedUnavailable(repoRoot: string): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root (only root can switch to a user)';
  // The user's greenloop runs from the TypeScript sources (scripts/ts-hooks.mjs and type
  // stripping): module.registerHooks needs Node 22.15 or 23.5+; Node 20 has neither.
  if (!('registerHooks' in nodeModule)) {
    return `Node ${process.version} cannot run the TypeScript sources (Node 22.15+ can)`;
  }
  const tools = spawnSync('sh', ['-c', 'command -v useradd && command -v userdel'], {
    stdio: 'ignore',
  });
  if (tools.status !== 0) return 'useradd/userdel not found';
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      return `${dir} is not searchable by other users (the user must read the repository)`;
    }
    if (path.dirname(dir) === dir) break;
  }
  return undefined;
}

let counter = 0;

export function createUnprivilegedUser(): UnprivilegedUser {
  counter += 1;
  // Short (useradd limits names to 32 characters) and unique per worker and call.
  const name = `glu${process.pid % 100000}x${counter}`;
  execFileSync('useradd', ['-M', '-s', '/usr/sbin/nologin', name]);
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  const outsideTmp = fs.existsSync('/var/tmp') ? '/var/tmp' : '/tmp';
  const nodeDir = fs.mkdtempSync(path.join(outsideTmp, 'gl-node-'));
  fs.chmodSync(nodeDir, 0o755);
  fs.copyFileSync(process.execPath, path.join(nodeDir, 'node'));
  fs.chmodSync(path.join(nodeDir, 'node'), 0o755);
  const compileCache = path.join(nodeDir, 'compile-cache');
  fs.mkdirSync(compileCache);
  fs.chownSync(compileCache, uid, gid);
  return {
    name,
    uid,
    gid,
    nodeDir,
    compileCache,
    own(...paths) {
      for (const p of paths) {
        fs.lchownSync(p, uid, gid);
        if (!fs.lstatSync(p).isDirectory()) continue;
        for (const entry of fs.readdirSync(p, { recursive: true, withFileTypes: true })) {
          fs.lchownSync(path.join(entry.parentPath, entry.name), uid, gid);
        }
      }
    },
    remove() {
      fs.rmSync(nodeDir, { recursive: true, force: true });
      // Processes the user left would keep userdel from working: there should be none.
      spawnSync('userdel', [name], { stdio: 'ignore' });
    },
  };
}
