/**
 * Same-document navigations (pushState, hash routes), noticed by comparing `location.href` and
 * nothing else. This replaces WXT's `wxt:locationchange`, a window event the page can dispatch
 * itself once it knows the extension id: a forged event changes no URL here, so it triggers
 * nothing. The Navigation API tells at once where the browser has it; elsewhere a 1 s poll does.
 */
export function watchLocation(win: Window, onChange: (href: string) => void): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const navigation = (win as { navigation?: EventTarget }).navigation;
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  let timer: ReturnType<typeof setInterval> | undefined;
  if (navigation && typeof navigation.addEventListener === 'function') navigation.addEventListener('currententrychange', check);
  else timer = setInterval(check, 1_000);
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    navigation?.removeEventListener?.('currententrychange', check);
    clearInterval(timer);
  };
}
