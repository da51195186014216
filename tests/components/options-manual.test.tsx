import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualReadingSection } from '@/components/options/ManualReadingSection';
import { translator } from '../helpers/i18n';
import { choose, click, selectedText, line, mount, type, unlabelled, unmountAll } from './options-helpers';

afterEach(unmountAll);
const GB = 1024 ** 3;
const MB = 1024 ** 2;
const manualLine = line({ id: 7, carrierId: 'manual', lineKey: 'manual:plan:travel', lineDigits: null, planName: 'Travel', label: 'Japan trip' });

function show(manualLines = [manualLine]) {
  const onSubmit = vi.fn(async () => true);
  const root = mount(<ManualReadingSection i18n={translator('en')} manualLines={manualLines} onSubmit={onSubmit} />);
  return { root, onSubmit, submit: () => click(root.querySelector('button[type=submit]')) };
}

describe('ManualReadingSection', () => {
  it('creates a named line with used of total and an optional end date', async () => {
    const { root, onSubmit, submit } = show();
    expect(unlabelled(root)).toEqual([]);
    await type(root.querySelector('#manual-name'), ' Holiday eSIM ');
    await type(root.querySelector('#manual-used'), '1,5');
    await type(root.querySelector('#manual-total'), '500');
    await choose(root.querySelector('#manual-total-unit'), 'MB');
    await type(root.querySelector('#manual-end'), '2026-12-05');
    await submit();
    expect(onSubmit).toHaveBeenCalledWith({
      target: { kind: 'new', name: 'Holiday eSIM' },
      usedBytes: 1.5 * GB,
      totalBytes: 500 * MB,
      unlimited: false,
      periodEnd: new Date(2026, 11, 5, 23, 59, 59).getTime(),
    });
  });

  it('adds to an existing manual line, unlimited, without an end date', async () => {
    const { root, onSubmit, submit } = show();
    await choose(root.querySelector('#manual-target'), '7');
    expect(root.querySelector('#manual-name')).toBeNull();
    expect(selectedText(root.querySelector('#manual-target'))).toBe('Japan trip');
    await type(root.querySelector('#manual-used'), '3');
    await click(root.querySelector('#manual-unlimited'));
    expect(root.querySelector<HTMLInputElement>('#manual-total')!.disabled).toBe(true);
    await submit();
    expect(onSubmit).toHaveBeenCalledWith({ target: { kind: 'existing', lineId: 7 }, usedBytes: 3 * GB, totalBytes: null, unlimited: true, periodEnd: null });
  });

  it.each([
    ['no name for a new line', {}, 'Give the new line a name.'],
    ['no figure used', { name: 'x' }, 'Enter how much was used'],
    ['no allowance', { name: 'x', used: '1' }, 'Enter the allowance, or tick Unlimited plan.'],
    ['a word for the allowance', { name: 'x', used: '1', total: 'ten' }, 'Enter the allowance'],
  ])('refuses %s with a message', async (_what, fields: { name?: string; used?: string; total?: string }, message) => {
    const { root, onSubmit, submit } = show([]);
    if (fields.name) await type(root.querySelector('#manual-name'), fields.name);
    if (fields.used) await type(root.querySelector('#manual-used'), fields.used);
    if (fields.total) await type(root.querySelector('#manual-total'), fields.total);
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alert]')?.textContent).toContain(message);
  });
});
