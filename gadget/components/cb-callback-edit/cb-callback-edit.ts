// Correcting a callback's names, number and notes (before UCCX holds it). The same fields as the
// booking form (cb-phone-field for the number); the server's violations are shown beside their
// field and the first one takes focus, so the agent lands where the fix is needed.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback, DetailsInput } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { hasMessage, t, type MessageKey } from '../../i18n/i18n.ts';
import { refusalText } from '../../lib/result-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbPhoneChangeEvent } from '../cb-phone-field/cb-phone-field.ts';
import '../cb-phone-field/cb-phone-field.ts';
import styles from './cb-callback-edit.styles.ts';

export type CbCallbackEditedEvent = CustomEvent<{ callback: Callback }>;
export type CbEditCancelledEvent = CustomEvent<{ id: string }>;

const FIELDS = ['firstName', 'lastName', 'phone', 'notes'] as const;
type Field = (typeof FIELDS)[number];

let serial = 0;

@customElement('cb-callback-edit')
export class CbCallbackEdit extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property({ attribute: false }) callback: Callback | null = null;

  @state() private values: Record<Field, string> = { firstName: '', lastName: '', phone: '', notes: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private busy = false;

  private readonly uid = `edit-${++serial}`;

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const c = this.callback;
    if (changed.has('callback') && c) {
      this.values = { firstName: c.firstName, lastName: c.lastName, phone: c.phone, notes: c.notes ?? '' };
      this.errors = {};
      this.formError = '';
    }
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.uid}-firstName`)?.focus();
  }

  /** Only what differs from the callback is sent (a field left out keeps its value). */
  private changes(): DetailsInput {
    const c = this.callback as Callback;
    const out: DetailsInput = {};
    if (this.values.firstName !== c.firstName) out.firstName = this.values.firstName;
    if (this.values.lastName !== c.lastName) out.lastName = this.values.lastName;
    if (this.values.phone !== c.phone) out.phone = this.values.phone;
    if (this.values.notes !== (c.notes ?? '')) out.notes = this.values.notes;
    return out;
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const c = this.callback;
    if (!c || !this.api || this.busy) return;
    const input = this.changes();
    if (!Object.keys(input).length) return this.done(c);
    this.busy = true;
    this.errors = {};
    this.formError = '';
    try {
      const result = await this.api.updateCallbackDetails(c.id, input);
      if (result.callback) return this.done(result.callback);
      const errors: Partial<Record<Field, string>> = {};
      for (const v of result.violations) {
        const field = (FIELDS as readonly string[]).includes(v.field) ? (v.field as Field) : null;
        const text = hasMessage(`violation.${v.code}`) ? t(this.locale, `violation.${v.code}` as MessageKey) : v.message;
        if (field) errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
        else this.formError = text;
      }
      if (result.duplicate || !result.violations.length) this.formError = refusalText(this.locale, result);
      this.errors = errors;
    } catch (err) {
      this.formError = t(this.locale, 'edit.failed', { message: (err as Error).message });
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.focusFirstError();
  }

  private focusFirstError(): void {
    const field = FIELDS.find((f) => this.errors[f]);
    if (field === 'phone') this.renderRoot.querySelector<HTMLElement>('cb-phone-field')?.focus();
    else if (field) this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-${field}`)?.focus();
    else this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
  }

  private done(callback: Callback): void {
    this.dispatchEvent(new CustomEvent('cb-callback-edited', { detail: { callback }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('cb-edit-cancelled', { detail: { id: this.callback?.id ?? '' }, bubbles: true, composed: true }));
  }

  private set(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private text(field: 'firstName' | 'lastName') {
    const id = `${this.uid}-${field}`;
    const error = this.errors[field];
    return html`<div class="field">
      <label for=${id}>${t(this.locale, `field.${field}`)}</label>
      <input id=${id} name=${field} autocomplete="off" maxlength="50" .value=${this.values[field]} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing} @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)} />
      ${error ? html`<p id="${id}-error" class="error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const c = this.callback;
    if (!c) return nothing;
    const l = this.locale;
    const notesId = `${this.uid}-notes`;
    return html`<form aria-label=${t(l, 'edit.title')} @submit=${this.save} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
      ${this.text('firstName')} ${this.text('lastName')}
      <cb-phone-field class="wide" .value=${this.values.phone} .campaign=${c.campaign} .error=${this.errors.phone ?? ''}
        @cb-phone-change=${(e: CbPhoneChangeEvent) => this.set('phone', e.detail.value)}></cb-phone-field>
      <div class="field wide">
        <label for=${notesId}>${t(l, 'field.notes')}</label>
        <textarea id=${notesId} name="notes" maxlength="1000" .value=${this.values.notes} aria-invalid=${this.errors.notes ? 'true' : 'false'}
          aria-describedby=${this.errors.notes ? `${notesId}-error` : nothing} @input=${(e: Event) => this.set('notes', (e.target as HTMLTextAreaElement).value)}></textarea>
        ${this.errors.notes ? html`<p id="${notesId}-error" class="error">${this.errors.notes}</p>` : nothing}
      </div>
      ${this.formError ? html`<p class="error form-error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
      <div class="buttons">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(l, 'edit.save')}</button>
        <button type="button" @click=${this.cancel}>${t(l, 'edit.cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-callback-edit': CbCallbackEdit;
  }
  interface GlobalEventHandlersEventMap {
    'cb-callback-edited': CbCallbackEditedEvent;
    'cb-edit-cancelled': CbEditCancelledEvent;
  }
}
