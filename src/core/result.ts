/**
 * The one shape of an operation that can fail in a way its caller handles: a value, or an error
 * (a one-line message unless said otherwise). What ends the run is an exception instead. Part of
 * the core: imports nothing.
 */
export type Result<T, E = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
