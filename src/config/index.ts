export { parseConfig, redactedConfig, splitList } from './parse.js';
export type { ConfigEnvironment, ConfigResult } from './parse.js';
export { INPUTS, OUTPUTS } from './inputs.js';
export type { InputName, OutputName, RawInputs } from './inputs.js';
export type * from './types.js';
