// The connections the Campaign Manager depends on, read-only: Finesse, UCCX node 1 and 2, db_cra —
// where each is, its state, the last success and the last failure with its cause (what /readyz
// reads). Credentials are set on the server and never come here. "Check the UCCX nodes now" asks
// each node at once, since the stored status is the pair's.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi, AdminConnection } from '../../admin/admin-api.ts';
import { fieldErrors } from '../../admin/admin-form.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-admin-connections.styles.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

const NAMES: Record<AdminConnection['id'], string> = { finesse: 'Finesse', uccx1: 'UCCX node 1', uccx2: 'UCCX node 2', dbcra: 'UCCX database (db_cra)' };
const STATES: Record<AdminConnection['state'], string> = { ok: 'working', failing: 'failing', unknown: 'no recent news' };
const when = (iso: string | null) => (iso ? formatDateTime('en', iso) : 'never');

@customElement('cb-admin-connections')
export class CbAdminConnections extends LitElement {
  static override styles = [baseStyles, adminStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  @state() private connections: AdminConnection[] = [];
  @state() private checking = false;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
  }

  async load(check: boolean): Promise<void> {
    if (!this.api) return;
    this.checking = check;
    try {
      this.connections = await this.api.connections(check);
      this.error = '';
    } catch (err) {
      this.error = fieldErrors(err)[0].message;
    } finally {
      this.checking = false;
    }
  }

  private card(c: AdminConnection) {
    return html`<li class="card ${c.configured ? c.state : 'unknown'}" data-id=${c.id} aria-labelledby="n-${c.id}">
      <h3 id="n-${c.id}">${NAMES[c.id]}</h3>
      ${c.configured
        ? html`<dl>
            <dt>Address</dt><dd>${c.endpoint ?? '—'}</dd>
            <dt>${c.dependency === 'uccx' ? 'State (HA pair)' : 'State'}</dt><dd class="state-${c.state}">${STATES[c.state]}${c.required ? ' (needed for ready)' : ''}</dd>
            <dt>Last success</dt><dd>${when(c.lastSuccessAt)}</dd>
            <dt>Last failure</dt><dd>${when(c.lastFailureAt)}${c.lastCause ? html` — cause <code>${c.lastCause}</code>` : nothing}</dd>
            ${c.checkedNow ? html`<dt>Checked now</dt><dd class=${c.checkedNow === 'ok' ? 'state-ok' : 'state-failing'}>${c.checkedNow === 'ok' ? 'answers' : html`does not answer: <code>${c.checkedNow}</code>`}</dd>` : nothing}
          </dl>`
        : html`<p class="hint">not configured</p>`}
    </li>`;
  }

  override render() {
    return html`
      <p class="hint">Read-only. Addresses and credentials are set on the server (environment); passwords are never shown.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul class="cards" aria-label="Connections">${this.connections.map((c) => this.card(c))}</ul>
      <div class="actions">
        <button type="button" ?disabled=${this.checking} @click=${() => this.load(true)}>${this.checking ? 'Checking…' : 'Check the UCCX nodes now'}</button>
        <button type="button" ?disabled=${this.checking} @click=${() => this.load(false)}>Refresh</button>
      </div>
      <p role="status" class="visually-hidden">${this.checking ? 'Checking the UCCX nodes' : ''}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-connections': CbAdminConnections;
  }
}
