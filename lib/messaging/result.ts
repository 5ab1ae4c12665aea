/** Results cross the message boundary as plain data, so errors are values, never thrown across it. */
export type ErrorCode =
  | 'bad-message' // not a valid envelope or request
  | 'unknown-message'
  | 'forbidden' // sender may not send this message
  | 'unreachable' // no receiver (tab without content script, worker asleep and failed to wake)
  | 'storage' // storage failed (quota, corruption)
  | 'not-found'
  | 'invalid' // request valid in shape but refused by the handler
  | 'internal';

export interface FailureInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FailureInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): { ok: false; error: FailureInfo } => ({
  ok: false,
  error: { code, message },
});

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) {
    const e = v.error as Record<string, unknown> | undefined;
    return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}
