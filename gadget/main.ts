// Entry of the gadget bundle (cb-gadget.js, an IIFE exposing window.CallbackGadget).
// gadget.xml calls CallbackGadget.install({ cmUrl, root }) and the adapter boots on hub connect.
import './components/cb-gadget/cb-gadget.ts';
import type { CbGadget } from './components/cb-gadget/cb-gadget.ts';
import { bcp47 } from './i18n/i18n.ts';

export { install, boot } from './finesse/adapter.ts';
export { CallbackApi } from './api/api-client.ts';
export { CbGadget } from './components/cb-gadget/cb-gadget.ts';

/**
 * The page's <html lang> follows the agent's Finesse locale, so screen readers speak Polish
 * texts in Polish (WCAG 3.1.1). The root renders after every session change (cb-render).
 */
export function followSessionLocale(doc: Document = document): void {
  doc.addEventListener('cb-render', (e) => {
    const locale = (e.target as CbGadget | null)?.session?.locale;
    if (locale && doc.documentElement.lang !== bcp47(locale)) doc.documentElement.lang = bcp47(locale);
  });
}

followSessionLocale();
