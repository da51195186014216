import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '@/lib/i18n/translator';
import type { ImportState } from '@/lib/state/options-model';

export interface DataSectionProps {
  i18n: Translator;
  importState: ImportState;
  onExport: (format: 'json' | 'csv') => void;
  /** Called with the chosen file's name and text: the background previews it, changing nothing. */
  onImportFile: (fileName: string, text: string) => void;
  onConfirmImport: () => void;
  onCancelImport: () => void;
  onDeleteEverything: () => Promise<boolean> | void;
}

/** Export, import (preview, then confirm) and delete everything (a second, explicit click). */
export function DataSection({ i18n, importState, onExport, onImportFile, onConfirmImport, onCancelImport, onDeleteEverything }: DataSectionProps) {
  const { t } = i18n;
  const [armed, setArmed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmWipe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) confirmWipe.current?.focus();
  }, [armed]);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    onImportFile(file.name, await file.text());
    // The same file can be chosen again after a cancel.
    input.value = '';
  };

  return (
    <section class="opt-section" aria-labelledby="data-title">
      <h2 id="data-title">{t('opt_data_title')}</h2>

      <fieldset>
        <legend>{t('opt_export_legend')}</legend>
        <p class="hint">{t('opt_export_hint')}</p>
        <div class="row">
          <button type="button" onClick={() => onExport('json')}>
            {t('opt_export_json')}
          </button>
          <button type="button" onClick={() => onExport('csv')}>
            {t('opt_export_csv')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('opt_import_legend')}</legend>
        <p class="hint" id="import-hint">{t('opt_import_hint')}</p>
        <label for="import-file">{t('opt_import_label')}</label>
        <input id="import-file" ref={fileInput} type="file" accept=".json,application/json" aria-describedby="import-hint" onChange={(e) => void pick(e.currentTarget)} />
        <ImportStatus i18n={i18n} state={importState} onConfirm={onConfirmImport} onCancel={onCancelImport} />
      </fieldset>

      <fieldset class="danger-zone">
        <legend>{t('opt_wipe_legend')}</legend>
        <p class="hint">{t('opt_wipe_hint')}</p>
        {!armed ? (
          <button type="button" class="danger" onClick={() => setArmed(true)}>
            {t('opt_wipe')}
          </button>
        ) : (
          <div role="group" aria-labelledby="wipe-question">
            <p id="wipe-question" class="confirm-text">
              <strong>{t('opt_wipe_confirm')}</strong>
            </p>
            <button
              type="button"
              class="danger"
              ref={confirmWipe}
              onClick={() => {
                setArmed(false);
                void onDeleteEverything();
              }}
            >
              {t('opt_wipe_yes')}
            </button>{' '}
            <button type="button" onClick={() => setArmed(false)}>
              {t('opt_cancel')}
            </button>
          </div>
        )}
      </fieldset>
    </section>
  );
}

function ImportStatus({ i18n, state, onConfirm, onCancel }: { i18n: Translator; state: ImportState; onConfirm: () => void; onCancel: () => void }) {
  const { t } = i18n;
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.phase === 'preview') confirmButton.current?.focus();
  }, [state.phase]);
  switch (state.phase) {
    case 'idle':
      return null;
    case 'checking':
    case 'importing':
      return (
        <p class="import-status" role="status">
          {t(state.phase === 'checking' ? 'opt_import_checking' : 'opt_import_importing', { file: state.fileName })}
        </p>
      );
    case 'preview': {
      const { counts } = state;
      return (
        <div class="import-status import-preview" role="group" aria-labelledby="import-preview-title">
          <p id="import-preview-title">
            <strong>{t('opt_import_preview_title', { file: state.fileName })}</strong>
          </p>
          <ul>
            <li>{t('opt_import_preview_lines', { lines: counts.lines, newLines: counts.newLines })}</li>
            <li>{t('opt_import_preview_readings', { readings: counts.readings, newReadings: counts.newReadings, duplicates: counts.duplicateReadings })}</li>
            {counts.futureReadings > 0 && <li>{t('opt_import_preview_future', { count: counts.futureReadings })}</li>}
          </ul>
          <p class="hint">{t('opt_import_preview_hint')}</p>
          <button type="button" class="primary" ref={confirmButton} onClick={onConfirm}>
            {t('opt_import_confirm')}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('opt_cancel')}
          </button>
        </div>
      );
    }
    case 'done':
      return (
        <p class="import-status tone-ok" role="status">
          {t('opt_import_done', { newLines: state.counts.newLines, newReadings: state.counts.newReadings })}
        </p>
      );
    case 'error':
      return (
        <div class="import-status tone-problem" role="alert">
          <p>
            <strong>{t('opt_import_invalid', { file: state.fileName })}</strong>
          </p>
          {state.detail && <p class="meta">{state.detail}</p>}
        </div>
      );
  }
}
