// Actions on one callback: reschedule, cancel (with confirmation) and, for supervisors, reassign
// to an agent or a skill. Talks to the API itself and reports the changed callback.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import { CANCELLABLE, RESCHEDULABLE, type Agent, type BookResult, type Callback, type Skill } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t } from '../../i18n/i18n.ts';
import { refusalText } from '../../lib/result-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbRescheduleSubmitEvent } from '../cb-reschedule/cb-reschedule.ts';
import '../cb-reschedule/cb-reschedule.ts';
import styles from './cb-callback-actions.styles.ts';

export type CallbackAction = 'reschedule' | 'cancel' | 'reassign';
/** A change went through: the list moves the row and the focus according to the action. */
export type CbCallbackUpdatedEvent = CustomEvent<{ callback: Callback; action: CallbackAction }>;

let serial = 0;

@customElement('cb-callback-actions')
export class CbCallbackActions extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ attribute: false }) callback?: Callback;
  @property({ type: Boolean, attribute: 'allow-reassign' }) allowReassign = false;
  @property({ attribute: false }) agents: Agent[] = [];
  @property({ attribute: false }) skills: Skill[] = [];

  @state() private mode: 'idle' | CallbackAction = 'idle';
  @state() private error = '';
  @state() private busy = false;
  @state() private reassignTo = '';

  private readonly uid = `actions-${++serial}`;

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  /** Focuses the first action button (the lists move the focus here after a change); false if there is none. */
  focusFirst(): boolean {
    const button = this.renderRoot.querySelector<HTMLButtonElement>('.buttons button');
    button?.focus();
    return Boolean(button);
  }

  private open(mode: CbCallbackActions['mode']): void {
    const closing = this.mode;
    this.mode = mode;
    this.error = '';
    // Closing a panel gives the focus back to the button that opened it.
    if (mode === 'idle' && closing !== 'idle') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-action="${closing}"]`)?.focus());
  }

  private async run(action: CallbackAction, write: () => Promise<BookResult>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const result = await write();
      if (!result.callback) {
        this.error = refusalText(this.locale, result);
        return;
      }
      this.mode = 'idle';
      this.dispatchEvent(new CustomEvent('cb-callback-updated', { detail: { callback: result.callback, action }, bubbles: true, composed: true }));
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = false;
      if (this.error) void this.focusError();
    }
  }

  /** A refusal is read out (role=alert) and takes the focus where it appeared, beside its action. */
  private async focusError(): Promise<void> {
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('cb-reschedule');
    if (editor) {
      await editor.updateComplete;
      editor.shadowRoot?.querySelector<HTMLElement>('.error')?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
  }

  private reschedule(e: CbRescheduleSubmitEvent): void {
    const { scheduledAt, timeZone } = e.detail;
    const c = this.callback;
    if (c && this.api) void this.run('reschedule', () => (this.api as CallbackApi).rescheduleCallback(c.id, scheduledAt, timeZone));
  }

  private cancel(): void {
    const c = this.callback;
    if (c && this.api) void this.run('cancel', () => (this.api as CallbackApi).cancelCallback(c.id, this.session?.role === 'agent' ? 'agent' : 'supervisor'));
  }

  private reassign(e: Event): void {
    e.preventDefault();
    const c = this.callback;
    const [kind, value] = this.reassignTo.split(':');
    if (!c || !this.api || !value) return;
    void this.run('reassign', () => (this.api as CallbackApi).reassignCallback(c.id, kind === 'agent' ? { agentId: value } : { skill: value }));
  }

  private renderError() {
    return this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing;
  }

  private renderPanel() {
    const l = this.locale;
    const c = this.callback as Callback;
    switch (this.mode) {
      case 'reschedule':
        return html`<cb-reschedule .callback=${c} .error=${this.error}
          @cb-reschedule-submit=${this.reschedule} @cb-reschedule-close=${() => this.open('idle')}></cb-reschedule>`;
      case 'cancel':
        return html`<div class="panel">
          <button class="primary" type="button" ?disabled=${this.busy} @click=${this.cancel}>${t(l, 'action.confirmCancel')}</button>
          <button type="button" @click=${() => this.open('idle')}>${t(l, 'action.keep')}</button>
        </div>${this.renderError()}`;
      case 'reassign':
        return html`<form class="panel" @submit=${this.reassign}>
          <div>
            <label for="${this.uid}-to">${t(l, 'reassign.label')}</label>
            <select id="${this.uid}-to" @change=${(e: Event) => (this.reassignTo = (e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              ${this.agents.map((a) => html`<option value="agent:${a.id}">${t(l, 'reassign.agent', { name: `${a.firstName} ${a.lastName} (${a.id})` })}</option>`)}
              ${this.skills.map((s) => html`<option value="skill:${s.name}">${t(l, 'reassign.skill', { name: s.name })}</option>`)}
            </select>
          </div>
          <button class="primary" type="submit" ?disabled=${this.busy || !this.reassignTo}>${t(l, 'action.apply')}</button>
          <button type="button" @click=${() => this.open('idle')}>${t(l, 'action.close')}</button>
        </form>${this.renderError()}`;
      default:
        return nothing;
    }
  }

  override render() {
    const c = this.callback;
    if (!c) return nothing;
    const l = this.locale;
    const who = `${c.firstName} ${c.lastName}`.trim();
    return html`
      <div class="buttons" role="group" aria-label=${`${t(l, 'list.actions')}: ${who}`}>
        ${RESCHEDULABLE.includes(c.status) ? html`<button type="button" data-action="reschedule" aria-expanded=${this.mode === 'reschedule'} @click=${() => this.open('reschedule')}>${t(l, 'action.reschedule')}</button>` : nothing}
        ${this.allowReassign && CANCELLABLE.includes(c.status) ? html`<button type="button" data-action="reassign" aria-expanded=${this.mode === 'reassign'} @click=${() => this.open('reassign')}>${t(l, 'action.reassign')}</button>` : nothing}
        ${CANCELLABLE.includes(c.status) ? html`<button type="button" data-action="cancel" aria-expanded=${this.mode === 'cancel'} @click=${() => this.open('cancel')}>${t(l, 'action.cancel')}</button>` : nothing}
      </div>
      ${this.renderPanel()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-callback-actions': CbCallbackActions;
  }
  interface GlobalEventHandlersEventMap {
    'cb-callback-updated': CbCallbackUpdatedEvent;
  }
}
