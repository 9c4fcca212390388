// The customer number: editable, checked as typed through the `phoneInfo` query (valid, national
// format, the number's time zone). A server violation is shown beside it.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { PhoneInfo } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t } from '../../i18n/i18n.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-phone-field.styles.ts';

export type CbPhoneChangeEvent = CustomEvent<{ value: string; info: PhoneInfo | null }>;

@customElement('cb-phone-field')
export class CbPhoneField extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @property() value = '';
  @property() campaign = '';
  /** A server violation message for this field. */
  @property() error = '';
  /** Milliseconds of typing pause before the number is checked. */
  @property({ type: Number }) debounce = 300;

  @state() private info: PhoneInfo | null = null;
  @state() private checking = false;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private checkedFor = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override willUpdate(_changed: PropertyValues<this>): void {
    const key = `${this.campaign}\n${this.value}\n${Boolean(this.api)}`;
    if (key !== this.checkedFor) {
      this.checkedFor = key;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.check(), this.debounce);
    }
  }

  /** Checks the current number now. */
  async check(): Promise<void> {
    clearTimeout(this.timer);
    const value = this.value.trim();
    if (!this.api || !this.campaign || value.length < 3) {
      this.info = null;
      return;
    }
    this.checking = true;
    try {
      const info = await this.api.phoneInfo(this.campaign, value);
      if (value !== this.value.trim()) return;
      this.info = info;
      this.dispatchEvent(new CustomEvent('cb-phone-change', { detail: { value: this.value, info }, bubbles: true, composed: true }));
    } catch {
      this.info = null;
    } finally {
      this.checking = false;
    }
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.error = '';
    this.dispatchEvent(new CustomEvent('cb-phone-change', { detail: { value: this.value, info: null }, bubbles: true, composed: true }));
  }

  private renderStatus() {
    const locale = this.session?.locale ?? 'en';
    if (this.error) return html`<span class="error">${this.error}</span>`;
    if (this.checking) return html`<span class="hint">${t(locale, 'phone.checking')}</span>`;
    if (!this.info) return nothing;
    return this.info.valid
      ? html`<span class="ok">${t(locale, 'phone.valid', { formatted: this.info.formatted ?? '', country: this.info.country ?? '' })}</span>`
      : html`<span class="error">${t(locale, 'phone.invalid')}</span>`;
  }

  override render() {
    const locale = this.session?.locale ?? 'en';
    const invalid = Boolean(this.error) || this.info?.valid === false;
    return html`
      <label for="phone">${t(locale, 'field.phone')}</label>
      <input id="phone" name="phone" type="tel" autocomplete="off" .value=${this.value} required
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="phone-status" @input=${this.onInput} />
      <p id="phone-status" class="status" aria-live="polite">${this.renderStatus()}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-phone-field': CbPhoneField;
  }
  interface GlobalEventHandlersEventMap {
    'cb-phone-change': CbPhoneChangeEvent;
  }
}
