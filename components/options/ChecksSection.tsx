import { useState } from 'preact/hooks';
import type { Translator } from '@/lib/i18n/translator';
import type { Settings } from '@/lib/settings/schema';

export interface ChecksSectionProps {
  i18n: Translator;
  settings: Settings;
  onSave: (settings: Settings) => Promise<boolean> | void;
}

const PERIODS = [6, 12, 24] as const;

/** Scheduled checks: off by default; says plainly what they do and what they never do. */
export function ChecksSection({ i18n, settings, onSave }: ChecksSectionProps) {
  const { t } = i18n;
  const [checks, setChecks] = useState(settings.scheduledChecks);
  const submit = async (event: Event) => {
    event.preventDefault();
    await onSave({ ...settings, scheduledChecks: checks });
  };
  return (
    <section class="opt-section" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('opt_checks_title')}</h2>
      <form onSubmit={submit} noValidate>
        <p class="hint" id="checks-what">{t('opt_checks_what')}</p>
        <div class="choice">
          <input
            type="checkbox"
            id="checks-enabled"
            aria-describedby="checks-what"
            checked={checks.enabled}
            onChange={(e) => setChecks({ ...checks, enabled: e.currentTarget.checked })}
          />
          <label for="checks-enabled">{t('opt_checks_enabled')}</label>
        </div>
        <div class="row">
          <label for="checks-every">{t('opt_checks_every')}</label>
          <select
            id="checks-every"
            value={String(checks.everyHours)}
            disabled={!checks.enabled}
            onChange={(e) => setChecks({ ...checks, everyHours: Number(e.currentTarget.value) as 6 | 12 | 24 })}
          >
            {PERIODS.map((hours) => (
              <option key={hours} value={String(hours)}>
                {t('opt_checks_hours', { hours })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary">
          {t('opt_checks_save')}
        </button>
      </form>
    </section>
  );
}
