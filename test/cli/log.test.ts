/**
 * The CLI's log carries model and test text and may run inside an Actions step (the runner reads
 * workflow commands from a step's stdout and stderr): no printed line may start a command after
 * the runner's TrimStart(), which removes U+0085 (NEL) too.
 */
import { describe, expect, it } from 'vitest';
import { terminalLog } from '../../src/cli/log.js';

function collect(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = {
    isTTY: false,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('terminalLog', () => {
  it('defuses workflow commands in every kind of line', async () => {
    const { stream, text } = collect();
    const log = terminalLog(stream);
    log.info('\u0085::add-mask::secret-value');
    log.warn('x\n::stop-commands::tok');
    log.progress('\u0085::set-output name=status::success');
    await log.group('\u0085::group::fake', async () => undefined);
    log.done();
    for (const line of text().split(/\r\n|\r|\n/)) {
      expect(line.replace(/^[\s\u0085]+/, '').startsWith('::')).toBe(false);
    }
  });
});
