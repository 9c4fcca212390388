// The audit log for the administrator: who changed what, when, and the values before and after.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi, AuditEntry } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import styles from './cb-admin-audit.styles.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

/** The fields that differ between before and after ("csq: CSQ_Sales → CSQ_Night"). */
export function changes(before: unknown, after: unknown): string {
  if (before == null || after == null) return before == null ? 'created' : 'deleted';
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((k) => `${k}: ${JSON.stringify(b[k])} → ${JSON.stringify(a[k])}`).join('; ') || 'no change';
}

@customElement('cb-admin-audit')
export class CbAdminAudit extends LitElement {
  static override styles = [baseStyles, adminStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  @state() private entries: AuditEntry[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api?.audit().then((e) => (this.entries = e));
  }

  override render() {
    return html`<table class="list">
      <caption class="visually-hidden">Audit log</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Change</th></tr></thead>
      <tbody>
        ${this.entries.map((e) => html`<tr><td data-label="When">${formatDateTime('en', e.at)}</td><td data-label="Who">${e.actor}</td><td data-label="Action">${e.action}</td><td data-label="Target">${e.target}</td><td data-label="Change" class="what">${changes(e.before, e.after)}</td></tr>`)}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-audit': CbAdminAudit;
  }
}
