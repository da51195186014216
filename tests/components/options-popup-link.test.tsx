import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overview } from '@/components/Overview';
import { translator } from '../helpers/i18n';
import { byText, click } from './options-helpers';

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

function show(onOpenOptions?: () => void) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <Overview
      i18n={translator('en')} cards={[]} tab={null} now={0} error={null} carriers={[]} carrierLabel={(id) => id}
      onCopySample={async () => true} onConfirm={() => {}} onDiscard={() => {}} onOpenOptions={onOpenOptions}
    />,
    root,
  );
  return root;
}

describe('the popup’s way to the options page', () => {
  it('is a real button next to the title', async () => {
    const open = vi.fn();
    const root = show(open);
    const button = byText(root, 'header button', 'Settings');
    expect(button?.getAttribute('type')).toBe('button');
    await click(button);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('is left out when no handler is given', () => {
    expect(byText(show(), 'button', 'Settings')).toBeNull();
  });
});
