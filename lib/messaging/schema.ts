/**
 * A tiny runtime schema library: messages cross a trust boundary (content scripts run beside
 * hostile pages), so every request is checked against a schema before a handler sees it, and the
 * TypeScript types of requests are inferred from the same schemas (one source of truth).
 */
export type Check<T> = (value: unknown, path: string) => CheckResult<T>;
export type CheckResult<T> = { ok: true; value: T } | { ok: false; error: string };
export type Infer<C> = C extends Check<infer T> ? T : never;

const fail = (path: string, expected: string, value: unknown): CheckResult<never> => ({
  ok: false,
  error: `${path || 'value'}: expected ${expected}, got ${describe(value)}`,
});

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  return typeof value;
}

export const string =
  (options: { max?: number; min?: number } = {}): Check<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'a string', value);
    if (options.max !== undefined && value.length > options.max)
      return { ok: false, error: `${path}: longer than ${options.max} characters` };
    if (options.min !== undefined && value.length < options.min)
      return { ok: false, error: `${path}: shorter than ${options.min} characters` };
    return { ok: true, value };
  };

export const number =
  (options: { integer?: boolean; min?: number; max?: number } = {}): Check<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'a finite number', value);
    if (options.integer && !Number.isInteger(value)) return fail(path, 'an integer', value);
    if (options.min !== undefined && value < options.min) return fail(path, `a number ≥ ${options.min}`, value);
    if (options.max !== undefined && value > options.max) return fail(path, `a number ≤ ${options.max}`, value);
    return { ok: true, value };
  };

export const boolean = (): Check<boolean> => (value, path) =>
  typeof value === 'boolean' ? { ok: true, value } : fail(path, 'a boolean', value);

export const literal =
  <const L extends string | number | boolean>(...allowed: L[]): Check<L> =>
  (value, path) =>
    allowed.includes(value as L)
      ? { ok: true, value: value as L }
      : fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);

export const array =
  <T>(item: Check<T>, options: { max?: number } = {}): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array', value);
    if (options.max !== undefined && value.length > options.max)
      return { ok: false, error: `${path}: more than ${options.max} items` };
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(value[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  };

const OPTIONAL = Symbol('optional');
type OptionalCheck<T> = Check<T | undefined> & { [OPTIONAL]: true };

export const optional = <T>(inner: Check<T>): OptionalCheck<T> => {
  const check = ((value: unknown, path: string) =>
    value === undefined ? { ok: true, value: undefined } : inner(value, path)) as OptionalCheck<T>;
  check[OPTIONAL] = true;
  return check;
};

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalCheck<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined>;
};

/** Plain objects only; unknown keys are rejected so nothing unexpected reaches a handler. */
export const object =
  <S extends Shape>(shape: S): Check<ObjectOf<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object', value);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return fail(path, 'a plain object', value);
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key))
        return { ok: false, error: `${path ? path + '.' : ''}${key}: unexpected field` };
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const r = check((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return { ok: true, value: out as ObjectOf<S> };
  };

export const empty = (): Check<Record<string, never>> => object({}) as Check<Record<string, never>>;
