import { describe, expect, it } from 'vitest';
import { exportBackup, exportCsv, parseBackup } from '@/lib/backup';
import { MAX_BACKUP_CHARS } from '@/lib/backup/format';
import type { LineRow, ReadingRow } from '@/lib/db/schema';

const GB = 1024 ** 3;
const T = Date.UTC(2026, 10, 20, 9, 30);
const line = (over: Partial<LineRow> = {}): LineRow => ({
  id: 40,
  carrierId: 'movistar-es',
  lineKey: 'movistar-es:0012',
  lineDigits: '0012',
  planName: 'Fusión',
  label: null,
  color: null,
  hidden: false,
  pendingConfirmation: false,
  createdAt: T - 86_400_000,
  ...over,
});
const reading = (over: Partial<ReadingRow> = {}): ReadingRow => ({
  id: 7,
  lineId: 40,
  bucket: 'data',
  capturedAt: T,
  confirmedAt: T + 60_000,
  usedBytes: 3 * GB,
  totalBytes: 20 * GB,
  unlimited: false,
  remainingBytes: 17 * GB,
  periodEnd: null,
  pageSaysUpdatedAt: null,
  overage: false,
  source: 'page',
  generic: false,
  ...over,
});
const file = () => exportBackup({ lines: [line()], readings: [reading()] }, T);
const text = () => JSON.stringify(file());
const errorOf = (input: string) => {
  const result = parseBackup(input);
  expect(result.ok).toBe(false);
  return (result as { error: string }).error;
};

describe('exportBackup', () => {
  it('writes the documented envelope, renumbers lines and drops reading ids', () => {
    expect(file()).toEqual({
      format: 'esim-usage-guard-backup',
      version: 1,
      exportedAt: T,
      lines: [{ ...line(), id: 1 }],
      readings: [(({ id: _id, ...rest }) => ({ ...rest, lineId: 1 }))(reading())],
    });
  });
});

describe('parseBackup', () => {
  it('accepts its own export', () => {
    expect(parseBackup(text())).toEqual({ ok: true, data: { lines: file().lines, readings: file().readings }, exportedAt: T });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a truncated file', text().slice(0, 120), /truncated/],
    ['a file cut by one character', text().slice(0, -1), /truncated/],
    ['not JSON at all', 'PK\u0003\u0004 this is a zip', /not valid JSON/],
    ['another JSON document', '{"hello":"world"}', /not an eSIM Usage Guard backup/],
    ['a JSON array', '[1,2,3]', /not an eSIM Usage Guard backup/],
    ['a newer version', JSON.stringify({ ...file(), version: 2 }), /newer version of the extension/],
    ['version zero', JSON.stringify({ ...file(), version: 0 }), /Unsupported backup version \(0\)/],
    ['a version as text', JSON.stringify({ ...file(), version: '1' }), /Unsupported backup version \("1"\)/],
  ])('refuses %s with a clear message', (_what, input, message) => {
    expect(errorOf(input)).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(errorOf(' '.repeat(MAX_BACKUP_CHARS + 1))).toMatch(/too large/);
  });

  it.each([
    ['__proto__ at the top', text().replace('{', '{"__proto__":{"isAdmin":true},')],
    ['__proto__ in a line', text().replace('"carrierId"', '"__proto__":{"x":1},"carrierId"')],
    ['constructor in a reading', text().replace('"bucket"', '"constructor":{"prototype":{}},"bucket"')],
    ['prototype anywhere', text().replace('"lines":', '"x":{"prototype":1},"lines":')],
  ])('refuses prototype-pollution keys: %s', (_what, input) => {
    expect(errorOf(input)).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses absurd nesting', () => {
    expect(errorOf(text().replace('"lines":', `"x":${'['.repeat(50)}${']'.repeat(50)},"lines":`))).toMatch(/nesting/);
  });

  it('refuses huge arrays', () => {
    const many = { ...file(), lines: Array.from({ length: 1_001 }, (_, i) => ({ ...file().lines[0], id: i + 1, lineKey: `movistar-es:${i}` })) };
    expect(errorOf(JSON.stringify(many))).toMatch(/lines: too many entries \(at most 1000\)/);
  });

  it.each([
    ['a string where bytes belong', (t: string) => t.replace(/"usedBytes":\d+/, '"usedBytes":"3221225472"'), /readings\[0\]\.usedBytes: expected a whole number/],
    ['negative bytes', (t: string) => t.replace(/"usedBytes":\d+/, '"usedBytes":-1'), /readings\[0\]\.usedBytes: must be at least 0/],
    ['fractional bytes', (t: string) => t.replace(/"usedBytes":\d+/, '"usedBytes":1.5'), /usedBytes: expected a whole number/],
    ['NaN bytes', (t: string) => t.replace(/"usedBytes":\d+/, '"usedBytes":NaN'), /not valid JSON/],
    ['astronomic bytes', (t: string) => t.replace(/"usedBytes":\d+/, '"usedBytes":1e300'), /usedBytes: must be at most/],
    ['a time in seconds', (t: string) => t.replace(/"capturedAt":\d+/, '"capturedAt":1763631000'), /capturedAt: must be at least/],
    ['an unknown bucket', (t: string) => t.replace('"bucket":"data"', '"bucket":"voice"'), /readings\[0\]\.bucket: must be one of/],
    ['an unknown field', (t: string) => t.replace('"bucket"', '"script":"alert(1)","bucket"'), /unknown field "script"/],
    ['a reading of a missing line', (t: string) => t.replace('"lineId":1', '"lineId":2'), /belongs to line 2, which the file does not contain/],
    ['a line twice', (t: string) => JSON.stringify({ ...JSON.parse(t), lines: [file().lines[0], file().lines[0]] }), /appears twice/],
  ])('refuses %s and says where', (_what, corrupt, message) => {
    expect(errorOf(corrupt(text()))).toMatch(message);
  });
});

describe('exportCsv', () => {
  it('writes a header row and one row per reading, integers and ISO times', () => {
    const csv = exportCsv({ lines: [line()], readings: [reading(), reading({ id: 8, bucket: 'roaming', usedBytes: null, totalBytes: null, unlimited: true, remainingBytes: null })] });
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      'line,carrier,line_digits,plan,label,bucket,captured_at,confirmed_at,used_bytes,total_bytes,remaining_bytes,unlimited,period_end,page_updated_at,overage,source,generic',
    );
    expect(rows[1]).toBe(`movistar-es:0012,movistar-es,0012,Fusión,,data,2026-11-20T09:30:00.000Z,2026-11-20T09:31:00.000Z,${3 * GB},${20 * GB},${17 * GB},false,,,false,page,false`);
    expect(rows[2]).toContain(',roaming,');
    expect(rows[2]).toContain(',,,,true,');
    expect(rows).toHaveLength(4); // header, two rows, and the final CRLF
    expect(rows[3]).toBe('');
  });

  it('quotes separators and defuses spreadsheet formulas from page or user text', () => {
    const csv = exportCsv({ lines: [line({ planName: '=HYPERLINK("http://x","y")', label: 'Work, "main"\nline' })], readings: [reading()] });
    const row = csv.split('\r\n').slice(1).join('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain('"Work, ""main""\nline"');
  });

  it('writes only the header for an empty database', () => {
    expect(exportCsv({ lines: [], readings: [] }).split('\r\n')).toHaveLength(2);
  });
});

describe('periodEndKind in backups', () => {
  it('survives export and parse, and files written without it stay valid', () => {
    const withKind = exportBackup({ lines: [line()], readings: [reading({ periodEnd: T + 86_400_000, periodEndKind: 'expiry' })] }, T);
    const parsed = parseBackup(JSON.stringify(withKind));
    expect(parsed.ok && parsed.data.readings[0]?.periodEndKind).toBe('expiry');
    expect(parseBackup(text()).ok).toBe(true);
    expect(parseBackup(JSON.stringify({ ...withKind, readings: [{ ...withKind.readings[0], periodEndKind: 'sometimes' }] })).ok).toBe(false);
  });
});
