import { describe, expect, it } from 'vitest';
import type { SentAlert } from '@/lib/alerts/decide';
import { CYCLE_END, CYCLE_START, DAY, GB, H, NOW, anomaly, context, decideAlerts, runsOut, source, stored } from './states';

const TOTAL = 20 * GB;
const QUIET = { enabled: true, start: '22:00', end: '08:00' };

/** Runs the decision as the background does: each step sees what the previous ones stored. */
function steps(...runs: Array<{ sources: Parameters<typeof decideAlerts>[0]; ctx?: Parameters<typeof context>[0] }>) {
  let rows: SentAlert[] = [];
  const added: Array<Array<{ kind: string; key: string }>> = [];
  for (const run of runs) {
    const ctx = context(run.ctx);
    const { add, drop } = decideAlerts(run.sources, rows, ctx);
    rows = rows.map((r) => (drop.includes(r.id) ? { ...r, droppedAt: ctx.now } : r));
    rows = stored(add, rows, ctx.now);
    added.push(add.map((a) => ({ kind: a.kind, key: a.key })));
  }
  return { rows, added };
}

describe('threshold notifications', () => {
  it('fire nothing below the first threshold', () => {
    expect(decideAlerts([source(1, 9, 20)], [], context())).toEqual({ add: [], drop: [] });
  });

  it('fire one notification for the highest threshold newly crossed, not one per threshold', () => {
    const { add } = decideAlerts([source(1, 17, 20)], [], context());
    expect(add).toHaveLength(1);
    expect(add[0]).toMatchObject({
      lineId: 1, kind: 'threshold', key: `threshold:80:2026-11-08:${TOTAL}`, urgent: false, heldUntil: null, shownAt: null,
      cycleStart: CYCLE_START, detail: { threshold: 80, totalBytes: TOTAL },
      title: 'Movistar ••10: 80% of data used',
    });
    expect(add[0]!.message).toBe('17 GB of 20 GB used (85%). 3 GB left. It probably renews on 8 Dec.'.replace(/(\d) GB/g, '$1\u00A0GB'));
  });

  it('fire once per cycle, then only for a higher threshold', () => {
    const { added } = steps(
      { sources: [source(1, 11, 20)] },
      { sources: [source(1, 12, 20)] },
      { sources: [source(1, 17, 20)] },
      { sources: [source(1, 17.5, 20)] },
      { sources: [source(1, 19, 20)] },
      { sources: [source(1, 20, 20)] },
      { sources: [source(1, 21, 20)] },
    );
    expect(added.map((a) => a.map((x) => x.key.split(':')[1]))).toEqual([['50'], [], ['80'], [], ['90'], ['100'], []]);
  });

  it('call 100 % urgent and say the allowance is used up', () => {
    const { add } = decideAlerts([source(1, 20, 20)], [], context({ settings: { quietHours: QUIET }, now: Date.UTC(2026, 10, 20, 23) }));
    expect(add[0]).toMatchObject({ urgent: true, heldUntil: null, title: 'Movistar ••10: data allowance used up' });
  });

  it('re-arm in a new cycle', () => {
    const next = { cycle: { start: CYCLE_END, end: CYCLE_END + 31 * DAY, startSource: 'reset' as const, endSource: 'inferred' as const } };
    const { added } = steps(
      { sources: [source(1, 17, 20)] },
      { sources: [source(1, 2, 20, next)], ctx: { now: CYCLE_END + DAY } },
      { sources: [source(1, 17, 20, next)], ctx: { now: CYCLE_END + 20 * DAY } },
    );
    expect(added).toEqual([
      [{ kind: 'threshold', key: `threshold:80:2026-11-08:${TOTAL}` }],
      [],
      [{ kind: 'threshold', key: `threshold:80:2026-12-08:${TOTAL}` }],
    ]);
  });

  it('do not re-arm when the same cycle’s start is placed a day differently', () => {
    const drift = { cycle: { start: CYCLE_START + DAY, end: CYCLE_END + DAY, startSource: 'inferred' as const, endSource: 'page' as const } };
    const { added } = steps({ sources: [source(1, 17, 20)] }, { sources: [source(1, 17.2, 20, drift)] });
    expect(added[1]).toEqual([]);
  });

  it('re-arm after a top-up (a new total), once', () => {
    const { added } = steps(
      { sources: [source(1, 17, 20)] },
      { sources: [source(1, 17, 30)] },
      { sources: [source(1, 18, 30)] },
      { sources: [source(1, 25, 30)] },
    );
    expect(added.map((a) => a.map((x) => x.key))).toEqual([
      [`threshold:80:2026-11-08:${TOTAL}`],
      [`threshold:50:2026-11-08:${30 * GB}`],
      [],
      [`threshold:80:2026-11-08:${30 * GB}`],
    ]);
  });

  it('measure against the user’s own cap for the line', () => {
    const { add } = decideAlerts([source(1, 3, 20, {}, { capBytes: 5 * GB })], [], context());
    expect(add[0]).toMatchObject({ key: `threshold:50:2026-11-08:${5 * GB}`, detail: { threshold: 50, totalBytes: 5 * GB } });
  });

  it('follow the settings’ thresholds', () => {
    const { add } = decideAlerts([source(1, 13, 20)], [], context({ settings: { thresholds: [30, 60, 95] } }));
    expect(add.map((a) => a.detail?.threshold)).toEqual([60]);
  });

  it('never fire for a line pending confirmation, without analysis, unlimited or without a cap', () => {
    const sources = [
      source(1, 19, 20, {}, { pendingConfirmation: true }),
      { ...source(2, 19, 20), analysis: null },
      source(3, 500, null),
      source(4, 19, 20, {}, {}, { totalBytes: null, unlimited: false }),
    ];
    expect(decideAlerts(sources, [], context()).add).toEqual([]);
  });

  it('keep each line to itself', () => {
    const { add } = decideAlerts([source(1, 11, 20), source(2, 19, 20)], [], context());
    expect(add.map((a) => [a.lineId, a.detail?.threshold])).toEqual([[1, 50], [2, 90]]);
  });
});

describe('quiet hours', () => {
  const at = (h: number, m = 0) => Date.UTC(2026, 10, 20, h, m);

  it.each([
    ['22:00 (start)', at(22), Date.UTC(2026, 10, 21, 8)],
    ['23:30', at(23, 30), Date.UTC(2026, 10, 21, 8)],
    ['03:00 (after midnight)', at(3), at(8)],
  ])('hold a non-urgent threshold raised at %s until quiet hours end', (_, now, until) => {
    const { add } = decideAlerts([source(1, 17, 20)], [], context({ now, settings: { quietHours: QUIET } }));
    expect(add[0]).toMatchObject({ kind: 'threshold', heldUntil: until, shownAt: null });
  });

  it.each([['08:00 (end)', at(8)], ['12:00', at(12)], ['21:59', at(21, 59)]])('let it through at %s', (_, now) => {
    expect(decideAlerts([source(1, 17, 20)], [], context({ now, settings: { quietHours: QUIET } })).add[0]!.heldUntil).toBeNull();
  });

  it('hold nothing when quiet hours are off, or a window that does not cross midnight is not in force', () => {
    expect(decideAlerts([source(1, 17, 20)], [], context({ now: at(23) })).add[0]!.heldUntil).toBeNull();
    const day = { enabled: true, start: '13:00', end: '15:00' };
    expect(decideAlerts([source(1, 17, 20)], [], context({ now: at(23), settings: { quietHours: day } })).add[0]!.heldUntil).toBeNull();
    expect(decideAlerts([source(1, 17, 20)], [], context({ now: at(14), settings: { quietHours: day } })).add[0]!.heldUntil).toBe(at(15));
  });

  it('follow local time', () => {
    // 23:00 UTC is 00:00 in Madrid (CET): inside 22:00-08:00 there, held until 08:00 Madrid = 07:00 UTC.
    const { add } = decideAlerts([source(1, 17, 20)], [], context({ now: at(23), timeZone: 'Europe/Madrid', settings: { quietHours: QUIET } }));
    expect(add[0]!.heldUntil).toBe(Date.UTC(2026, 10, 21, 7));
  });

  it('never hold urgent ones: leaks, 100 %, overrun, validity ending within a day', () => {
    const night = at(23);
    const sources = [
      source(1, 1, 20, { anomalies: [anomaly('overnight', night - H)] }),
      source(2, 20, 20),
      source(3, 5, 20, runsOut(night + 5 * DAY)),
      source(4, 5, 20, { cycle: { start: CYCLE_START, end: night + 12 * H, startSource: 'inferred', endSource: 'page' } }, {}, { periodEndKind: 'expiry' }),
    ];
    const { add } = decideAlerts(sources, [], context({ now: night, settings: { quietHours: QUIET } }));
    expect(add.map((a) => [a.kind, a.urgent, a.heldUntil])).toEqual([
      ['leak', true, null],
      ['threshold', true, null],
      ['overrun', true, null],
      ['validity', true, null],
    ]);
  });

  it('show only the latest news of a night: a higher threshold drops the held lower one', () => {
    const { rows } = steps(
      { sources: [source(1, 11, 20)], ctx: { now: at(23), settings: { quietHours: QUIET } } },
      { sources: [source(1, 17, 20)], ctx: { now: at(23, 30), settings: { quietHours: QUIET } } },
    );
    expect(rows.map((r) => [r.detail?.threshold, r.heldUntil !== null, r.droppedAt ?? null])).toEqual([
      [50, true, at(23, 30)],
      [80, true, null],
    ]);
  });

  it('drop a held threshold that a new cycle or a top-up made untrue', () => {
    const next = { cycle: { start: NOW, end: NOW + 30 * DAY, startSource: 'reset' as const, endSource: 'inferred' as const } };
    const night = { now: at(23), settings: { quietHours: QUIET } };
    const reset = steps({ sources: [source(1, 17, 20)], ctx: night }, { sources: [source(1, 0.1, 20, next)], ctx: { ...night, now: at(23, 30) } });
    expect(reset.rows[0]!.droppedAt).toBe(at(23, 30));
    const topUp = steps({ sources: [source(1, 17, 20)], ctx: night }, { sources: [source(1, 17, 30)], ctx: { ...night, now: at(23, 30) } });
    expect(topUp.rows.map((r) => [r.key, r.droppedAt ?? null])).toEqual([
      [`threshold:80:2026-11-08:${TOTAL}`, at(23, 30)],
      [`threshold:50:2026-11-08:${30 * GB}`, null],
    ]);
  });

  it('drop held alerts of a line that is gone', () => {
    const { rows } = steps({ sources: [source(1, 17, 20)], ctx: { now: at(23), settings: { quietHours: QUIET } } }, { sources: [] });
    expect(rows[0]!.droppedAt).toBe(NOW);
  });
});

describe('leak notifications', () => {
  it.each([
    ['overnight', 'unusual data use overnight'],
    ['spike', 'unusual burst of data use'],
    ['burn-rate', 'data going unusually fast'],
  ] as const)('fire once for a %s anomaly: how much, when, which line', (kind, title) => {
    const a = anomaly(kind, NOW - 2 * H);
    const { add } = decideAlerts([source(1, 5, 20, { anomalies: [a] })], [], context());
    expect(add).toEqual([expect.objectContaining({ kind: 'leak', key: `leak:${a.start}`, urgent: true, title: `Movistar ••10: ${title}`, message: expect.stringMatching(/^1\.2\sGB between Fri 06:00 and Fri 10:00 \(6% of the cap\)\.$/) })]);
    // Worded from the figures, with the card's times (not the analysis's English reason).
    expect(add[0]!.message).not.toBe(a.reason);
  });

  it('do not repeat an episode whose window shifted as readings arrived, but raise a separate one', () => {
    const first = anomaly('spike', NOW - 2 * H);
    const { added } = steps(
      { sources: [source(1, 5, 20, { anomalies: [first] })] },
      { sources: [source(1, 6, 20, { anomalies: [{ ...first, start: first.start - H, end: NOW }] })] },
      { sources: [source(1, 8, 20, { anomalies: [first, anomaly('spike', NOW + 20 * H)] })], ctx: { now: NOW + 21 * H } },
    );
    expect(added.map((a) => a.length)).toEqual([1, 0, 1]);
  });

  it('stay silent about unusual use that ended more than 48 h ago', () => {
    expect(decideAlerts([source(1, 5, 20, { anomalies: [anomaly('spike', NOW - 49 * H)] })], [], context()).add).toEqual([]);
  });

  it('never fire without data or on a pending line', () => {
    expect(decideAlerts([source(1, 5, 20, { anomalies: [anomaly('spike', NOW)] }, { pendingConfirmation: true })], [], context()).add).toEqual([]);
  });
});

describe('overrun notifications', () => {
  it('fire when the cap is projected to run out before renewal', () => {
    const { add } = decideAlerts([source(1, 8, 20, runsOut(Date.UTC(2026, 10, 30, 9)))], [], context());
    expect(add).toEqual([
      expect.objectContaining({ kind: 'overrun', urgent: true, title: 'Movistar ••10: data runs out around 30 Nov', detail: { at: Date.UTC(2026, 10, 30, 9), totalBytes: TOTAL } }),
    ]);
    expect(add[0]!.message).toContain('12\u00A0GB left');
  });

  it('fire again only when the date moves at least a day earlier', () => {
    const d = Date.UTC(2026, 10, 30, 9);
    const { added } = steps(
      { sources: [source(1, 8, 20, runsOut(d))] },
      { sources: [source(1, 8.5, 20, runsOut(d - 20 * H))] },
      { sources: [source(1, 9, 20, runsOut(d + 2 * DAY))] },
      { sources: [source(1, 9.5, 20, runsOut(d - DAY))] },
      { sources: [source(1, 9.8, 20, runsOut(d - DAY - 5 * H))] },
    );
    expect(added.map((a) => a.length)).toEqual([1, 0, 0, 1, 0]);
  });

  it('stay silent on insufficient data, within the cap, or a run-out after renewal', () => {
    const sources = [
      source(1, 8, 20, { projection: { status: 'insufficient-data', exhaustAt: null, exhaustRange: null, spareBytes: null, expectedDailyBytes: null } }),
      source(2, 8, 20),
      source(3, 8, 20, runsOut(CYCLE_END + DAY)),
    ];
    expect(decideAlerts(sources, [], context()).add).toEqual([]);
  });

  it('re-arm in a new cycle and after a top-up', () => {
    const next = { cycle: { start: CYCLE_END, end: CYCLE_END + 31 * DAY, startSource: 'reset' as const, endSource: 'inferred' as const } };
    const { added } = steps(
      { sources: [source(1, 8, 20, runsOut(NOW + 5 * DAY))] },
      { sources: [source(1, 8, 25, runsOut(NOW + 5 * DAY))] },
      { sources: [source(1, 8, 25, { ...next, ...runsOut(CYCLE_END + 20 * DAY) })], ctx: { now: CYCLE_END + 10 * DAY } },
    );
    expect(added.map((a) => a.length)).toEqual([1, 1, 1]);
  });
});

describe('validity notifications', () => {
  const ending = (end: number, endSource: 'page' | 'inferred' | 'cycle-day' = 'page') => ({
    cycle: { start: CYCLE_START, end, startSource: 'inferred' as const, endSource },
  });
  /** A line whose page states when its allowance expires (prepaid validity). */
  const valid = (id: number, a: ReturnType<typeof ending>) => source(id, 5, 20, a, {}, { periodEndKind: 'expiry' });

  it('stay silent for a postpaid cycle that simply renews, even when the page states its end', () => {
    expect(decideAlerts([source(1, 5, 20, ending(NOW + 2 * DAY))], [], context()).add).toEqual([]);
  });

  it('fire 3 days before a stated end (not urgent) and again 1 day before (urgent)', () => {
    const end = NOW + 5 * DAY;
    const { rows, added } = steps(
      { sources: [valid(1, ending(end))] },
      { sources: [valid(1, ending(end))], ctx: { now: end - 3 * DAY } },
      { sources: [valid(1, ending(end))], ctx: { now: end - 2 * DAY } },
      { sources: [valid(1, ending(end))], ctx: { now: end - 20 * H } },
      { sources: [valid(1, ending(end))], ctx: { now: end - 2 * H } },
    );
    expect(added.map((a) => a.map((x) => x.key))).toEqual([[], ['validity:3d:2026-11-25'], [], ['validity:1d:2026-11-25'], []]);
    expect(rows.map((r) => r.urgent)).toEqual([false, true]);
    expect((rows[0] as SentAlert & { title: string }).title).toBe('Movistar ••10: plan period ends 25 Nov');
  });

  it('send only the 1-day one when first seen within a day, and drop a held 3-day one', () => {
    const end = Date.UTC(2026, 10, 22, 6);
    const quiet = { quietHours: QUIET };
    const { rows } = steps(
      { sources: [valid(1, ending(end))], ctx: { now: Date.UTC(2026, 10, 20, 23), settings: quiet } },
      { sources: [valid(1, ending(end))], ctx: { now: Date.UTC(2026, 10, 21, 7), settings: quiet } },
    );
    expect(rows.map((r) => [r.key, r.heldUntil !== null, r.droppedAt ?? null])).toEqual([
      ['validity:3d:2026-11-22', true, Date.UTC(2026, 10, 21, 7)],
      ['validity:1d:2026-11-22', false, null],
    ]);
    expect(decideAlerts([valid(2, ending(end))], [], context({ now: end - 3 * H })).add.map((a) => a.key)).toEqual(['validity:1d:2026-11-22']);
  });

  it('stay silent when the end is only inferred or from the cycle day, far away, or passed', () => {
    for (const a of [ending(NOW + DAY, 'inferred'), ending(NOW + DAY, 'cycle-day'), ending(NOW + 4 * DAY), ending(NOW - H)]) {
      expect(decideAlerts([valid(1, a)], [], context()).add).toEqual([]);
    }
  });
});

describe('stale-reading reminders', () => {
  const readAt = NOW - 4 * DAY;
  const old = source(1, 5, 20, {}, {}, { capturedAt: readAt, confirmedAt: readAt });

  it('are off by default', () => {
    expect(decideAlerts([old], [], context()).add).toEqual([]);
  });

  it('fire once after settings.staleReadingDays without a fresh reading, not urgent', () => {
    const ctx = { settings: { staleReadingDays: 3 } };
    const { added, rows } = steps({ sources: [old], ctx }, { sources: [old], ctx: { ...ctx, now: NOW + 2 * DAY } });
    expect(added).toEqual([[{ kind: 'stale', key: `stale:${readAt}` }], []]);
    expect(rows[0]).toMatchObject({ urgent: false, detail: { at: readAt } });
    expect(decideAlerts([old], [], context({ settings: { staleReadingDays: 5 } })).add).toEqual([]);
  });

  it('re-arm after a fresh reading, and drop a held reminder once the line is read again', () => {
    const night = { now: Date.UTC(2026, 10, 20, 23), settings: { staleReadingDays: 3, quietHours: QUIET } };
    const fresh = source(1, 6, 20, {}, {}, { capturedAt: Date.UTC(2026, 10, 20, 23, 10), confirmedAt: Date.UTC(2026, 10, 20, 23, 10) });
    const { rows } = steps({ sources: [old], ctx: night }, { sources: [fresh], ctx: { ...night, now: Date.UTC(2026, 10, 20, 23, 20) } });
    expect(rows.map((r) => [r.kind, r.droppedAt ?? null])).toEqual([['stale', Date.UTC(2026, 10, 20, 23, 20)]]);
  });
});
