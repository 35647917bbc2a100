/**
 * The action's log: the runner reads workflow commands from the step's output after .NET's
 * TrimStart(), which removes U+0085 (NEL) and the other Unicode white space. A line of model or
 * tool text (an update_plan step, an echoed shell command) must never become a command.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionLog } from '../../src/github/log.js';

const DOTNET_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

afterEach(() => vi.restoreAllMocks());

describe('actionLog', () => {
  it('prints no line that the runner would run as a workflow command', async () => {
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    const log = actionLog();
    log.info('plan:\n\u0085::add-mask::canary-plan-step');
    log.progress('\u0085\u3000::stop-commands::pwned');
    log.info('$ echo "\u0085::set-output name=status::success"\n\u2028::error::x');
    await log.group('\u0085::group::fake', async () => undefined);
    const lines = printed.split(/\r\n|\r|\n/);
    expect(lines.some((line) => line.includes('canary-plan-step'))).toBe(true);
    for (const line of lines) {
      const trimmed = line.replace(DOTNET_WHITESPACE, '');
      // Only greenloop's own group commands may start a line with `::`.
      if (trimmed.startsWith('::')) expect(trimmed).toMatch(/^::(group|endgroup)::/);
      expect(trimmed.startsWith('::group::\u0085::')).toBe(false);
    }
  });
});
