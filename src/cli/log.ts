/**
 * The CLI's log: on a terminal the progress line redraws in place (iteration,
 * failing tests, tokens, cost, elapsed: the loop writes all of it); elsewhere
 * every line is printed plainly.
 * Lines carry model and test text, and the CLI may run inside an Actions step:
 * workflow commands in them are defused, as in the action's log.
 */
import type { RunLog } from '../core/log.js';
import { neutraliseWorkflowCommands } from '../report/escape.js';

export interface TerminalLog extends RunLog {
  /** Ends the live line. */
  done(): void;
}

export function terminalLog(stream: NodeJS.WriteStream): TerminalLog {
  const live = stream.isTTY === true && process.env.CI !== 'true';
  let lastProgress = '';
  const clear = (): void => {
    if (live && lastProgress !== '') stream.write('\r\x1b[K');
  };
  const redraw = (): void => {
    if (live && lastProgress !== '') stream.write(`\x1b[2m${lastProgress}\x1b[0m`);
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
        stream.write(`${lastProgress}\n`);
      }
    },
    async group(title, body) {
      line(`── ${title}`);
      return body();
    },
    done() {
      clear();
      if (live && lastProgress !== '') stream.write(`${lastProgress}\n`);
      lastProgress = '';
    },
  };
}
