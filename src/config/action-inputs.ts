/** Reads the action's inputs (INPUT_* variables) through @actions/core: the only place that does. */
import * as core from '@actions/core';
import { INPUTS, type RawInputs } from './inputs.js';

export function readActionInputs(): RawInputs {
  return Object.fromEntries(INPUTS.map((input) => [input.name, core.getInput(input.name)]));
}
