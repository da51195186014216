import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSection, type DataSectionProps } from '@/components/options/DataSection';
import { StorageSection } from '@/components/options/StorageSection';
import type { ImportState } from '@/lib/state/options-model';
import { plain, translator } from '../helpers/i18n';
import { byText, click, mount, unlabelled, unmountAll } from './options-helpers';

afterEach(unmountAll);

function show(importState: ImportState = { phase: 'idle' }) {
  const props: DataSectionProps = {
    i18n: translator('en'),
    importState,
    onExport: vi.fn(),
    onImportFile: vi.fn(),
    onConfirmImport: vi.fn(),
    onCancelImport: vi.fn(),
    onDeleteEverything: vi.fn(async () => true),
  };
  return { root: mount(<DataSection {...props} />), props };
}

const counts = { lines: 3, newLines: 1, readings: 40, newReadings: 12, duplicateReadings: 28, futureReadings: 0 };

describe('DataSection', () => {
  it('exports JSON and CSV', async () => {
    const { root, props } = show();
    await click(byText(root, 'button', 'Export backup (JSON)'));
    await click(byText(root, 'button', 'Export readings (CSV)'));
    expect(props.onExport).toHaveBeenNthCalledWith(1, 'json');
    expect(props.onExport).toHaveBeenNthCalledWith(2, 'csv');
    expect(unlabelled(root)).toEqual([]);
  });

  it('hands a chosen file’s text over for a preview', async () => {
    const { root, props } = show();
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    const file = new File(['{"format":"x"}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(props.onImportFile).toHaveBeenCalledWith('backup.json', '{"format":"x"}'));
  });

  it('previews the counts, new vs already saved, before anything is imported', async () => {
    const { root, props } = show({ phase: 'preview', fileName: 'b.json', file: { text: '{}', uploadId: null }, counts });
    const text = plain(root.textContent);
    expect(text).toContain('b.json holds:');
    expect(text).toContain('Lines: 3 (1 new)');
    expect(text).toContain('Readings: 40 (12 new, 28 already saved)');
    expect(text).toContain('Nothing has changed yet');
    expect(document.activeElement?.textContent).toBe('Import');
    await click(byText(root, 'button', 'Import'));
    expect(props.onConfirmImport).toHaveBeenCalled();
    await click(byText(root, 'button', 'Cancel'));
    expect(props.onCancelImport).toHaveBeenCalled();
  });

  it('says clearly that a broken file changed nothing, with the reason', () => {
    const { root } = show({ phase: 'error', fileName: 'notes.json', detail: 'The file is not valid JSON' });
    const alert = root.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('notes.json is not a backup this extension can read, or it is damaged. Nothing was changed.');
    expect(alert.textContent).toContain('The file is not valid JSON');
  });

  it('reports what an import added', () => {
    const { root } = show({ phase: 'done', counts });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Imported. New lines: 1, new readings: 12.');
  });

  it('deletes everything only on a second, explicit click', async () => {
    const { root, props } = show();
    await click(byText(root, 'button', 'Delete everything…'));
    expect(props.onDeleteEverything).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Really delete every line and reading?');
    expect(document.activeElement?.textContent).toBe('Yes, delete everything');
    await click(byText(root, 'button', 'Cancel'));
    expect(byText(root, 'button', 'Yes, delete everything')).toBeNull();
    await click(byText(root, 'button', 'Delete everything…'));
    await click(byText(root, 'button', 'Yes, delete everything'));
    expect(props.onDeleteEverything).toHaveBeenCalledTimes(1);
  });
});

describe('StorageSection', () => {
  const i18n = translator('en');
  it('shows use and quota, and asks to keep the data', async () => {
    const onPersist = vi.fn();
    const root = mount(<StorageSection i18n={i18n} storage={{ usage: 5 * 1024 ** 2, quota: 2 * 1024 ** 3, persisted: false }} supported onPersist={onPersist} />);
    expect(plain(root.textContent)).toContain('This extension uses 5 MB of the 2 GB the browser allows it.');
    expect(root.textContent).toContain('Not yet protected');
    await click(byText(root, 'button', 'Keep my data'));
    expect(onPersist).toHaveBeenCalled();
  });

  it('says when the data is kept, in words and without the button', () => {
    const root = mount(<StorageSection i18n={i18n} storage={{ usage: 1, quota: 2, persisted: true }} supported onPersist={() => {}} />);
    expect(root.querySelector('[role=status]')?.textContent).toContain('The browser will keep your data.');
    expect(byText(root, 'button', 'Keep my data')).toBeNull();
  });

  it('copes with a browser without the storage API', () => {
    const root = mount(<StorageSection i18n={i18n} storage={null} supported={false} onPersist={() => {}} />);
    expect(root.textContent).toContain('This browser does not report storage use.');
  });
});
