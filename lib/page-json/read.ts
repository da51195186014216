/**
 * Safe steps through a JSON value that came from the page's world. Only own properties of plain
 * objects are read (never `__proto__`, `constructor` or anything inherited), arrays are length-
 * capped, and a number is a finite, non-negative JSON number or a plain decimal string. Anything
 * else reads as `undefined`, so an adapter written with these cannot be steered by odd input.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** `value[key]` when `value` is a plain object that has `key` itself. */
export function field(value: unknown, key: string): unknown {
  const object = asObject(value);
  return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** A path of own keys: `path(body, 'response', 'data')`. */
export function path(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((at, key) => field(at, key), value);
}

/** An array of at most `max` items; longer arrays are not a usage answer. */
export function list(value: unknown, max = 50): readonly unknown[] | undefined {
  return Array.isArray(value) && value.length <= max ? value : undefined;
}

const DECIMAL = /^\s*\d{1,12}(?:\.\d{1,6})?\s*$/;

/** A non-negative finite number, from a JSON number or a plain decimal string ("60.00"). */
export function amount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  return undefined;
}

/** A short string (labels, codes, plan names); longer text is not a label. */
export function text(value: unknown, max = 80): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/** Flags written as true / "true" / "Y" / 1 / "1" by different back ends. */
export function flag(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1' || value === 'Y' || value === 'y' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'N' || value === 'n' || value === 'false' || value === null) return false;
  return undefined;
}
