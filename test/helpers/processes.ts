/** Processes a test starts and watches: is it still running, did it end. */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether a process still runs (a zombie waiting for a reaper that never comes has ended). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Waits (a bounded while: signals take a moment to land) for a process to end. */
export async function ended(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
  return !alive(pid);
}

/** A test command that writes its pid (and its child's) to `file`, then runs until killed. */
export function hangingTests(file: string): string {
  // The child is started without `detached`: it stays in the command's process group.
  const script = `const {spawn}=require('child_process');const c=spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});require('fs').writeFileSync(${JSON.stringify(file)},process.pid+' '+c.pid);setInterval(()=>{},1000)`;
  return `node -e "${script.replace(/"/g, '\\"')}"`;
}

export async function pidsFrom(file: string): Promise<number[]> {
  while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') await sleep(50);
  return readFileSync(file, 'utf8').trim().split(' ').map(Number);
}
