/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import { backupChunks, exportBackup, exportCsv, parseBackup } from '@/lib/backup';
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
/** A file as version 1 wrote it (one object per reading): still read. */
const file = () => {
  const { series: _series, ...head } = exportBackup({ lines: [line()], readings: [reading()] }, T);
  return { ...head, version: 1, readings: [(({ id: _id, ...rest }) => ({ ...rest, lineId: 1 }))(reading())] };
};
const text = () => JSON.stringify(file());
/** The same data as this version writes it. */
const v2 = () => exportBackup({ lines: [line()], readings: [reading()] }, T);
const v2Text = () => backupChunks(v2()).join('');
const errorOf = (input: string) => {
  const result = parseBackup(input);
  expect(result.ok).toBe(false);
  return (result as { error: string }).error;
};

const rowsOf = (result: ReturnType<typeof parseBackup>) => (result.ok ? result.data.series.flatMap((s) => s.rows()) : null);

describe('exportBackup', () => {
  it('writes the documented envelope (version 2), renumbers lines and keeps readings as compact series', () => {
    expect(v2()).toEqual({
      format: 'esim-usage-guard-backup',
      version: 2,
      exportedAt: T,
      lines: [{ ...line(), id: 1 }],
      series: [
        {
          lineId: 1, bucket: 'data', capturedAt: [T], confirmedAfter: [60_000], usedBytes: [3 * GB], remainingBytes: [17 * GB], pageSaysUpdatedAt: [null],
          totalBytes: [[20 * GB, 1]], unlimited: [[false, 1]], periodEnd: [[null, 1]], periodEndKind: [[null, 1]], overage: [[false, 1]],
          source: [['page', 1]], generic: [[false, 1]], unconfirmed: [[false, 1]], via: [[null, 1]],
        },
      ],
    });
    // The pieces are the file: a Blob of them is exactly the JSON.
    expect(JSON.parse(v2Text())).toEqual(v2());
  });
});

describe('parseBackup', () => {
  it('accepts its own export, and files of version 1', () => {
    const expected = [(({ id: _id, ...rest }) => ({ ...rest, lineId: 1 }))(reading())];
    const parsed = parseBackup(v2Text());
    expect(parsed).toMatchObject({ ok: true, data: { lines: v2().lines }, exportedAt: T });
    expect(rowsOf(parsed)).toEqual(expected);
    expect(rowsOf(parseBackup(text()))).toEqual(expected);
  });

  it.each([
    ['a series of a missing line', (f: Record<string, any>) => (f.series[0].lineId = 2), /series\[0\]: belongs to a line the file does not contain/],
    ['a column too short', (f: Record<string, any>) => f.series[0].usedBytes.push(1), /series\[0\]: usedBytes has 2 values for 1 readings/],
    ['runs that do not add up', (f: Record<string, any>) => (f.series[0].totalBytes = [[20 * GB, 2]]), /totalBytes\[0\] is not a \[value, count\] run|totalBytes covers/],
    ['a negative gap between readings', (f: Record<string, any>) => (f.series[0].capturedAt = [T, -5], f.series[0].confirmedAfter = [0, 0], f.series[0].usedBytes = [1, 2], f.series[0].remainingBytes = [1, 2], f.series[0].pageSaysUpdatedAt = [null, null], f.series[0].totalBytes = [[20 * GB, 2]], ['unlimited', 'periodEnd', 'periodEndKind', 'overage', 'source', 'generic', 'unconfirmed'].forEach((k) => (f.series[0][k][0][1] = 2))), /capturedAt\[1\] is not valid/],
    ['90 TB used of 1 B', (f: Record<string, any>) => ((f.series[0].usedBytes = [90 * 1024 ** 4]), (f.series[0].totalBytes = [[1, 1]]), (f.series[0].remainingBytes = [null])), /used is far beyond the total/],
    ['a cap of 0', (f: Record<string, any>) => ((f.series[0].totalBytes = [[0, 1]]), (f.series[0].remainingBytes = [0]), (f.series[0].usedBytes = [0])), /a cap of 0 bytes/],
    ['unlimited with a total', (f: Record<string, any>) => (f.series[0].unlimited = [[true, 1]]), /unlimited reading cannot also have a total/],
    ['a reading without figures', (f: Record<string, any>) => ((f.series[0].usedBytes = [null]), (f.series[0].remainingBytes = [null])), /needs the amount used or the amount remaining/],
    ['an unknown field in a series', (f: Record<string, any>) => (f.series[0].script = 'alert(1)'), /unknown field "script"/],
    ['an unknown carrier', (f: Record<string, any>) => (f.lines[0].carrierId = 'evil-telecom'), /carrierId: not a carrier this extension knows/],
    ['a label with a right-to-left override', (f: Record<string, any>) => (f.lines[0].label = 'Work\u202Elanosrep'), /label: contains control or text-direction characters/],
    ['a colour that fetches a URL', (f: Record<string, any>) => (f.lines[0].color = 'url(https://tracker.invalid/p.png)'), /color/],
  ])('refuses %s (version 2) and says where', (_what, corrupt, message) => {
    const f = JSON.parse(v2Text());
    corrupt(f);
    expect(errorOf(JSON.stringify(f))).toMatch(message);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a truncated file', text().slice(0, 120), /truncated/],
    ['a file cut by one character', text().slice(0, -1), /truncated/],
    ['not JSON at all', 'PK\u0003\u0004 this is a zip', /not valid JSON/],
    ['another JSON document', '{"hello":"world"}', /not an eSIM Usage Guard backup/],
    ['a JSON array', '[1,2,3]', /not an eSIM Usage Guard backup/],
    ['a newer version', JSON.stringify({ ...file(), version: 3 }), /newer version of the extension/],
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

  it('refuses a version 1 file of implausible figures, an unknown carrier or an unsafe colour', () => {
    expect(errorOf(text().replace(/"usedBytes":\d+/, `"usedBytes":${90 * 1024 ** 4}`).replace(/"totalBytes":\d+/, '"totalBytes":1').replace(/"remainingBytes":\d+/, '"remainingBytes":null'))).toMatch(/used is far beyond/);
    expect(errorOf(text().replace('"carrierId":"movistar-es"', '"carrierId":"evil-telecom"'))).toMatch(/not a carrier this extension knows/);
    expect(errorOf(text().replace('"color":null', '"color":"url(https://tracker.invalid/p.png)"'))).toMatch(/color/);
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
    const csv = exportCsv({ lines: [line()], readings: [reading(), reading({ id: 8, bucket: 'roaming', usedBytes: null, totalBytes: null, unlimited: true, remainingBytes: null })] }).join('');
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
    const csv = exportCsv({ lines: [line({ planName: '=HYPERLINK("http://x","y")', label: 'Work, "main"\nline' })], readings: [reading()] }).join('');
    const row = csv.split('\r\n').slice(1).join('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain('"Work, ""main""\nline"');
  });

  it('writes only the header for an empty database', () => {
    expect(exportCsv({ lines: [], readings: [] }).join('').split('\r\n')).toHaveLength(2);
  });
});

describe('periodEndKind in backups', () => {
  it('survives export and parse, and files written without it stay valid', () => {
    const withKind = exportBackup({ lines: [line()], readings: [reading({ periodEnd: T + 86_400_000, periodEndKind: 'expiry' })] }, T);
    expect(rowsOf(parseBackup(JSON.stringify(withKind)))?.[0]?.periodEndKind).toBe('expiry');
    expect(parseBackup(text()).ok).toBe(true);
    const broken = JSON.parse(JSON.stringify(withKind));
    broken.series[0].periodEndKind = [['sometimes', 1]];
    expect(parseBackup(JSON.stringify(broken)).ok).toBe(false);
  });
});
