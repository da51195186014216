import { useState } from 'preact/hooks';
import type { Translator } from '@/lib/i18n/translator';
import { settingsSchema, type Settings } from '@/lib/settings/schema';
import { TimeSelect } from './TimeSelect';

export interface AlertsSectionProps {
  i18n: Translator;
  settings: Settings;
  onSave: (settings: Settings) => Promise<boolean> | void;
}

const SENSITIVITIES = ['low', 'normal', 'high'] as const;
const STALE_CHOICES = [1, 2, 3, 5, 7, 14, 30] as const;
const MAX_LEVELS = 6;

/** Thresholds, leak sensitivity, quiet hours and the stale-reading reminder; saved together. */
export function AlertsSection({ i18n, settings, onSave }: AlertsSectionProps) {
  const { t } = i18n;
  // The form keeps what the user is typing; it starts from (and resets to) the saved settings.
  const [levels, setLevels] = useState(() => settings.thresholds.map(String));
  const [sensitivity, setSensitivity] = useState(settings.leakSensitivity);
  const [quiet, setQuiet] = useState(settings.quietHours);
  const [stale, setStale] = useState(settings.staleReadingDays);
  const [invalid, setInvalid] = useState(false);

  const staleChoices = [...new Set<number>([...STALE_CHOICES, ...(stale === null ? [] : [stale])])].sort((a, b) => a - b);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Settings = {
      ...settings,
      thresholds: levels.map((v) => Number(v.trim())),
      leakSensitivity: sensitivity,
      quietHours: quiet,
      staleReadingDays: stale,
    };
    const valid = levels.every((v) => v.trim() !== '') && settingsSchema.safeParse(next).success;
    setInvalid(!valid);
    if (valid) await onSave(next);
  };

  return (
    <section class="opt-section" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('opt_alerts_title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('opt_thresholds_legend')}</legend>
          <p class="hint" id="thresholds-hint">{t('opt_thresholds_hint')}</p>
          <ol class="levels">
            {levels.map((value, i) => (
              <li key={i}>
                <label for={`level-${i}`}>{t('opt_threshold_label', { n: i + 1 })}</label>
                <input
                  id={`level-${i}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={200}
                  step={1}
                  value={value}
                  aria-describedby={invalid ? 'thresholds-hint thresholds-error' : 'thresholds-hint'}
                  aria-invalid={invalid || undefined}
                  onInput={(e) => setLevels(levels.map((v, j) => (j === i ? e.currentTarget.value : v)))}
                />
                <span aria-hidden="true">%</span>
                {levels.length > 1 && (
                  <button type="button" class="link-button" onClick={() => setLevels(levels.filter((_, j) => j !== i))}>
                    {t('opt_threshold_remove', { n: i + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {levels.length < MAX_LEVELS && (
            <button type="button" onClick={() => setLevels([...levels, ''])}>
              {t('opt_threshold_add')}
            </button>
          )}
          {invalid && (
            <p class="field-error" id="thresholds-error" role="alert">
              {t('opt_thresholds_invalid')}
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('opt_leak_legend')}</legend>
          <p class="hint">{t('opt_leak_hint')}</p>
          {SENSITIVITIES.map((level) => (
            <div class="choice" key={level}>
              <input
                type="radio"
                id={`leak-${level}`}
                name="leak"
                value={level}
                checked={sensitivity === level}
                onChange={() => setSensitivity(level)}
              />
              <label for={`leak-${level}`}>{t(`opt_leak_${level}`)}</label>
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('opt_quiet_legend')}</legend>
          <p class="hint">{t('opt_quiet_hint')}</p>
          <div class="choice">
            <input
              type="checkbox"
              id="quiet-enabled"
              checked={quiet.enabled}
              onChange={(e) => setQuiet({ ...quiet, enabled: e.currentTarget.checked })}
            />
            <label for="quiet-enabled">{t('opt_quiet_enabled')}</label>
          </div>
          <div class="row">
            <label for="quiet-start">{t('opt_quiet_start')}</label>
            <TimeSelect id="quiet-start" value={quiet.start} disabled={!quiet.enabled} describedBy="quiet-format" onChange={(start) => setQuiet({ ...quiet, start })} />
            <label for="quiet-end">{t('opt_quiet_end')}</label>
            <TimeSelect id="quiet-end" value={quiet.end} disabled={!quiet.enabled} describedBy="quiet-format" onChange={(end) => setQuiet({ ...quiet, end })} />
            <span class="format-hint" id="quiet-format">
              ({t('opt_time_format')})
            </span>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('opt_stale_legend')}</legend>
          <label for="stale-days">{t('opt_stale_label')}</label>
          <select
            id="stale-days"
            value={stale === null ? 'off' : String(stale)}
            onChange={(e) => setStale(e.currentTarget.value === 'off' ? null : Number(e.currentTarget.value))}
          >
            <option value="off">{t('opt_stale_off')}</option>
            {staleChoices.map((days) => (
              <option key={days} value={String(days)}>
                {i18n.plural('days', days)}
              </option>
            ))}
          </select>
        </fieldset>

        <button type="submit" class="primary">
          {t('opt_alerts_save')}
        </button>
      </form>
    </section>
  );
}
