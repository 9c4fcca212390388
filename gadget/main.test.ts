// The bundle entry: the gadget page's <html lang> follows the session's locale (axe html-has-lang).
import { expect, fixture, html } from '@open-wc/testing';
import type { CbGadget } from './components/cb-gadget/cb-gadget.ts';
import './main.ts';
import { mockApi, session, until } from './test/mock-api.ts';

describe('gadget entry (main.ts)', () => {
  it('sets <html lang> from the session locale and follows a change', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<CbGadget>(html`<cb-gadget .api=${mockApi().api} .session=${session({ locale: 'pl' })}></cb-gadget>`);
    await until(() => document.documentElement.lang === 'pl-PL', 'Polish page');
    el.session = session({ locale: 'en' });
    await until(() => document.documentElement.lang === 'en-GB', 'English page');
  });
});
