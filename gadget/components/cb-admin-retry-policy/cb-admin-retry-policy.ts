// A campaign's retry policy per outcome of a failed attempt (jobs/retry-policy.ts): how many attempts
// a callback gets and how long to wait before the next. An empty row uses the `default` row, and an
// empty `default` the product's rule (3 attempts, 10 minutes). A half-filled row is refused here,
// beside the row, before the API sees it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RetryOutcome, RetryPolicy } from '../../../domain/types.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import { baseStyles } from '../../styles/base.styles.ts';

export type CbRetryPolicyChangeEvent = CustomEvent<{ policy: RetryPolicy | null; complete: boolean }>;

const OUTCOMES: Array<[RetryOutcome, string]> = [
  ['default', 'Any other outcome (default)'],
  ['busy', 'Busy'],
  ['no_answer', 'No answer'],
  ['answering_machine', 'Answering machine'],
  ['abandoned', 'Abandoned (no IVR port)'],
  ['gateway_failure', 'Network failure'],
  ['wrong_person', 'Wrong person'],
  ['not_confirmed', 'Did not press 1'],
];

type Row = { maxAttempts: string; delayMinutes: string };

@customElement('cb-admin-retry-policy')
export class CbAdminRetryPolicy extends LitElement {
  static override styles = [baseStyles, adminStyles, css`
    :host { display: block; }
    .grid { display: grid; grid-template-columns: minmax(0, 1fr) 6.5rem 6.5rem; gap: 4px 8px; align-items: end; }
    .grid input { width: 100%; box-sizing: border-box; }
    .name { overflow-wrap: anywhere; }
    .row-error { grid-column: 1 / -1; }
  `];

  @property({ attribute: false }) policy: RetryPolicy | null = null;
  @state() private rows: Partial<Record<RetryOutcome, Row>> = {};
  /** The policy this editor last sent: when it comes back as the property, the rows (half-filled ones too) stay. */
  private sent: RetryPolicy | null | undefined;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('policy') || (this.sent !== undefined && this.policy === this.sent)) return;
    const rows: Partial<Record<RetryOutcome, Row>> = {};
    for (const [outcome] of OUTCOMES) {
      const rule = this.policy?.[outcome];
      if (rule) rows[outcome] = { maxAttempts: String(rule.maxAttempts), delayMinutes: String(rule.delayMinutes) };
    }
    this.rows = rows;
  }

  /** Rows with one of the two numbers only. */
  private incomplete(): RetryOutcome[] {
    return OUTCOMES.map(([o]) => o).filter((o) => {
      const r = this.rows[o];
      return r && (r.maxAttempts.trim() === '') !== (r.delayMinutes.trim() === '');
    });
  }

  private edit(outcome: RetryOutcome, key: keyof Row, value: string): void {
    const row = { maxAttempts: '', delayMinutes: '', ...this.rows[outcome], [key]: value };
    this.rows = { ...this.rows, [outcome]: row };
    const policy: RetryPolicy = {};
    for (const [o] of OUTCOMES) {
      const r = this.rows[o];
      if (r && r.maxAttempts.trim() !== '' && r.delayMinutes.trim() !== '') policy[o] = { maxAttempts: Number(r.maxAttempts), delayMinutes: Number(r.delayMinutes) };
    }
    const complete = this.incomplete().length === 0;
    this.sent = Object.keys(policy).length ? policy : null;
    this.dispatchEvent(new CustomEvent('cb-retry-policy-change', { detail: { policy: this.sent, complete }, bubbles: true, composed: true }));
  }

  override render() {
    const half = new Set(this.incomplete());
    return html`<fieldset>
      <legend>Retries after a failed attempt (empty = the default row; its default: 3 attempts, 10 minutes)</legend>
      <div class="grid" role="group" aria-label="Retry policy per outcome">
        <span aria-hidden="true">Outcome</span><span aria-hidden="true">Attempts in all</span><span aria-hidden="true">Wait (min)</span>
        ${OUTCOMES.map(([o, label]) => {
          const r = this.rows[o] ?? { maxAttempts: '', delayMinutes: '' };
          const bad = half.has(o);
          const describedBy = bad ? `r-${o}-error` : nothing;
          return html`<span class="name" id="r-${o}">${label}</span>
            <input name="retry.${o}.maxAttempts" type="number" min="1" max="10" step="1" aria-label="${label}: attempts in all" .value=${r.maxAttempts}
              aria-invalid=${bad && !r.maxAttempts ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => this.edit(o, 'maxAttempts', (e.target as HTMLInputElement).value)} />
            <input name="retry.${o}.delayMinutes" type="number" min="0" step="1" aria-label="${label}: wait in minutes" .value=${r.delayMinutes}
              aria-invalid=${bad && !r.delayMinutes ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => this.edit(o, 'delayMinutes', (e.target as HTMLInputElement).value)} />
            ${bad ? html`<div class="field-error row-error" id="r-${o}-error" role="alert">${label}: give both the attempts and the wait, or neither.</div>` : nothing}`;
        })}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-retry-policy': CbAdminRetryPolicy;
  }
  interface GlobalEventHandlersEventMap {
    'cb-retry-policy-change': CbRetryPolicyChangeEvent;
  }
}
