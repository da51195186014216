import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps } from '@/components/options/OptionsPage';
import { LanguageSection } from '@/components/options/LanguageSection';
import { UI_LOCALES } from '@/lib/i18n/translator';
import { LINE_COLORS } from '@/lib/settings/line-colors';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { messagesOf, plain, translator } from '../helpers/i18n';
import { byText, choose, click, line, mount, unlabelled, unmountAll } from './options-helpers';

afterEach(unmountAll);

function props(overrides: Partial<OptionsPageProps> = {}): OptionsPageProps {
  return {
    i18n: translator('en'),
    settings: DEFAULT_SETTINGS,
    lines: [
      line(),
      line({ id: 2, lineKey: 'manual:plan:trip', carrierId: 'manual', lineDigits: null, planName: 'trip', label: 'Trip', hidden: true, color: LINE_COLORS.pink }),
    ],
    notice: null,
    undo: null,
    importState: { phase: 'idle' },
    storage: { usage: 1024 ** 2, quota: 1024 ** 3, persisted: false },
    storageSupported: true,
    error: null,
    carrierLabel: (id) => (id === 'movistar-es' ? 'Movistar' : 'Added by hand'),
    onSaveSettings: vi.fn(async () => true),
    onUpdateLine: vi.fn(),
    onDeleteLine: vi.fn(),
    onUndo: vi.fn(),
    onManualReading: vi.fn(),
    onExport: vi.fn(),
    onImportFile: vi.fn(),
    onConfirmImport: vi.fn(),
    onCancelImport: vi.fn(),
    onDeleteEverything: vi.fn(),
    onPersist: vi.fn(),
    ...overrides,
  };
}

describe('OptionsPage', () => {
  it('has one h1, a heading per section, labelled fields, and every fieldset a legend', () => {
    const root = mount(<OptionsPage {...props()} />);
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Alerts', 'Language', 'Checks without a visit', 'Lines', 'Add a reading by hand', 'A page that is not recognised', 'Your data', 'Storage',
    ]);
    for (const fieldset of root.querySelectorAll('fieldset')) expect(fieldset.querySelector(':scope > legend')?.textContent).toBeTruthy();
    expect(unlabelled(root)).toEqual([]);
    // Ids are unique, so each label points at one field.
    const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Hash links of the table of contents land on real headings.
    for (const a of root.querySelectorAll<HTMLAnchorElement>('.toc a')) expect(root.querySelector(a.getAttribute('href')!)).not.toBeNull();
  });

  it('offers the manual line in the manual form', () => {
    const root = mount(<OptionsPage {...props()} />);
    expect([...root.querySelectorAll('#manual-target option')].map((o) => o.textContent)).toEqual(['A new line…', 'Trip']);
  });

  it('announces outcomes in a polite live region and offers Undo with the focus on it', async () => {
    const p = props({ notice: { tone: 'ok', key: 'opt_line_deleted', params: { name: 'Movistar ••12' } }, undo: { token: 't', expiresAt: 1, name: 'Movistar ••12' } });
    const root = mount(<OptionsPage {...p} />);
    const live = root.querySelector('[aria-live=polite]')!;
    expect(plain(live.textContent)).toBe('Deleted Movistar ••12.');
    expect(document.activeElement?.textContent).toBe('Undo');
    await click(byText(root, 'button', 'Undo'));
    expect(p.onUndo).toHaveBeenCalled();
  });

  it('shows a storage error as an alert', () => {
    const root = mount(<OptionsPage {...props({ error: 'DatabaseClosedError' })} />);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('DatabaseClosedError');
  });
});

describe('LanguageSection', () => {
  it('offers auto and the five languages, each named in itself, and saves the choice at once', async () => {
    const onSave = vi.fn();
    const root = mount(<LanguageSection i18n={translator('en')} settings={DEFAULT_SETTINGS} onSave={onSave} />);
    expect([...root.querySelectorAll('#language option')].map((o) => o.textContent)).toEqual([
      'Same as the browser', 'English', 'Español', 'Français', '简体中文', '繁體中文（香港）',
    ]);
    await choose(root.querySelector('#language'), 'zh-HK');
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, language: 'zh-HK' });
  });
});

describe('the options page in every language', () => {
  const en = messagesOf('en');
  it.each(UI_LOCALES)('%s renders with no missing message', (locale) => {
    const states: Array<Partial<OptionsPageProps>> = [
      { notice: { tone: 'ok', key: 'opt_saved' }, undo: { token: 't', expiresAt: 1, name: 'Movistar ••12' } },
      { importState: { phase: 'preview', fileName: 'b.json', file: { text: '', uploadId: null }, counts: { lines: 1, newLines: 1, readings: 2, newReadings: 1, duplicateReadings: 1, futureReadings: 0 } } },
      { importState: { phase: 'error', fileName: 'b.json', detail: '' }, storage: { usage: null, quota: null, persisted: true } },
      { lines: [], importState: { phase: 'done', counts: { lines: 1, newLines: 1, readings: 2, newReadings: 1, duplicateReadings: 1, futureReadings: 0 } } },
    ];
    for (const state of states) {
      const root = mount(<OptionsPage {...props({ i18n: translator(locale), ...state })} />);
      const text = plain(root.textContent) + [...root.querySelectorAll('[aria-label], [placeholder]')].map((el) => `${el.getAttribute('aria-label')} ${el.getAttribute('placeholder')}`).join(' ');
      // A missing message shows as its key (snake_case; a one-word key is also an English word), an
      // unfilled placeholder as {name}.
      for (const key of Object.keys(en).filter((k) => k.includes('_'))) expect(text, `${locale}: ${key}`).not.toContain(key);
      expect(text).not.toMatch(/\{\w+\}/);
      unmountAll();
    }
  });

  it('uses a different word than English for the section titles outside English', () => {
    for (const locale of UI_LOCALES.filter((l) => l !== 'en')) {
      expect(translator(locale).t('opt_lines_title'), locale).not.toBe('Lines');
    }
  });
});
