import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../src/decode.js';
import { encode } from '../src/encode.js';

test('plain pairs', () => {
  assert.equal(encode({ a: '1', b: 'two' }), 'a=1;b=two');
  assert.deepEqual(decode('a=1;b=two'), { a: '1', b: 'two' });
  assert.deepEqual(decode(''), {});
});

test('special characters are escaped with a backslash', () => {
  assert.equal(encode({ 'x;y': 'a=b', path: 'C:\\tmp' }), 'x\\;y=a\\=b;path=C:\\\\tmp');
});

test('escaped text decodes back', () => {
  assert.deepEqual(decode('x\\;y=a\\=b;path=C:\\\\tmp'), { 'x;y': 'a=b', path: 'C:\\tmp' });
});

test('round trip', () => {
  const map = { 'semi;colon': ';;', 'eq=': '=x=', 'back\\': '\\;\\=', empty: '' };
  assert.deepEqual(decode(encode(map)), map);
});

test('a pair without "=" is an error', () => {
  assert.throws(() => decode('a=1;oops'), SyntaxError);
});
