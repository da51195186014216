import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertsSection } from '@/components/options/AlertsSection';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { translator } from '../helpers/i18n';
import { byText, choose, click, mount, type, unlabelled, unmountAll } from './options-helpers';

afterEach(unmountAll);

function show(onSave = vi.fn(async () => true), settings = DEFAULT_SETTINGS) {
  const root = mount(<AlertsSection i18n={translator('en')} settings={settings} onSave={onSave} />);
  return { root, onSave, submit: () => click(root.querySelector('button[type=submit]')) };
}

describe('AlertsSection', () => {
  it('shows the defaults in labelled fields grouped under legends', () => {
    const { root } = show();
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Usage levels', 'Unusual use (leak) detection', 'Quiet hours', 'Reminder to refresh']);
    expect([...root.querySelectorAll<HTMLInputElement>('.levels input')].map((i) => i.value)).toEqual(['50', '80', '90', '100']);
    expect(root.querySelector<HTMLInputElement>('#leak-normal')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#quiet-enabled')!.checked).toBe(false);
    expect(root.querySelector<HTMLInputElement>('#quiet-start')!.disabled).toBe(true);
    expect(root.querySelector<HTMLSelectElement>('#stale-days')!.value).toBe('off');
    expect(unlabelled(root)).toEqual([]);
  });

  it('saves changed levels, sensitivity, quiet hours and reminder together', async () => {
    const { root, onSave, submit } = show();
    await type(root.querySelector('#level-1'), '75');
    await click(byText(root, 'button', 'Remove level 3'));
    await click(root.querySelector('#leak-high'));
    await click(root.querySelector('#quiet-enabled'));
    await type(root.querySelector('#quiet-start'), '23:30');
    await choose(root.querySelector('#stale-days'), '3');
    await submit();
    expect(onSave).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      thresholds: [50, 75, 100],
      leakSensitivity: 'high',
      quietHours: { enabled: true, start: '23:30', end: '08:00' },
      staleReadingDays: 3,
    });
  });

  it('adds levels up to six', async () => {
    const { root } = show();
    await click(byText(root, 'button', 'Add a level'));
    await click(byText(root, 'button', 'Add a level'));
    expect(root.querySelectorAll('.levels input')).toHaveLength(6);
    expect(byText(root, 'button', 'Add a level')).toBeNull();
  });

  it.each([
    ['levels out of order', '95'],
    ['an empty level', ''],
    ['a level over 200', '250'],
    ['a fractional level', '80.5'],
  ])('refuses %s with a message tied to the fields, saving nothing', async (_what, value) => {
    const { root, onSave, submit } = show();
    await type(root.querySelector('#level-1'), value);
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    const error = root.querySelector('#thresholds-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('each higher than the one before');
    expect(root.querySelector('#level-0')!.getAttribute('aria-describedby')).toContain('thresholds-error');
    expect(root.querySelector('#level-0')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a stored reminder that is not one of the offered choices', () => {
    const { root } = show(undefined, { ...DEFAULT_SETTINGS, staleReadingDays: 4 });
    expect(root.querySelector<HTMLSelectElement>('#stale-days')!.value).toBe('4');
  });
});
