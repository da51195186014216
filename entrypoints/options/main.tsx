import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage } from '@/components/options/OptionsPage';
import { carrierLabel } from '@/lib/carriers/lookup';
import { loadTranslator, translatorFor } from '@/lib/i18n/load';
import type { Translator } from '@/lib/i18n/translator';
import type { UiAction, UiActionReply } from '@/lib/messages/ui-actions';
import { createOptionsModel, type OptionsDeps } from '@/lib/state/options-model';
import { DEFAULT_SETTINGS, type Language } from '@/lib/settings/schema';
import { download, exportData, watchLines } from './data';

const storageManager = typeof navigator.storage?.estimate === 'function' ? navigator.storage : null;

const model = createOptionsModel({
  // Every change goes through the background, the only writer.
  send: (async (action: UiAction) => (await browser.runtime.sendMessage(action)) as UiActionReply) as OptionsDeps['send'],
  settingsSource: browser.storage.local,
  watchLines,
  storageManager,
  exportData,
  download,
  now: Date.now,
});

const manualLabel = (i18n: Translator) => (id: string) => (id === 'manual' ? i18n.t('opt_manual_carrier') : carrierLabel(id));

function App({ initial }: { initial: Translator }) {
  const [i18n, setI18n] = useState(initial);
  const language: Language = model.settings.value?.language ?? DEFAULT_SETTINGS.language;
  // The chosen language applies to this page at once, without a reload.
  useEffect(() => {
    let current = true;
    void translatorFor(language).then((next) => {
      if (!current) return;
      document.documentElement.lang = next.locale;
      document.title = next.t('opt_title');
      setI18n(next);
    });
    return () => void (current = false);
  }, [language]);
  useEffect(() => void model.refreshStorage(), []);

  return (
    <OptionsPage
      i18n={i18n}
      settings={model.settings.value}
      lines={model.lines.value}
      notice={model.notice.value}
      undo={model.undo.value}
      importState={model.importState.value}
      storage={model.storage.value}
      storageSupported={storageManager !== null}
      error={model.error.value}
      carrierLabel={manualLabel(i18n)}
      onSaveSettings={model.saveSettings}
      onUpdateLine={model.updateLine}
      onDeleteLine={model.deleteLine}
      onUndo={() => void model.undoDelete()}
      onManualReading={model.addManualReading}
      onExport={(format) => void model.exportData(format)}
      onImportFile={(name, text) => void model.previewImport(name, text)}
      onConfirmImport={() => void model.confirmImport()}
      onCancelImport={model.cancelImport}
      onDeleteEverything={model.deleteEverything}
      onPersist={() => void model.persistStorage()}
    />
  );
}

// The language is known before the first render, so no string ever flashes in the wrong one.
void loadTranslator().then((first) => {
  document.documentElement.lang = first.locale;
  document.title = first.t('opt_title');
  render(<App initial={first} />, document.getElementById('app')!);
});
addEventListener('pagehide', () => model.dispose());
