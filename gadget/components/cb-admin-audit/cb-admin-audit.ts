// The audit log for the administrator: who changed what, when, and the values before and after.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi, AuditEntry } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';

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
  static override styles = [baseStyles, css`:host { display: block; } td.what { font-family: monospace; word-break: break-word; }`];

  @property({ attribute: false }) api?: AdminApi;
  @state() private entries: AuditEntry[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api?.audit().then((e) => (this.entries = e));
  }

  override render() {
    return html`<table>
      <caption class="visually-hidden">Audit log</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Change</th></tr></thead>
      <tbody>
        ${this.entries.map((e) => html`<tr><td>${new Date(e.at).toLocaleString()}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.target}</td><td class="what">${changes(e.before, e.after)}</td></tr>`)}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-audit': CbAdminAudit;
  }
}
