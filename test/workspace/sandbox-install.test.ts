/**
 * A missing bubblewrap: on a GitHub Actions runner greenloop installs it (apt-get, as root or with
 * passwordless sudo); on someone's own machine (the CLI, `npm run demo` in a root container) it
 * never installs a package or changes a kernel setting, and says what to install. PATH holds
 * recording stand-ins for apt-get and sudo and no bwrap, so nothing is really installed.
 * Its own file: the sandbox probe is cached per process.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeSandbox } from '../../src/workspace/sandbox.js';

const bin = mkdtempSync(path.join(os.tmpdir(), 'gl-no-bwrap-'));
const calls = path.join(bin, 'calls');
const savedPath = process.env['PATH'];
afterAll(() => {
  process.env['PATH'] = savedPath;
  rmSync(bin, { recursive: true, force: true });
});

function stand(name: string, body: string): void {
  writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(path.join(bin, name), 0o755);
}
// apt-get records its arguments and installs nothing; sudo -n runs the command it is given.
stand('apt-get', `echo "apt-get $*" >> '${calls}'`);
stand('sudo', '[ "$1" = -n ] && shift\nexec "$@"');

describe.skipIf(process.platform !== 'linux')('a missing bubblewrap', () => {
  it('is never installed outside a runner: no sandbox, and the reason says what to install', async () => {
    process.env['PATH'] = bin; // no bwrap on it (/bin is /usr/bin on merged-/usr systems)
    const lines: string[] = [];
    const probe = await probeSandbox('auto', (line) => lines.push(line), { onRunner: false });
    process.env['PATH'] = savedPath;
    expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
    expect(probe.mode).toBe('none');
    expect(probe.reason).toContain('sudo apt-get install bubblewrap');
    expect(lines.join('\n')).not.toContain('installing');
  });

  it('is installed with apt-get on a runner', async () => {
    process.env['PATH'] = bin; // no bwrap on it (/bin is /usr/bin on merged-/usr systems)
    const probe = await probeSandbox('auto', () => undefined, { onRunner: true });
    process.env['PATH'] = savedPath;
    expect(readFileSync(calls, 'utf8')).toContain('apt-get install -y -qq bubblewrap');
    expect(probe.mode).toBe('none'); // the stand-in installed nothing
  });
});
