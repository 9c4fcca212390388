// A visible alert, whatever view is open, when the agent's own callbacks are due soon or overdue.
// Refreshes every minute and on live changes; "Show" opens "My callbacks".
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t } from '../../i18n/i18n.ts';
import { groupOf, isMine } from '../../lib/callback-groups.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-due-alert.styles.ts';
import { LiveCallbacks } from '../../lib/live-callbacks.ts';

export type CbShowMineEvent = CustomEvent<Record<string, never>>;
const ACTIVE = ['scheduled', 'dispatching', 'queued', 'dialing', 'retry_wait'];

@customElement('cb-due-alert')
export class CbDueAlert extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ type: Number, attribute: 'due-soon-minutes' }) dueSoonMinutes = 15;
  @property({ type: Number, attribute: 'refresh-seconds' }) refreshSeconds = 60;
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private items: Callback[] = [];

  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly live = new LiveCallbacks(this, {
    ready: () => Boolean(this.session),
    changed: () => void this.load(),
    load: () => {
      clearInterval(this.timer);
      this.timer = setInterval(() => void this.load(), this.refreshSeconds * 1000);
      void this.load();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  async load(): Promise<void> {
    try {
      const page = await (this.api as CallbackApi).callbacks({ status: ACTIVE }, 200);
      this.items = page.items.filter((c) => isMine(c, this.session?.agentId));
    } catch {
      /* the views show errors; the alert just stays as it was */
    }
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    const groups = this.items.map((c) => groupOf(c, this.now(), this.dueSoonMinutes));
    const soon = groups.filter((g) => g === 'dueSoon').length;
    const overdue = groups.filter((g) => g === 'overdue').length;
    if (!soon && !overdue) return nothing;
    const text = [soon ? t(l, 'mine.alert', { count: soon }) : '', overdue ? t(l, 'mine.overdueAlert', { count: overdue }) : ''].filter(Boolean).join(' ');
    return html`<div class="alert ${overdue ? 'overdue' : ''}" role="alert">
      <span>${text}</span>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('cb-show-mine', { detail: {}, bubbles: true, composed: true }))}>${t(l, 'mine.show')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-due-alert': CbDueAlert;
  }
  interface GlobalEventHandlersEventMap {
    'cb-show-mine': CbShowMineEvent;
  }
}
