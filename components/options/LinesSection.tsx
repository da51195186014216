import { carrierListName } from '@/lib/wording/names';
import { safeColor } from '@/lib/vocabulary/plausibility';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LineRow } from '@/lib/db/schema';
import type { Translator } from '@/lib/i18n/translator';
import { LABEL_MAX, type LinePatch } from '@/lib/messages/ui-actions';
import { colorName, LINE_COLORS, type LineColor } from '@/lib/settings/line-colors';
import { lineName } from '@/lib/status/line-name';

const GB = 1024 ** 3;

export interface LinesSectionProps {
  i18n: Translator;
  lines: LineRow[] | null;
  carrierLabel: (carrierId: string) => string;
  onUpdate: (lineId: number, patch: LinePatch) => Promise<boolean> | void;
  onDelete: (lineId: number, name: string) => Promise<boolean> | void;
}

/** Every line, hidden ones included: name, colour, shown or hidden, cap and cycle day, delete. */
export function LinesSection({ i18n, lines, carrierLabel, onUpdate, onDelete }: LinesSectionProps) {
  const { t } = i18n;
  return (
    <section class="opt-section" aria-labelledby="lines-title">
      <h2 id="lines-title">{t('opt_lines_title')}</h2>
      <p class="hint">{t('opt_lines_hint')}</p>
      {lines === null && <p>{t('loading')}</p>}
      {lines !== null && lines.length === 0 && <p>{t('opt_lines_none')}</p>}
      {lines !== null && lines.length > 0 && (
        <div class="table-wrap">
          <table class="lines-table">
            <caption class="visually-hidden">{t('opt_lines_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('opt_col_line')}</th>
                <th scope="col">{t('opt_col_name')}</th>
                <th scope="col">{t('opt_col_color')}</th>
                <th scope="col">{t('opt_col_shown')}</th>
                <th scope="col">{t('opt_col_cap')}</th>
                <th scope="col">{t('opt_col_cycle_day')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('opt_col_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <LineRowEditor key={line.id} i18n={i18n} line={line} carrier={carrierListName(line.carrierId, carrierLabel(line.carrierId), i18n, line.lastPageUrl)} onUpdate={onUpdate} onDelete={onDelete} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  i18n: Translator;
  line: LineRow;
  carrier: string;
  onUpdate: LinesSectionProps['onUpdate'];
  onDelete: LinesSectionProps['onDelete'];
}

function capText(capBytes: number | null | undefined): string {
  return capBytes ? String(Math.round((capBytes / GB) * 100) / 100) : '';
}

/** Text fields commit on change (Enter or leaving the field); choices commit at once. */
function LineRowEditor({ i18n, line, carrier, onUpdate, onDelete }: RowProps) {
  const { t } = i18n;
  const name = lineName(line, carrier);
  const plainName = lineName({ ...line, label: null }, carrier);
  const id = `line-${line.id}`;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<'cap' | 'day' | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Keyboard users land on the question's first answer, and back on Delete after Cancel.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const commitLabel = (value: string) => {
    const label = value.trim().slice(0, LABEL_MAX) || null;
    if (label !== line.label) void onUpdate(line.id, { label });
  };
  const commitCap = (value: string) => {
    const text = value.trim().replace(',', '.');
    if (text === '') return void (setError(null), line.capBytes != null && onUpdate(line.id, { capBytes: null }));
    const gb = Number(text);
    if (!Number.isFinite(gb) || gb <= 0 || gb > 100_000) return setError('cap');
    setError(null);
    const capBytes = Math.round(gb * GB);
    if (capBytes !== line.capBytes) void onUpdate(line.id, { capBytes });
  };
  const commitDay = (value: string) => {
    if (value.trim() === '') return void (setError(null), line.cycleDay != null && onUpdate(line.id, { cycleDay: null }));
    const day = Number(value);
    if (!Number.isInteger(day) || day < 1 || day > 31) return setError('day');
    setError(null);
    if (day !== line.cycleDay) void onUpdate(line.id, { cycleDay: day });
  };

  return (
    <tr class={line.hidden ? 'is-hidden' : undefined}>
      <th scope="row">
        <span class="swatch" style={safeColor(line.color) ? { background: safeColor(line.color)! } : undefined} aria-hidden="true" />
        {name}
        <span class="meta">
          {carrier}
          {line.hidden && ` · ${t('opt_hidden_tag')}`}
        </span>
      </th>
      {/* data-label: a phone shows each line as a block, with the column's name above each field. */}
      <td data-label={t('opt_col_name')}>
        <label class="visually-hidden" for={`${id}-label`}>
          {t('opt_name_for', { line: plainName })}
        </label>
        <input
          id={`${id}-label`}
          type="text"
          maxLength={LABEL_MAX}
          placeholder={plainName}
          defaultValue={line.label ?? ''}
          key={`label-${line.label}`}
          onChange={(e) => commitLabel(e.currentTarget.value)}
        />
      </td>
      <td data-label={t('opt_col_color')}>
        <label class="visually-hidden" for={`${id}-color`}>
          {t('opt_color_for', { line: name })}
        </label>
        <select
          id={`${id}-color`}
          value={line.color ?? ''}
          onChange={(e) => void onUpdate(line.id, { color: (e.currentTarget.value || null) as LineColor | null })}
        >
          <option value="">{t('opt_color_none')}</option>
          {Object.entries(LINE_COLORS).map(([key, value]) => (
            <option key={key} value={value}>
              {t(`color_${colorName(value)!}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('opt_col_shown')}>
        <input
          id={`${id}-shown`}
          type="checkbox"
          checked={!line.hidden}
          onChange={(e) => void onUpdate(line.id, { hidden: !e.currentTarget.checked })}
        />
        <label for={`${id}-shown`}>
          <span class="visually-hidden">{t('opt_show_for', { line: name })}</span>
          <span aria-hidden="true">{line.hidden ? t('opt_hidden') : t('opt_shown')}</span>
        </label>
      </td>
      <td class="nowrap" data-label={t('opt_col_cap')}>
        <label class="visually-hidden" for={`${id}-cap`}>
          {t('opt_cap_for', { line: name })}
        </label>
        <input
          id={`${id}-cap`}
          class="narrow"
          type="text"
          inputMode="decimal"
          placeholder={t('opt_cap_page')}
          defaultValue={capText(line.capBytes)}
          key={`cap-${line.capBytes}`}
          aria-invalid={error === 'cap' || undefined}
          aria-describedby={error === 'cap' ? `${id}-error` : undefined}
          onChange={(e) => commitCap(e.currentTarget.value)}
        />{' '}
        <span>{t('opt_gb')}</span>
      </td>
      <td data-label={t('opt_col_cycle_day')}>
        <label class="visually-hidden" for={`${id}-day`}>
          {t('opt_cycle_day_for', { line: name })}
        </label>
        <input
          id={`${id}-day`}
          class="narrow"
          type="number"
          min={1}
          max={31}
          step={1}
          placeholder={t('opt_cycle_day_auto')}
          defaultValue={line.cycleDay == null ? '' : String(line.cycleDay)}
          key={`day-${line.cycleDay}`}
          aria-invalid={error === 'day' || undefined}
          aria-describedby={error === 'day' ? `${id}-error` : undefined}
          onChange={(e) => commitDay(e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id={`${id}-error`} role="alert">
            {t(error === 'cap' ? 'opt_cap_invalid' : 'opt_cycle_day_invalid')}
          </p>
        )}
      </td>
      <td class="actions">
        {!confirming && (
          <button type="button" ref={deleteButton} onClick={() => setConfirming(true)} aria-label={t('opt_delete_line_named', { line: name })}>
            {t('opt_delete')}
          </button>
        )}
        {confirming && (
          <div role="group" aria-label={t('opt_delete_confirm', { line: name })}>
            <p class="confirm-text">{t('opt_delete_confirm', { line: name })}</p>
            <button
              type="button"
              class="danger"
              ref={confirmButton}
              onClick={() => {
                setConfirming(false);
                void onDelete(line.id, name);
              }}
            >
              {t('opt_delete_yes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('opt_cancel')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
