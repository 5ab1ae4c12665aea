/**
 * Schema-directed readers for untrusted values (storage records, imported files). Each reader
 * takes the value and the path it was found at, and throws a `ValidationError` whose message
 * starts with that path (`clips[3].target.url: expected a string`). The readers only descend into
 * the fields a schema names, so deeply nested garbage elsewhere costs nothing, and they build fresh
 * objects, so unknown keys (including `__proto__`) are never copied.
 */
export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ValidationError';
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string, maxItems: number): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(path, `expected an array, got ${describeValue(value)}`);
  if (value.length > maxItems) throw new ValidationError(path, `more than ${maxItems} items (${value.length})`);
  return value;
}

export interface StringRules {
  max: number;
  min?: number;
  pattern?: RegExp;
  patternName?: string;
}

export function readString(value: unknown, path: string, rules: StringRules): string {
  if (typeof value !== 'string') throw new ValidationError(path, `expected a string, got ${describeValue(value)}`);
  if (value.length > rules.max) {
    throw new ValidationError(path, `longer than ${rules.max} characters (${value.length})`);
  }
  if (rules.min !== undefined && value.length < rules.min) {
    throw new ValidationError(path, rules.min === 1 ? 'must not be empty' : `shorter than ${rules.min} characters`);
  }
  if (rules.pattern && !rules.pattern.test(value)) {
    throw new ValidationError(path, `expected ${rules.patternName ?? `a string matching ${rules.pattern}`}`);
  }
  return value;
}

export function readOptionalString(value: unknown, path: string, rules: StringRules): string | undefined {
  return value === undefined ? undefined : readString(value, path, rules);
}

export function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(path, `expected an integer, got ${describeValue(value)}`);
  }
  if (value < min || value > max) throw new ValidationError(path, `expected an integer from ${min} to ${max}`);
  return value;
}

export function readFiniteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(path, `expected a finite number, got ${describeValue(value)}`);
  }
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(path, `expected true or false, got ${describeValue(value)}`);
  return value;
}

export function readOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(path, `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return value as T;
}

/** Timestamps we write ourselves: `Date.prototype.toISOString()` output (UTC, `Z`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function readInstant(value: unknown, path: string): string {
  const text = readString(value, path, { max: 30, pattern: ISO_INSTANT, patternName: 'an ISO 8601 UTC timestamp' });
  if (Number.isNaN(Date.parse(text))) throw new ValidationError(path, 'not a real date');
  return text;
}

/** Dates found on pages: ISO 8601, possibly partial (`2023`, `2023-05`) or without a zone. */
const ISO_PAGE_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function readPageDate(value: unknown, path: string): string {
  return readString(value, path, { max: 40, pattern: ISO_PAGE_DATE, patternName: 'an ISO 8601 date' });
}

/** Runs a reader and turns a ValidationError into a message; other errors are bugs and propagate. */
export function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, message: error.message };
    throw error;
  }
}
