// Service accounts for the administrator (issue 11): the systems that book callbacks with an API
// key (a CRM, a web form, the UCCX inbound script), their scopes and campaigns, when each was last
// used; create one (its key is shown this once, to be copied into the other system) or revoke it.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AdminApiError, type AdminApi, type FieldError } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-admin-service-accounts.styles.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

export interface ServiceAccount {
  id: string;
  name: string;
  scopes: string[];
  campaigns: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Fired when an account was created or revoked. */
export type CbServiceAccountChangedEvent = CustomEvent<{ account: ServiceAccount; change: 'created' | 'revoked' }>;

const SCOPES: Array<[string, string]> = [
  ['book', 'Book and cancel its own callbacks'],
  ['read_own', 'Read the callbacks it booked'],
];
const when = (iso: string | null) => (iso ? formatDateTime('en', iso) : '—');

@customElement('cb-admin-service-accounts')
export class CbAdminServiceAccounts extends LitElement {
  static override styles = [baseStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  @state() private accounts: ServiceAccount[] = [];
  @state() private campaigns: string[] = [];
  @state() private errors: FieldError[] = [];
  @state() private message = '';
  @state() private newKey: { name: string; key: string } | null = null;
  @state() private confirmRevoke: string | null = null;
  @query('#new-key') private keyField?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    if (!this.api) return;
    const [accounts, campaigns] = await Promise.all([this.api.request<ServiceAccount[]>('GET', '/api/v1/admin/service-accounts'), this.api.campaigns()]);
    this.accounts = accounts;
    this.campaigns = campaigns.map((c) => c.name);
  }

  private changed(account: ServiceAccount, change: 'created' | 'revoked'): void {
    this.dispatchEvent(new CustomEvent('cb-service-account-changed', { detail: { account, change }, bubbles: true, composed: true }) as CbServiceAccountChangedEvent);
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { name: String(data.get('name') ?? '').trim(), scopes: data.getAll('scope').map(String), campaigns: data.getAll('campaign').map(String) };
    this.errors = [];
    this.message = '';
    try {
      const created = await this.api.request<{ account: ServiceAccount; key: string }>('POST', '/api/v1/admin/service-accounts', body);
      this.newKey = { name: created.account.name, key: created.key };
      form.reset();
      await this.load();
      this.changed(created.account, 'created');
      await this.updateComplete;
      this.keyField?.focus();
      this.keyField?.select();
    } catch (err) {
      this.errors = err instanceof AdminApiError && err.errors.length ? err.errors : [{ field: 'name', code: 'error', message: (err as Error).message }];
    }
  }

  private async copyKey(): Promise<void> {
    if (!this.newKey) return;
    try {
      await navigator.clipboard.writeText(this.newKey.key);
      this.message = 'Key copied.';
    } catch {
      this.keyField?.select();
      this.message = 'Copy the selected key with Ctrl+C.';
    }
  }

  private async revoke(a: ServiceAccount): Promise<void> {
    if (!this.api) return;
    this.confirmRevoke = null;
    try {
      const revoked = await this.api.request<ServiceAccount>('POST', `/api/v1/admin/service-accounts/${encodeURIComponent(a.id)}/revoke`);
      this.message = `${a.name} revoked: its key is refused from now on.`;
      await this.load();
      this.changed(revoked, 'revoked');
    } catch (err) {
      this.message = `Could not revoke ${a.name}: ${(err as Error).message}`;
    }
  }

  private errorOf(field: string) {
    const e = this.errors.find((x) => x.field === field);
    return e ? html`<span class="field-error error" id="err-${field}">${e.message}</span>` : nothing;
  }

  private renderRow(a: ServiceAccount) {
    return html`<tr data-id=${a.id} class=${a.revokedAt ? 'revoked' : ''}>
      <th scope="row">${a.name}</th>
      <td>${a.scopes.join(', ')}</td>
      <td>${a.campaigns.join(', ') || '—'}</td>
      <td>${when(a.lastUsedAt)}</td>
      <td>${a.revokedAt
        ? `revoked ${when(a.revokedAt)}`
        : this.confirmRevoke === a.id
          ? html`<button class="primary" type="button" data-confirm=${a.id} @click=${() => void this.revoke(a)}>Confirm revoke</button>
              <button type="button" @click=${() => (this.confirmRevoke = null)}>Keep</button>`
          : html`<button type="button" data-revoke=${a.id} aria-label="Revoke ${a.name}" @click=${() => (this.confirmRevoke = a.id)}>Revoke</button>`}</td>
    </tr>`;
  }

  override render() {
    const invalid = (f: string) => (this.errors.some((e) => e.field === f) ? 'true' : 'false');
    return html`
      <div class="list" tabindex="0" role="region" aria-label="Service accounts">
        <table>
          <caption>Service accounts (API keys)</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Campaigns</th><th scope="col">Last used</th><th scope="col">Key</th></tr></thead>
          <tbody>${this.accounts.map((a) => this.renderRow(a))}</tbody>
        </table>
      </div>
      ${this.newKey
        ? html`<div class="key" role="region" aria-label="New API key">
            <label for="new-key">API key of ${this.newKey.name} — shown only now: copy it into the other system</label>
            <input id="new-key" readonly .value=${this.newKey.key} />
            <div class="actions"><button type="button" @click=${() => void this.copyKey()}>Copy</button>
              <button type="button" @click=${() => (this.newKey = null)}>Done, hide it</button></div>
          </div>`
        : nothing}
      <p role="status" aria-live="polite">${this.message}</p>
      <form @submit=${this.create} aria-label="New service account">
        <div><label for="sa-name">Name</label>
          <input id="sa-name" name="name" required maxlength="40" pattern="[A-Za-z0-9._\\-]+" aria-invalid=${invalid('name')} aria-describedby="err-name" />
          ${this.errorOf('name')}</div>
        <fieldset><legend>Scopes</legend>
          ${SCOPES.map(([id, label]) => html`<label><input type="checkbox" name="scope" value=${id} ?checked=${id === 'book'} /> ${label}</label>`)}
        </fieldset>
        <fieldset aria-describedby="err-campaigns"><legend>Campaigns it may book in</legend>
          ${this.campaigns.map((c) => html`<label><input type="checkbox" name="campaign" value=${c} /> ${c}</label>`)}
          ${this.errorOf('campaigns')}
        </fieldset>
        <div class="actions"><button class="primary" type="submit">Create and show the key</button></div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-service-accounts': CbAdminServiceAccounts;
  }
  interface HTMLElementEventMap {
    'cb-service-account-changed': CbServiceAccountChangedEvent;
  }
}
