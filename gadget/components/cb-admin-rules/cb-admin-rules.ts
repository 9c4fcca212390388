// The global booking rules for the administrator, with the server's field-level refusals beside
// the field (e.g. a calling window that ends before it starts).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AdminApiError, type AdminApi, type FieldError, type GlobalRules } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-admin-rules.styles.ts';

const FIELDS: Array<[keyof GlobalRules, string, 'number' | 'time']> = [
  ['leadMinutes', 'Lead time (minutes)', 'number'],
  ['horizonDays', 'Booking horizon (days)', 'number'],
  ['windowStart', 'Customer calling window from', 'time'],
  ['windowEnd', 'Customer calling window to', 'time'],
  ['slotMinutes', 'Slot (minutes)', 'number'],
  ['capacityPerSkillSlot', 'Places per skill slot', 'number'],
  ['capacityPerAgentSlot', 'Places per agent slot', 'number'],
  ['expiryHours', 'Expiry (hours after the promised time)', 'number'],
  ['personalFallbackSeconds', 'Wait for the personal agent (seconds)', 'number'],
];

@customElement('cb-admin-rules')
export class CbAdminRules extends LitElement {
  static override styles = [baseStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  @state() private rules: GlobalRules | null = null;
  @state() private errors: FieldError[] = [];
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api?.rules().then((r) => (this.rules = r));
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || !this.rules) return;
    try {
      this.rules = await this.api.saveRules(this.rules);
      this.errors = [];
      this.message = 'Rules saved.';
    } catch (err) {
      this.errors = err instanceof AdminApiError && err.errors.length ? err.errors : [{ field: 'form', code: 'ERROR', message: (err as Error).message }];
      this.message = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${this.errors[0].field}"]`)?.focus();
    }
  }

  override render() {
    if (!this.rules) return html`<p role="status">Loading…</p>`;
    const rules = this.rules;
    return html`<form @submit=${this.save} aria-label="Global rules">
      <p role="status" class="ok">${this.message}</p>
      ${FIELDS.map(([key, label, type]) => {
        const error = this.errors.find((e) => e.field === key);
        return html`<div>
          <label for="r-${key}">${label}</label>
          <input id="r-${key}" name=${key} type=${type === 'time' ? 'text' : 'number'} .value=${String(rules[key])} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `r-${key}-error` : nothing}
            @input=${(e: Event) => {
              const v = (e.target as HTMLInputElement).value;
              this.rules = { ...rules, [key]: type === 'number' ? Number(v) : v };
            }} />
          ${error ? html`<div class="field-error" id="r-${key}-error">${error.message}</div>` : nothing}
        </div>`;
      })}
      <button class="primary" type="submit">Save rules</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-rules': CbAdminRules;
  }
}
