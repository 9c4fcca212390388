// The admin view (issue 11), served by the BFF at /admin/ and usable inside Finesse as an admin
// gadget (admin.xml): campaigns, skills, holiday calendars, global rules, connections, reports and
// the audit log, as keyboard-friendly tabs. Standalone, the administrator signs in with his
// Finesse id and password (kept in memory).
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AdminApi, type Report } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import '../cb-admin-campaigns/cb-admin-campaigns.ts';
import '../cb-admin-skills/cb-admin-skills.ts';
import '../cb-admin-holidays/cb-admin-holidays.ts';
import '../cb-admin-connections/cb-admin-connections.ts';
import '../cb-admin-rules/cb-admin-rules.ts';
import '../cb-admin-audit/cb-admin-audit.ts';
import '../cb-report-chart/cb-report-chart.ts';
import '../cb-admin-operations/cb-admin-operations.ts';
import '../cb-admin-service-accounts/cb-admin-service-accounts.ts';

export type AdminTab = 'campaigns' | 'skills' | 'holidays' | 'rules' | 'connections' | 'reports' | 'audit' | 'operations' | 'service-accounts';
const TABS: Array<[AdminTab, string]> = [
  ['campaigns', 'Campaigns'],
  ['skills', 'Skills'],
  ['holidays', 'Holidays'],
  ['rules', 'Rules'],
  ['connections', 'Connections'],
  ['reports', 'Reports'],
  ['audit', 'Audit log'],
  ['operations', 'Operations'],
  ['service-accounts', 'Service accounts'],
];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

@customElement('cb-admin')
export class CbAdmin extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; padding: 8px; }
    [role='tablist'] { display: flex; gap: 4px; border-bottom: 1px solid #d5dbe1; margin-bottom: 8px; flex-wrap: wrap; }
    [role='tab'][aria-selected='true'] { background: #0d5cab; color: #fff; }
    form.signin, .range { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; max-width: 640px; }
  `];

  /** Where the BFF is (the page's origin when served at /admin/). */
  @property({ attribute: 'cm-url' }) cmUrl = '';
  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) fetchImpl?: typeof fetch;

  @state() private tab: AdminTab = 'campaigns';
  @state() private signInError = '';
  @state() private report: Report | null = null;
  @state() private from = isoDay(new Date(Date.now() - 6 * 86_400_000));
  @state() private to = isoDay(new Date());
  @state() private zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  private async signIn(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const authorization = `Basic ${btoa(`${data.get('user')}:${data.get('password')}`)}`;
    const api = new AdminApi(this.cmUrl, authorization, this.fetchImpl);
    try {
      await api.rules();
      this.api = api;
      this.signInError = '';
    } catch (err) {
      this.signInError = (err as { status?: number }).status === 403 ? 'This user is not an administrator.' : 'Sign-in failed: check the id and password.';
    }
  }

  private select(tab: AdminTab): void {
    this.tab = tab;
    if (tab === 'reports') void this.loadReport();
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.findIndex(([t]) => t === this.tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    this.select(TABS[next][0]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next][0]}`)?.focus());
  }

  private async loadReport(): Promise<void> {
    this.report = this.api ? await this.api.report(this.from, this.to, this.zone) : null;
  }

  private renderPanel() {
    switch (this.tab) {
      case 'campaigns':
        return html`<cb-admin-campaigns .api=${this.api}></cb-admin-campaigns>`;
      case 'skills':
        return html`<cb-admin-skills .api=${this.api}></cb-admin-skills>`;
      case 'holidays':
        return html`<cb-admin-holidays .api=${this.api}></cb-admin-holidays>`;
      case 'rules':
        return html`<cb-admin-rules .api=${this.api}></cb-admin-rules>`;
      case 'connections':
        return html`<cb-admin-connections .api=${this.api}></cb-admin-connections>`;
      case 'audit':
        return html`<cb-admin-audit .api=${this.api}></cb-admin-audit>`;
      case 'operations':
        return html`<cb-admin-operations .api=${this.api}></cb-admin-operations>`;
      case 'service-accounts':
        return html`<cb-admin-service-accounts .api=${this.api}></cb-admin-service-accounts>`;
      case 'reports':
        return html`<form class="range" @submit=${(e: Event) => (e.preventDefault(), void this.loadReport())}>
            <div><label for="from">From</label><input id="from" type="date" .value=${this.from} @input=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></div>
            <div><label for="to">To</label><input id="to" type="date" .value=${this.to} @input=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></div>
            <div><label for="zone">Time zone</label><input id="zone" .value=${this.zone} @input=${(e: Event) => (this.zone = (e.target as HTMLInputElement).value)} /></div>
            <button class="primary" type="submit">Show</button>
          </form>
          <cb-report-chart .report=${this.report}></cb-report-chart>`;
    }
  }

  override render() {
    if (!this.api) {
      return html`<h1>Callback Campaign Manager — administration</h1>
        <form class="signin" @submit=${this.signIn} aria-label="Sign in">
          <div><label for="user">Finesse user id</label><input id="user" name="user" autocomplete="username" required /></div>
          <div><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required /></div>
          <button class="primary" type="submit">Sign in</button>
        </form>
        <p class="error" role="alert">${this.signInError}</p>`;
    }
    return html`<div role="tablist" aria-label="Administration" @keydown=${this.onTabKey}>
        ${TABS.map(([id, label]) => html`<button role="tab" id="tab-${id}" aria-selected=${this.tab === id ? 'true' : 'false'} aria-controls="panel" tabindex=${this.tab === id ? 0 : -1} @click=${() => this.select(id)}>${label}</button>`)}
      </div>
      <section id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">${this.renderPanel()}</section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin': CbAdmin;
  }
}
