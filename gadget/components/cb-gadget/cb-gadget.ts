// The gadget's root: provides the API client, the session and the current call to every component
// (the Finesse adapter sets them), shows the arrival and inbound-match panels and the views as keyboard-friendly tabs.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import { apiContext } from '../../context/api-context.ts';
import { callContext, type CurrentCall } from '../../context/call-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import '../cb-arrival/cb-arrival.ts';
import '../cb-booking-form/cb-booking-form.ts';
import '../cb-due-alert/cb-due-alert.ts';
import '../cb-inbound-match/cb-inbound-match.ts';
import '../cb-my-callbacks/cb-my-callbacks.ts';
import '../cb-supervisor/cb-supervisor.ts';
import styles from './cb-gadget.styles.ts';

export type GadgetTab = 'book' | 'mine' | 'team';
export type CbRenderEvent = CustomEvent<Record<string, never>>;
const TAB_LABEL: Record<GadgetTab, MessageKey> = { book: 'tab.book', mine: 'tab.mine', team: 'tab.team' };

@customElement('cb-gadget')
export class CbGadget extends LitElement {
  static override styles = [baseStyles, styles];

  @provide({ context: apiContext }) @property({ attribute: false }) api?: CallbackApi;
  @provide({ context: sessionContext }) @property({ attribute: false }) session?: Session;
  @provide({ context: callContext }) @property({ attribute: false }) call: CurrentCall | null = null;

  @property({ reflect: true }) tab: GadgetTab = 'book';

  @state() private error = '';

  private confirmedFor: CallbackApi | undefined;

  override willUpdate(): void {
    if (this.api && this.session && this.api !== this.confirmedFor) {
      this.confirmedFor = this.api;
      void this.confirmRole(this.api);
    }
    if (this.tab === 'team' && !this.isSupervisor) this.tab = 'book';
  }

  override updated(): void {
    this.dispatchEvent(new CustomEvent('cb-render', { detail: {}, bubbles: true, composed: true }));
  }

  private get isSupervisor(): boolean {
    return this.session?.role === 'supervisor' || this.session?.role === 'admin';
  }

  /** The Campaign Manager has the last word on the role (admins come from its configuration). */
  private async confirmRole(api: CallbackApi): Promise<void> {
    try {
      const me = await api.me();
      this.error = '';
      if (this.session && me.role !== this.session.role) this.session = { ...this.session, role: me.role };
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private tabs(): GadgetTab[] {
    return this.isSupervisor ? ['book', 'mine', 'team'] : ['book', 'mine'];
  }

  private select(tab: GadgetTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKey(e: KeyboardEvent): void {
    const tabs = this.tabs();
    const i = tabs.indexOf(this.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.select(tabs[(next + tabs.length) % tabs.length], true);
  }

  private renderPanel() {
    switch (this.tab) {
      case 'mine':
        return html`<cb-my-callbacks></cb-my-callbacks>`;
      case 'team':
        return html`<cb-supervisor></cb-supervisor>`;
      default:
        return html`<cb-booking-form></cb-booking-form>`;
    }
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    if (!this.api || !this.session) return html`<p class="hint" role="status">${t(l, 'app.loading')}</p>`;
    const s = this.session;
    return html`
      <span class="user">${s.firstName} ${s.lastName} (${s.agentId}${s.teamName ? `, ${s.teamName}` : ''})</span>
      ${this.error ? html`<p class="error" role="alert">${t(l, 'app.error', { message: this.error })}</p>` : nothing}
      <cb-arrival></cb-arrival>
      <cb-inbound-match></cb-inbound-match>
      <cb-due-alert ?hidden=${this.tab === 'mine'} @cb-show-mine=${() => this.select('mine', true)}></cb-due-alert>
      <div role="tablist" aria-label=${t(l, 'tab.label')} @keydown=${this.onTabKey}>
        ${this.tabs().map(
          (tab) => html`<button type="button" role="tab" id="tab-${tab}" aria-controls="panel" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? '0' : '-1'} @click=${() => this.select(tab)}>${t(l, TAB_LABEL[tab])}</button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}">${this.renderPanel()}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-gadget': CbGadget;
  }
  interface GlobalEventHandlersEventMap {
    'cb-render': CbRenderEvent;
  }
}
