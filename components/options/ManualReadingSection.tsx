import { useState } from 'preact/hooks';
import type { LineRow } from '@/lib/db/schema';
import type { Translator } from '@/lib/i18n/translator';
import { LABEL_MAX } from '@/lib/messages/ui-actions';
import type { ManualReadingInput } from '@/lib/state/options-model';
import { lineName } from '@/lib/status/line-name';

const UNITS = { MB: 1024 ** 2, GB: 1024 ** 3 } as const;
type Unit = keyof typeof UNITS;

export interface ManualReadingSectionProps {
  i18n: Translator;
  /** Lines the user keeps by hand (carrierId 'manual'). */
  manualLines: LineRow[];
  onSubmit: (input: ManualReadingInput) => Promise<boolean> | void;
}

type Problem = 'name' | 'used' | 'total' | 'date' | null;

/** Local midnight at the end of the chosen day is when an allowance "valid until 5 Dec" runs out. */
/**
 * A typed YYYY-MM-DD date (a text field labelled with that format: a native date field writes the
 * browser's own order, which may not be the chosen language's) at the end of that local day.
 * Null for an empty field; NaN for something that is not a real date.
 */
function endOfDay(value: string): number | null {
  const text = value.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return NaN;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d, 23, 59, 59);
  return date.getMonth() === m - 1 && date.getDate() === d ? date.getTime() : NaN;
}

function toBytes(value: string, unit: Unit): number | null {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n * UNITS[unit]) : null;
}

/** For a line whose carrier portal we cannot read: the user types what the carrier's app says. */
export function ManualReadingSection({ i18n, manualLines, onSubmit }: ManualReadingSectionProps) {
  const { t } = i18n;
  const [target, setTarget] = useState<string>('new');
  const [name, setName] = useState('');
  const [used, setUsed] = useState('');
  const [usedUnit, setUsedUnit] = useState<Unit>('GB');
  const [total, setTotal] = useState('');
  const [totalUnit, setTotalUnit] = useState<Unit>('GB');
  const [unlimited, setUnlimited] = useState(false);
  const [periodEnd, setPeriodEnd] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const chosen = manualLines.some((l) => String(l.id) === target) ? target : 'new';

  const submit = async (event: Event) => {
    event.preventDefault();
    const usedBytes = toBytes(used, usedUnit);
    const totalBytes = unlimited ? null : toBytes(total, totalUnit);
    const end = endOfDay(periodEnd);
    const problemNow: Problem =
      chosen === 'new' && name.trim() === '' ? 'name' : usedBytes === null ? 'used' : !unlimited && !totalBytes ? 'total' : Number.isNaN(end) ? 'date' : null;
    setProblem(problemNow);
    if (problemNow) return;
    const ok = await onSubmit({
      target: chosen === 'new' ? { kind: 'new', name: name.trim().slice(0, LABEL_MAX) } : { kind: 'existing', lineId: Number(chosen) },
      usedBytes: usedBytes!,
      totalBytes,
      unlimited,
      periodEnd: end,
    });
    if (ok) {
      setUsed('');
      setName('');
    }
  };
  const describedBy = (field: Problem) => (problem === field ? 'manual-error' : undefined);

  return (
    <section class="opt-section" aria-labelledby="manual-title">
      <h2 id="manual-title">{t('opt_manual_title')}</h2>
      <p class="hint">{t('opt_manual_hint')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('opt_manual_line_legend')}</legend>
          <label for="manual-target">{t('opt_manual_line')}</label>
          <select id="manual-target" value={chosen} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="new">{t('opt_manual_new_line')}</option>
            {manualLines.map((line) => (
              <option key={line.id} value={String(line.id)}>
                {lineName(line, t('opt_manual_carrier'))}
              </option>
            ))}
          </select>
          {chosen === 'new' && (
            <div class="row">
              <label for="manual-name">{t('opt_manual_name')}</label>
              <input id="manual-name" type="text" maxLength={LABEL_MAX} value={name} aria-invalid={problem === 'name' || undefined} aria-describedby={describedBy('name')} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('opt_manual_figures_legend')}</legend>
          <div class="row">
            <label for="manual-used">{t('opt_manual_used')}</label>
            <input id="manual-used" class="narrow" type="text" inputMode="decimal" value={used} aria-invalid={problem === 'used' || undefined} aria-describedby={describedBy('used')} onInput={(e) => setUsed(e.currentTarget.value)} />
            <label class="visually-hidden" for="manual-used-unit">{t('opt_unit')}</label>
            <select id="manual-used-unit" value={usedUnit} onChange={(e) => setUsedUnit(e.currentTarget.value as Unit)}>
              <option value="MB">{t('opt_unit_mb')}</option>
              <option value="GB">{t('opt_unit_gb')}</option>
            </select>
          </div>
          <div class="row">
            <label for="manual-total">{t('opt_manual_total')}</label>
            <input id="manual-total" class="narrow" type="text" inputMode="decimal" value={total} disabled={unlimited} aria-invalid={problem === 'total' || undefined} aria-describedby={describedBy('total')} onInput={(e) => setTotal(e.currentTarget.value)} />
            <label class="visually-hidden" for="manual-total-unit">{t('opt_unit')}</label>
            <select id="manual-total-unit" value={totalUnit} disabled={unlimited} onChange={(e) => setTotalUnit(e.currentTarget.value as Unit)}>
              <option value="MB">{t('opt_unit_mb')}</option>
              <option value="GB">{t('opt_unit_gb')}</option>
            </select>
          </div>
          <div class="choice">
            <input id="manual-unlimited" type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.currentTarget.checked)} />
            <label for="manual-unlimited">{t('opt_manual_unlimited')}</label>
          </div>
          <div class="row">
            <label for="manual-end">
              {t('opt_manual_period_end')} <span class="format-hint">({t('opt_date_format')})</span>
            </label>
            <input
              id="manual-end"
              type="text"
              inputMode="numeric"
              placeholder={t('opt_date_format')}
              value={periodEnd}
              aria-invalid={problem === 'date' || undefined}
              aria-describedby={describedBy('date')}
              onInput={(e) => setPeriodEnd(e.currentTarget.value)}
            />
          </div>
        </fieldset>
        {problem && (
          <p class="field-error" id="manual-error" role="alert">
            {t(`opt_manual_invalid_${problem}`)}
          </p>
        )}
        <button type="submit" class="primary">
          {t('opt_manual_save')}
        </button>
      </form>
    </section>
  );
}
