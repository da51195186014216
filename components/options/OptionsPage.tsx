import { useEffect, useRef } from 'preact/hooks';
import type { LineRow } from '@/lib/db/schema';
import type { Translator } from '@/lib/i18n/translator';
import type { LinePatch } from '@/lib/messages/ui-actions';
import type { ImportState, ManualReadingInput, Notice, PendingUndo, StorageInfo } from '@/lib/state/options-model';
import type { Settings } from '@/lib/settings/schema';
import { AlertsSection } from './AlertsSection';
import { ChecksSection } from './ChecksSection';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { LinesSection } from './LinesSection';
import { ManualReadingSection } from './ManualReadingSection';
import { StorageSection } from './StorageSection';
import { SupportSection } from './SupportSection';

export interface OptionsPageProps {
  i18n: Translator;
  settings: Settings | null;
  lines: LineRow[] | null;
  notice: Notice | null;
  undo: PendingUndo | null;
  importState: ImportState;
  storage: StorageInfo | null;
  storageSupported: boolean;
  error: string | null;
  carrierLabel: (carrierId: string) => string;
  onSaveSettings: (settings: Settings) => Promise<boolean> | void;
  onUpdateLine: (lineId: number, patch: LinePatch) => Promise<boolean> | void;
  onDeleteLine: (lineId: number, name: string) => Promise<boolean> | void;
  onUndo: () => void;
  onManualReading: (input: ManualReadingInput) => Promise<boolean> | void;
  onExport: (format: 'json' | 'csv') => void;
  onImportFile: (fileName: string, text: string) => void;
  onConfirmImport: () => void;
  onCancelImport: () => void;
  onDeleteEverything: () => Promise<boolean> | void;
  onPersist: () => void;
}

export function OptionsPage(props: OptionsPageProps) {
  const { i18n, settings, lines, notice, undo } = props;
  const { t } = i18n;
  const undoButton = useRef<HTMLButtonElement>(null);
  // The deleted row is gone, and focus with it: it goes to Undo, the likeliest next step.
  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo?.token]);

  return (
    <main class="options">
      <h1>{t('opt_title')}</h1>
      <p class="hint">{t('opt_intro')}</p>
      {props.error && (
        <p class="banner tone-problem" role="alert">
          {t('storage_error', { error: props.error })}
        </p>
      )}
      {/* One polite live region for every outcome, so a screen reader hears "Saved" without losing its place. */}
      <div class="status-area" role="status" aria-live="polite">
        {notice && <p class={`banner tone-${notice.tone}`}>{t(notice.key, notice.params)}</p>}
      </div>
      {undo && (
        <div class="banner undo-bar">
          <span>{t('opt_undo_text', { name: undo.name })}</span>{' '}
          <button type="button" ref={undoButton} onClick={props.onUndo}>
            {t('opt_undo')}
          </button>
        </div>
      )}
      <nav class="toc" aria-label={t('opt_toc')}>
        <a href="#alerts-title">{t('opt_alerts_title')}</a>
        <a href="#language-title">{t('opt_language_title')}</a>
        <a href="#checks-title">{t('opt_checks_title')}</a>
        <a href="#lines-title">{t('opt_lines_title')}</a>
        <a href="#manual-title">{t('opt_manual_title')}</a>
        <a href="#data-title">{t('opt_data_title')}</a>
        <a href="#storage-title">{t('opt_storage_title')}</a>
      </nav>
      {settings === null ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <AlertsSection key={JSON.stringify([settings.thresholds, settings.leakSensitivity, settings.quietHours, settings.staleReadingDays])} i18n={i18n} settings={settings} onSave={props.onSaveSettings} />
          <LanguageSection i18n={i18n} settings={settings} onSave={props.onSaveSettings} />
          <ChecksSection key={JSON.stringify(settings.scheduledChecks)} i18n={i18n} settings={settings} onSave={props.onSaveSettings} />
        </>
      )}
      <LinesSection i18n={i18n} lines={lines} carrierLabel={props.carrierLabel} onUpdate={props.onUpdateLine} onDelete={props.onDeleteLine} />
      <ManualReadingSection i18n={i18n} manualLines={(lines ?? []).filter((l) => l.carrierId === 'manual')} onSubmit={props.onManualReading} />
      <SupportSection i18n={i18n} />
      <DataSection
        i18n={i18n}
        importState={props.importState}
        onExport={props.onExport}
        onImportFile={props.onImportFile}
        onConfirmImport={props.onConfirmImport}
        onCancelImport={props.onCancelImport}
        onDeleteEverything={props.onDeleteEverything}
      />
      <StorageSection i18n={i18n} storage={props.storage} supported={props.storageSupported} onPersist={props.onPersist} />
    </main>
  );
}
