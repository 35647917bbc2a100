/**
 * Reads named files out of an attempt's artifact zip, in memory and within limits. An attempt's
 * artifact is another job's output: unpacking it onto disk would trust its entry names (`../`,
 * absolute paths), its symlinks and its sizes (a deflate bomb expands about 1,000 times). Here
 * nothing is written: only the central directory is read (APPNOTE.TXT 4.3.12, 4.3.16), only the
 * wanted top-level names are inflated, each stopped at its own limit by zlib.
 */
import { inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from '../core/result.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** The files found (a wanted name absent from the zip is absent here). */
export type ZipFiles = ReadonlyMap<string, Buffer>;

function endRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - EOCD_SEARCH); at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/** The local data of one entry, or why it cannot be read. */
function entryData(zip: Buffer, local: number, compressed: number): Result<Buffer> {
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) {
    return err('a local header is not where the directory says');
  }
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + compressed > zip.length) return err('an entry runs past the end of the zip');
  return ok(zip.subarray(start, start + compressed));
}

function inflate(data: Buffer, method: number, limit: number): Result<Buffer> {
  if (method === 0) return data.length > limit ? err('too large') : ok(data);
  if (method !== 8) return err(`compression method ${method} is not deflate`);
  try {
    return ok(inflateRawSync(data, { maxOutputLength: limit }));
  } catch (error) {
    const tooLarge =
      error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
    return err(tooLarge ? 'too large' : 'not valid deflate data');
  }
}

/**
 * The wanted files (top-level names, each with its size limit in bytes) from a zip in memory.
 * Anything else in the zip is ignored; an entry over its limit, a name given twice, or a zip
 * that is not one is an error in one line.
 */
export function readZipFiles(
  zip: Buffer,
  wanted: Readonly<Record<string, number>>,
): Result<ZipFiles> {
  const end = endRecord(zip);
  if (end < 0) return err('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      return err('its central directory is damaged');
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const limit = Object.hasOwn(wanted, name) ? wanted[name] : undefined;
    if (limit !== undefined) {
      if (found.has(name)) return err(`${name} is in the zip twice`);
      const data = entryData(zip, zip.readUInt32LE(at + 42), zip.readUInt32LE(at + 20));
      if (!data.ok) return data;
      const content = inflate(data.value, zip.readUInt16LE(at + 10), limit);
      if (!content.ok) return err(`${name}: ${content.error} (limit ${limit} bytes)`);
      found.set(name, content.value);
    }
    at = next;
  }
  return ok(found);
}
