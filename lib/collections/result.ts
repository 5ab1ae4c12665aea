/** The outcome of any operation that can fail for a reason the user or the caller should see. */
export type ErrorCode =
  | 'INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NAME_TAKEN'
  | 'SCHEMA_TOO_NEW'
  | 'CORRUPT'
  | 'QUOTA_EXCEEDED'
  | 'STORAGE_READ_FAILED'
  | 'STORAGE_WRITE_FAILED'
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'WRONG_FORMAT'
  | 'FORMAT_TOO_NEW'
  | 'IMPORT_REJECTED';

/** One record an import refused, and why (the reason starts with the record's path). */
export interface Rejection {
  section: 'collections' | 'clips';
  index: number;
  id?: string;
  reason: string;
}

export interface Failure {
  code: ErrorCode;
  message: string;
  /** For IMPORT_REJECTED: every refused record. */
  rejected?: Rejection[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: Failure } {
  return { ok: false, error: { code, message } };
}

/** Own-property lookup: records keyed by user data must never answer with Object.prototype members. */
export function getOwn<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
