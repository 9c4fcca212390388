// Why a callback did (not) happen: every field, the last result and the next try, and the history
// as a readable timeline (who, what, when, UCCX result in words), in the gadget's locale. Inside the
// panel: the actions its state allows (reschedule, cancel, reassign for supervisors) and, before
// UCCX holds it, the edit form for names, number and notes.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import { EDITABLE, type Agent, type Callback, type Skill } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { eventDetail, eventText, reasonText, resultText } from '../../lib/history-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbCallbackUpdatedEvent } from '../cb-callback-actions/cb-callback-actions.ts';
import type { CbCallbackEditedEvent } from '../cb-callback-edit/cb-callback-edit.ts';
import '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-edit/cb-callback-edit.ts';
import styles from './cb-callback-detail.styles.ts';

export type CbDetailClosedEvent = CustomEvent<{ id: string }>;
type Entry = Awaited<ReturnType<CallbackApi['history']>>[number];

@customElement('cb-callback-detail')
export class CbCallbackDetail extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ attribute: false }) callback: Callback | null = null;
  @state() private history: Entry[] = [];
  @state() private error = '';
  @state() private editing = false;
  @state() private saved = '';
  @state() private agents: Agent[] = [];
  @state() private skills: Skill[] = [];

  private targetsLoaded = false;

  private get mayReassign(): boolean {
    return this.session?.role === 'supervisor' || this.session?.role === 'admin';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The same version handed back by the list after our own update needs no second read.
    const before = changed.get('callback') as Callback | null | undefined;
    const same = before && this.callback && before.id === this.callback.id && before.version === this.callback.version;
    if (changed.has('callback') && this.callback && this.api && !same) void this.load();
    if (this.mayReassign && this.api && !this.targetsLoaded) void this.loadTargets();
  }

  private async load(): Promise<void> {
    try {
      this.history = await (this.api as CallbackApi).history((this.callback as Callback).id);
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Whom a supervisor may reassign to: the agents of his teams and the skills. */
  private async loadTargets(): Promise<void> {
    this.targetsLoaded = true;
    try {
      const api = this.api as CallbackApi;
      [this.agents, this.skills] = await Promise.all([api.agents(), api.skills()]);
    } catch {
      this.targetsLoaded = false;
    }
  }

  /** Focus moves into the panel when it opens, and back to the list's button when it closes. */
  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h4')?.focus();
  }

  /** After saving or leaving the edit form, focus returns to its button (or the title when it is gone). */
  private async closeEdit(saved: Callback | null): Promise<void> {
    this.editing = false;
    if (saved) {
      this.callback = saved;
      this.saved = t(this.session?.locale ?? 'en', 'edit.saved');
      this.dispatchEvent(new CustomEvent('cb-callback-updated', { detail: { callback: saved }, bubbles: true, composed: true }));
    }
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('[data-action="edit"]') ?? this.renderRoot.querySelector<HTMLElement>('h4'))?.focus();
  }

  private onActionsUpdated(e: CbCallbackUpdatedEvent): void {
    // The event goes on to the list; the panel shows the new state and history at once.
    this.callback = e.detail.callback;
    this.saved = '';
  }

  private renderActions(c: Callback) {
    const l = this.session?.locale ?? 'en';
    const editable = EDITABLE.includes(c.status);
    return html`<div class="actions">
        ${editable && !this.editing
          ? html`<button type="button" data-action="edit" aria-expanded="false" @click=${() => ((this.editing = true), (this.saved = ''))}>${t(l, 'edit.open')}</button>`
          : nothing}
        <cb-callback-actions .callback=${c} ?allow-reassign=${this.mayReassign} .agents=${this.agents} .skills=${this.skills}
          @cb-callback-updated=${this.onActionsUpdated}></cb-callback-actions>
      </div>
      ${this.editing && editable
        ? html`<cb-callback-edit .callback=${c} @cb-callback-edited=${(e: CbCallbackEditedEvent) => void this.closeEdit(e.detail.callback)}
            @cb-edit-cancelled=${() => void this.closeEdit(null)}></cb-callback-edit>`
        : nothing}
      ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}`;
  }

  override render() {
    const c = this.callback;
    if (!c) return nothing;
    const l = this.session?.locale ?? 'en';
    const close = () => this.dispatchEvent(new CustomEvent('cb-detail-closed', { detail: { id: c.id }, bubbles: true, composed: true }));
    // Escape inside the edit form or an action's panel closes that, not the whole detail.
    const onKey = (e: KeyboardEvent) => {
      const inner = e.composedPath().some((n) => n instanceof HTMLElement && /^CB-CALLBACK-(EDIT|ACTIONS)$/.test(n.tagName));
      if (e.key === 'Escape' && !inner) close();
    };
    return html`<section aria-labelledby="detail-title" @keydown=${onKey}>
      <div class="head">
        <h4 id="detail-title" tabindex="-1">${c.firstName} ${c.lastName} — ${t(l, `status.${c.status}` as MessageKey)}</h4>
        <button type="button" class="close" @click=${close}>${t(l, 'detail.close')}</button>
      </div>
      ${this.renderActions(c)}
      <dl>
        <dt>${t(l, 'list.number')}</dt><dd>${c.phone}</dd>
        <dt>${t(l, 'list.when')}</dt><dd>${formatDateTime(l, c.scheduledAt, c.timeZone)} (${c.timeZone})</dd>
        <dt>${t(l, 'list.campaign')}</dt><dd>${c.campaign}</dd>
        <dt>${t(l, 'detail.attempts')}</dt><dd>${c.attempts}</dd>
        ${c.lastResult ? html`<dt>${t(l, 'detail.lastResult')}</dt><dd>${resultText(l, c.lastResult)}</dd>` : nothing}
        ${c.nextAttemptAt ? html`<dt>${t(l, 'detail.nextTry')}</dt><dd>${formatDateTime(l, c.nextAttemptAt, c.timeZone)}</dd>` : nothing}
        ${c.reason ? html`<dt>${t(l, 'detail.reason')}</dt><dd>${reasonText(l, c.reason)}</dd>` : nothing}
        <dt>${t(l, 'detail.bookedBy')}</dt><dd>${c.createdBy}</dd>
        ${c.notes ? html`<dt>${t(l, 'detail.notes')}</dt><dd>${c.notes}</dd>` : nothing}
      </dl>
      <h5>${t(l, 'detail.history')}</h5>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ol>
        ${this.history.map((h) => {
          const detail = eventDetail(l, h.details);
          return html`<li><span class="when">${formatDateTime(l, h.at, c.timeZone)}</span> — ${eventText(l, h.event)}${detail ? html` (${detail})` : nothing} <span class="hint">· ${h.actor}</span></li>`;
        })}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-callback-detail': CbCallbackDetail;
  }
  interface GlobalEventHandlersEventMap {
    'cb-detail-closed': CbDetailClosedEvent;
  }
}
