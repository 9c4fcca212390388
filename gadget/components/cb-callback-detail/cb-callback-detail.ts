// Why a callback did (not) happen: every field, the last result and the next try, and the history
// as a readable timeline (who, what, when, UCCX result in words), in the gadget's locale.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { eventDetail, eventText, reasonText, resultText } from '../../lib/history-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';

export type CbDetailClosedEvent = CustomEvent<{ id: string }>;
type Entry = Awaited<ReturnType<CallbackApi['history']>>[number];

@customElement('cb-callback-detail')
export class CbCallbackDetail extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; border: 1px solid #d5dbe1; border-radius: 3px; padding: 8px; margin: 6px 0; background: #fafbfc; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 8px; }
    dt { font-weight: 600; }
    ol { margin: 0; padding-left: 18px; }
    li { margin-bottom: 2px; }
    .when { color: #4a5663; }
  `];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ attribute: false }) callback: Callback | null = null;
  @state() private history: Entry[] = [];
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('callback') && this.callback && this.api) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.history = await (this.api as CallbackApi).history((this.callback as Callback).id);
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Focus moves into the panel when it opens, and back to the list's button when it closes. */
  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h4')?.focus();
  }

  override render() {
    const c = this.callback;
    if (!c) return nothing;
    const l = this.session?.locale ?? 'en';
    const close = () => this.dispatchEvent(new CustomEvent('cb-detail-closed', { detail: { id: c.id }, bubbles: true, composed: true }));
    return html`<section aria-labelledby="detail-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && close()}>
      <h4 id="detail-title" tabindex="-1">${c.firstName} ${c.lastName} — ${t(l, `status.${c.status}` as MessageKey)}</h4>
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
      <button type="button" @click=${close}>${t(l, 'detail.close')}</button>
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
