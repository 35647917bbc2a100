/**
 * The CLI's log: on a terminal the progress line redraws in place (iteration,
 * failing tests, tokens, cost, elapsed); elsewhere every line is printed plainly.
 * Lines carry model and test text, and the CLI may run inside an Actions step:
 * workflow commands in them are defused, as in the action's log.
 */
import type { RunLog } from '../loop/run.js';
import { neutraliseWorkflowCommands } from '../report/escape.js';

export interface TerminalLog extends RunLog {
  /** Ends the live line. */
  done(): void;
}

export function terminalLog(stream: NodeJS.WriteStream, start = Date.now()): TerminalLog {
  const live = stream.isTTY === true && process.env.CI !== 'true';
  let lastProgress = '';
  const elapsed = (): string => {
    const seconds = Math.round((Date.now() - start) / 1000);
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  };
  const clear = (): void => {
    if (live && lastProgress !== '') stream.write('\r\x1b[K');
  };
  const redraw = (): void => {
    if (live && lastProgress !== '') stream.write(`\x1b[2m${lastProgress} · ${elapsed()}\x1b[0m`);
  };
  const line = (text: string): void => {
    clear();
    stream.write(`${neutraliseWorkflowCommands(text)}\n`);
    redraw();
  };
  return {
    info: (text) => line(text),
    warn: (text) => line(`warning: ${text}`),
    progress: (text) => {
      lastProgress = neutraliseWorkflowCommands(text);
      if (live) {
        clear();
        redraw();
      } else {
        stream.write(`${lastProgress} · ${elapsed()}\n`);
      }
    },
    async group(title, body) {
      line(`── ${title}`);
      return body();
    },
    done() {
      clear();
      if (live && lastProgress !== '') stream.write(`${lastProgress} · ${elapsed()}\n`);
      lastProgress = '';
    },
  };
}
