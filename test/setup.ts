// Load the o200k tokenizer once per test worker, as the loop and `digestFile` do
// before counting, so synchronous token counts in tests are exact.
import { loadTokenizer } from '../src/model/tokens.js';

await loadTokenizer();
