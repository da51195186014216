import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinesSection } from '@/components/options/LinesSection';
import { LINE_COLORS } from '@/lib/settings/line-colors';
import { plain, translator } from '../helpers/i18n';
import { byText, choose, selectedText, click, line, mount, type, unlabelled, unmountAll } from './options-helpers';

afterEach(unmountAll);
const GB = 1024 ** 3;
const carrierLabel = (id: string) => (id === 'movistar-es' ? 'Movistar' : id);

function show(lines = [line(), line({ id: 2, lineKey: 'movistar-es:0034', lineDigits: '0034', label: 'Work', hidden: true, color: LINE_COLORS.teal, capBytes: 25 * GB, cycleDay: 5 })]) {
  const onUpdate = vi.fn(async () => true);
  const onDelete = vi.fn(async () => true);
  const root = mount(<LinesSection i18n={translator('en')} lines={lines} carrierLabel={carrierLabel} onUpdate={onUpdate} onDelete={onDelete} />);
  return { root, onUpdate, onDelete };
}

describe('LinesSection', () => {
  it('lists every line, hidden ones included, with each field labelled by the line’s name', () => {
    const { root } = show();
    const rows = root.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(plain(rows[0]!.querySelector('th')!.textContent)).toContain('Movistar ••12');
    expect(plain(rows[1]!.querySelector('th')!.textContent)).toContain('Work');
    // Hidden is said in words, not only by styling.
    expect(rows[1]!.querySelector('th')!.textContent).toContain('hidden');
    expect(root.querySelector<HTMLInputElement>('#line-2-shown')!.checked).toBe(false);
    expect(root.querySelector<HTMLInputElement>('#line-2-cap')!.value).toBe('25');
    expect(root.querySelector<HTMLInputElement>('#line-2-day')!.value).toBe('5');
    expect(root.querySelector<HTMLSelectElement>('#line-2-color')!.value).toBe(LINE_COLORS.teal);
    // The colour is named in the list, never a bare swatch.
    expect(selectedText(root.querySelector('#line-2-color'))).toBe('Teal');
    expect(root.querySelector('label[for="line-1-label"]')?.textContent).toBe('Your name for Movistar ••12');
    expect(unlabelled(root)).toEqual([]);
  });

  it('renames on commit, trimming, and clears the name back to the default when emptied', async () => {
    const { root, onUpdate } = show();
    await type(root.querySelector('#line-1-label'), '  Travel  ', true);
    expect(onUpdate).toHaveBeenLastCalledWith(1, { label: 'Travel' });
    await type(root.querySelector('#line-2-label'), '', true);
    expect(onUpdate).toHaveBeenLastCalledWith(2, { label: null });
  });

  it('changes colour, visibility, cap (GB → integer bytes) and cycle day', async () => {
    const { root, onUpdate } = show();
    await choose(root.querySelector('#line-1-color'), LINE_COLORS.purple);
    expect(onUpdate).toHaveBeenLastCalledWith(1, { color: LINE_COLORS.purple });
    await choose(root.querySelector('#line-2-color'), '');
    expect(onUpdate).toHaveBeenLastCalledWith(2, { color: null });
    await click(root.querySelector('#line-2-shown'));
    expect(onUpdate).toHaveBeenLastCalledWith(2, { hidden: false });
    await type(root.querySelector('#line-1-cap'), '12,5', true);
    expect(onUpdate).toHaveBeenLastCalledWith(1, { capBytes: 12.5 * GB });
    await type(root.querySelector('#line-2-cap'), '', true);
    expect(onUpdate).toHaveBeenLastCalledWith(2, { capBytes: null });
    await type(root.querySelector('#line-1-day'), '31', true);
    expect(onUpdate).toHaveBeenLastCalledWith(1, { cycleDay: 31 });
  });

  it.each([
    ['cap', 'lots', 'Enter a cap in GB'],
    ['cap', '-2', 'Enter a cap in GB'],
    ['day', '32', 'Enter a day from 1 to 31'],
    ['day', '2.5', 'Enter a day from 1 to 31'],
  ])('refuses a %s of %s with a message tied to the field', async (field, value, message) => {
    const { root, onUpdate } = show();
    const input = root.querySelector(`#line-1-${field}`)!;
    await type(input, value, true);
    expect(onUpdate).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent).toContain(message);
  });

  it('deletes only after a confirmation that takes the focus, and Cancel returns it', async () => {
    const { root, onDelete } = show();
    const del = root.querySelector<HTMLButtonElement>('tbody tr button')!;
    expect(del.getAttribute('aria-label')).toBe('Delete Movistar ••12…');
    await click(del);
    expect(onDelete).not.toHaveBeenCalled();
    expect(plain(root.textContent)).toContain('Delete Movistar ••12 and all its readings?');
    expect(document.activeElement?.textContent).toBe('Delete');
    await click(byText(root, 'button', 'Cancel'));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete Movistar ••12…');
    await click(root.querySelector('tbody tr button'));
    await click(byText(root, 'button', 'Delete'));
    expect(onDelete).toHaveBeenCalledWith(1, 'Movistar ••12');
  });

  it('says when there are no lines', () => {
    const onUpdate = vi.fn();
    const root = mount(<LinesSection i18n={translator('en')} lines={[]} carrierLabel={carrierLabel} onUpdate={onUpdate} onDelete={onUpdate} />);
    expect(root.textContent).toContain('No lines yet');
    expect(root.querySelector('table')).toBeNull();
  });
});
