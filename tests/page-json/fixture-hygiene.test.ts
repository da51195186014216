import { describe, expect, it } from 'vitest';
import { findPersonNames } from '../helpers/person-names';
import { loadJsonFixtures } from './json-fixtures';

/**
 * The JSON fixtures follow the HTML fixtures' redaction rule (tests/carriers/fixture-hygiene.test.ts):
 * a phone number keeps a prefix of at most two digits and its last two digits, every other digit
 * is 0; times are epoch milliseconds. No e-mail, no person's name.
 */
const fixtures = loadJsonFixtures();
const MIN_EPOCH = Date.UTC(2015, 0, 1);
const MAX_EPOCH = Date.UTC(2100, 0, 1);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.each(fixtures.map((f) => [`${f.carrierId}/${f.name}`, f] as const))('JSON fixture %s', (_name, fixture) => {
  it('holds no real phone number, e-mail or name', () => {
    const text = `${fixture.text} ${fixture.expected.url}`;
    const numbers = [...text.matchAll(/\d{8,}/g)].map((m) => m[0]);
    const unredacted = numbers.filter((n) => !/^\d{1,2}0{4,}\d{2}$/.test(n) && !(Number(n) >= MIN_EPOCH && Number(n) <= MAX_EPOCH && n.length === 13));
    expect(unredacted).toEqual([]);
    expect(text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).toEqual([]);
    expect(findPersonNames(strings(fixture.body).join('\n'))).toEqual([]);
  });
});
