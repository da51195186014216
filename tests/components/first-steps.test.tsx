import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyState } from '@/components/EmptyState';
import { TabStatusBanner, WAITING_LONG_MS } from '@/components/TabStatusBanner';
import { UI_LOCALES } from '@/lib/i18n/translator';
import { SUPPORT_URL } from '@/lib/wording/support';
import { plain, translator } from '../helpers/i18n';

const CARRIERS = [
  { id: 'movistar-es', label: 'Movistar', country: 'ES', usageUrl: 'https://appweb.movistar.es/' },
  { id: 'cmhk', label: 'China Mobile Hong Kong', country: 'HK', usageUrl: 'https://www.hk.chinamobile.com/' },
  { id: 'movistar-cl', label: 'Movistar', country: 'CL', usageUrl: 'https://mi.movistar.cl/' },
  { id: 'orange-es', label: 'Orange', country: 'ES', usageUrl: 'https://areaprivada.orange.es/' },
  { id: 'entel-cl', label: 'Entel', country: 'CL', usageUrl: 'https://miportal.entel.cl/' },
];

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe.each(UI_LOCALES)('first steps in %s', (locale) => {
  it('groups the carriers by country and says a travel eSIM can be added by hand', () => {
    const root = document.createElement('div');
    const onOpenOptions = vi.fn();
    render(<EmptyState i18n={translator(locale)} carriers={CARRIERS} onOpenOptions={onOpenOptions} />, root);
    const groups = [...root.querySelectorAll('.carrier-country')].map((g) => g.getAttribute('data-country'));
    expect(groups.sort()).toEqual(['CL', 'ES', 'HK']);
    const spain = root.querySelector('[data-country=ES]')!;
    expect([...spain.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Movistar', 'Orange']);
    expect(plain(root.textContent)).toContain(plain(translator(locale).t('empty_manual')));
    if (locale.startsWith('zh')) expect(root.textContent).toContain(locale === 'zh-CN' ? '中国移动香港' : '中國移動香港');
    root.querySelector<HTMLButtonElement>('.empty-manual button')!.click();
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('says sooner that it is still looking, and how to send an unknown page', () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    document.body.appendChild(root);
    const i18n = translator(locale);
    const tab = (state: 'waiting' | 'layout-changed') => ({ kind: 'carrier' as const, tabId: 1, lineIds: [], status: { carrierId: 'movistar-es', state, lines: 0, detail: '' } });
    act(() => render(<TabStatusBanner i18n={i18n} status={tab('waiting')} carrierLabel={() => 'Movistar'} onCopySample={async () => true} />, root));
    expect(plain(root.textContent)).toBe(plain(i18n.t('tab_waiting', { carrier: 'Movistar' })));
    act(() => void vi.advanceTimersByTime(WAITING_LONG_MS));
    expect(plain(root.textContent)).toBe(plain(i18n.t('tab_waiting_long', { carrier: 'Movistar' })));
    act(() => render(<TabStatusBanner i18n={i18n} status={tab('layout-changed')} carrierLabel={() => 'Movistar'} onCopySample={async () => true} />, root));
    expect(root.querySelector<HTMLAnchorElement>('.send-how a')!.href).toBe(SUPPORT_URL);
    expect(plain(root.textContent)).toContain(plain(i18n.t('send_sample_how')));
  });
});
