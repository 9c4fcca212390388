// The supervisor's reports (issue 11): callbacks of the teams he supervises per day and by outcome
// for a range of days, as the admin view's chart (cb-report-chart) and as CSV. The figures come from
// GET /api/v1/reports, which keeps a supervisor to his own teams (the server decides, not the view).
// Closed until the supervisor opens it, so the team list does not wait for a report it may not need.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Report } from '../../admin/admin-api.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t } from '../../i18n/i18n.ts';
import { addDays } from '../../lib/time.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import '../cb-report-chart/cb-report-chart.ts';
import styles from './cb-team-reports.styles.ts';

/** Fired after a report was shown (the gadget resizes to it). */
export type CbReportShownEvent = CustomEvent<{ from: string; to: string }>;

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

@customElement('cb-team-reports')
export class CbTeamReports extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  /** The supervisor's own zone: a "day" is his day. */
  @property() zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  @property({ type: Boolean, reflect: true }) open = false;
  @state() private to = localDay(new Date());
  @state() private from = addDays(localDay(new Date()), -6);
  @state() private report: Report | null = null;
  @state() private loading = false;
  @state() private error = '';
  @state() private announcement = '';

  private get query(): string {
    return `/api/v1/reports?from=${this.from}&to=${this.to}&zone=${encodeURIComponent(this.zone)}`;
  }

  private async read(format: 'json' | 'csv'): Promise<Response | null> {
    const l = this.session?.locale ?? 'en';
    if (!this.api) return null;
    if (this.from > this.to) {
      this.error = t(l, 'reports.range');
      return null;
    }
    this.error = '';
    try {
      const res = await this.api.rest(format === 'csv' ? `${this.query}&format=csv` : this.query);
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
      return res;
    } catch (err) {
      this.error = t(l, 'reports.error', { message: (err as Error).message });
      return null;
    }
  }

  async load(): Promise<void> {
    this.loading = true;
    const res = await this.read('json');
    this.loading = false;
    if (!res) return;
    this.report = (await res.json()) as Report;
    this.announcement = t(this.session?.locale ?? 'en', 'reports.ready', { from: this.from, to: this.to });
    this.dispatchEvent(new CustomEvent('cb-report-shown', { detail: { from: this.from, to: this.to }, bubbles: true, composed: true }) as CbReportShownEvent);
  }

  /** The CSV needs the supervisor's credentials, so it is fetched and handed to the browser as a file. */
  async downloadCsv(): Promise<void> {
    const res = await this.read('csv');
    if (!res) return;
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `callbacks-${this.from}-${this.to}.csv` });
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private onToggle(e: Event): void {
    this.open = (e.target as HTMLDetailsElement).open;
    if (this.open && !this.report && !this.loading) void this.load();
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    const empty = this.report && this.report.byDay.every((d) => d.booked === 0);
    return html`<details ?open=${this.open} @toggle=${this.onToggle}>
      <summary>${t(l, 'reports.title')}</summary>
      <p class="hint">${t(l, 'reports.scope')}</p>
      <form @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
        <div><label for="r-from">${t(l, 'reports.from')}</label><input id="r-from" type="date" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></div>
        <div><label for="r-to">${t(l, 'reports.to')}</label><input id="r-to" type="date" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></div>
        <button class="primary" type="submit">${t(l, 'reports.show')}</button>
        <button type="button" id="r-csv" @click=${() => void this.downloadCsv()}>${t(l, 'reports.csv')}</button>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.loading ? t(l, 'reports.loading') : this.announcement}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${empty ? html`<p class="hint">${t(l, 'reports.empty')}</p>` : nothing}
      <!-- The day table may be wider than a narrow column: it scrolls, reachable by keyboard. -->
      <div class="chart" tabindex="0" role="region" aria-label=${t(l, 'reports.title')}><cb-report-chart .report=${this.report}></cb-report-chart></div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-team-reports': CbTeamReports;
  }
  interface HTMLElementEventMap {
    'cb-report-shown': CbReportShownEvent;
  }
}
