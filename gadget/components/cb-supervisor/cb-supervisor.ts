// The supervisor view: the team's callbacks with filters (status, agent, skill, campaign, date),
// counts per status, reassign / reschedule / cancel, updated live by the callbackChanged subscription.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import { STATUSES, type Agent, type Callback, type CallbackFilter, type Campaign, type Skill, type StatusCount } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { targetText } from '../../lib/result-text.ts';
import { addDays } from '../../lib/time.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { debounced, focusAfterRender } from '../../lib/list-controls.ts';
import type { CbCallbackUpdatedEvent } from '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-detail/cb-callback-detail.ts';
import styles from './cb-supervisor.styles.ts';
import { LiveCallbacks } from '../../lib/live-callbacks.ts';

export interface SupervisorFilters {
  status: string;
  agentId: string;
  skill: string;
  campaign: string;
  date: string;
}

@customElement('cb-supervisor')
export class CbSupervisor extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  @state() private filters: SupervisorFilters = { status: '', agentId: '', skill: '', campaign: '', date: '' };
  @state() private items: Callback[] = [];
  @state() private counts: StatusCount[] = [];
  @state() private agents: Agent[] = [];
  @state() private skills: Skill[] = [];
  @state() private campaigns: Campaign[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private announcement = '';
  @state() private changedId = '';
  @state() private live = false;
  @state() private search = '';
  @state() private nextCursor: string | null = null;
  @state() private openId: string | null = null;

  // Search as the user types, once he pauses.
  private readonly searchSoon = debounced(() => void this.load());

  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly following = new LiveCallbacks(this, {
    changed: (c) => this.onChanged(c),
    also: [(api) => api.onLiveStatus((live) => (this.live = live))],
    load: () => {
      void this.loadChoices();
      void this.load();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.searchSoon.cancel();
    clearTimeout(this.countsTimer);
  }

  /** The GraphQL filter of the current choices (counts ignore the status choice). */
  filter(withStatus = true): CallbackFilter {
    const f = this.filters;
    return {
      ...(withStatus && f.status ? { status: [f.status] } : {}),
      ...(f.agentId ? { agentId: f.agentId } : {}),
      ...(f.skill ? { skill: f.skill } : {}),
      ...(f.campaign ? { campaign: f.campaign } : {}),
      // The supervisor's local day (not the UTC day): midnight to midnight where his desktop is.
      ...(f.date ? { from: localMidnight(f.date), to: localMidnight(addDays(f.date, 1)) } : {}),
    };
  }

  /** The first page (upcoming first: active callbacks before the finished history), or the next one. */
  async load(more = false): Promise<void> {
    if (!this.api) return;
    this.loading = true;
    this.error = '';
    try {
      const search = this.search.trim() || null;
      const [page, counts] = await Promise.all([this.api.callbacks(this.filter(), 100, more ? this.nextCursor : null, search), more ? Promise.resolve(this.counts) : this.api.callbackCounts(this.filter(false))]);
      this.items = more ? [...this.items.filter((i) => !page.items.some((p) => p.id === i.id)), ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.counts = counts;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.loading = false;
    }
  }

  private async loadChoices(): Promise<void> {
    const api = this.api as CallbackApi;
    try {
      [this.agents, this.skills, this.campaigns] = await Promise.all([api.agents(), api.skills(), api.campaigns()]);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private matchesFilter(c: Callback): boolean {
    const f = this.filter();
    if (f.status && !f.status.includes(c.status)) return false;
    if (f.agentId && c.agentId !== f.agentId) return false;
    if (f.skill && c.skill !== f.skill) return false;
    if (f.campaign && c.campaign !== f.campaign) return false;
    if (f.from && new Date(c.scheduledAt) < new Date(f.from)) return false;
    if (f.to && new Date(c.scheduledAt) >= new Date(f.to)) return false;
    return true;
  }

  private onChanged(c: Callback): void {
    const rest = this.items.filter((i) => i.id !== c.id);
    // While a search is shown, live changes update the rows found; they do not add others.
    const shown = rest.length !== this.items.length;
    this.items = this.matchesFilter(c) && (shown || !this.search.trim()) ? [...rest, c].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt)) : rest;
    this.changedId = c.id;
    const l = this.session?.locale ?? 'en';
    this.announcement = t(l, 'team.changed', { name: `${c.firstName} ${c.lastName}`.trim(), status: t(l, `status.${c.status}` as MessageKey) });
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => void this.api?.callbackCounts(this.filter(false)).then((counts) => (this.counts = counts)).catch(() => undefined), 250);
  }

  private closeDetail(id: string): Promise<void> {
    this.openId = null;
    return focusAfterRender(this, `[data-detail="${id}"]`);
  }

  private onSearch(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
    this.searchSoon.schedule();
  }

  private setFilter(name: keyof SupervisorFilters, value: string): void {
    this.filters = { ...this.filters, [name]: value };
    void this.load();
  }

  private renderSelect(name: keyof SupervisorFilters, label: string, options: Array<[string, string]>) {
    return html`<div>
      <label for="f-${name}">${label}</label>
      <select id="f-${name}" @change=${(e: Event) => this.setFilter(name, (e.target as HTMLSelectElement).value)}>
        <option value="">${t(this.session?.locale ?? 'en', 'team.any')}</option>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${this.filters[name] === v}>${text}</option>`)}
      </select>
    </div>`;
  }

  private renderCounts() {
    const l = this.session?.locale ?? 'en';
    const byStatus = new Map(this.counts.map((c) => [c.status as string, c.count]));
    return html`<ul class="counts" aria-label=${t(l, 'team.counts')}>
      ${STATUSES.filter((s) => byStatus.has(s)).map(
        (s) => html`<li><button type="button" data-status=${s} aria-pressed=${this.filters.status === s ? 'true' : 'false'}
          @click=${() => this.setFilter('status', this.filters.status === s ? '' : s)}>${t(l, `status.${s}` as MessageKey)}: ${byStatus.get(s)}</button></li>`,
      )}
    </ul>`;
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    const names = new Map(this.agents.map((a) => [a.id, `${a.firstName} ${a.lastName}`]));
    const live = this.live;
    return html`
      <fieldset class="filters">
        <legend>${t(l, 'team.filters')}</legend>
        ${this.renderSelect('status', t(l, 'list.status'), STATUSES.map((s) => [s, t(l, `status.${s}` as MessageKey)]))}
        ${this.renderSelect('agentId', t(l, 'team.agent'), this.agents.map((a) => [a.id, `${a.firstName} ${a.lastName} (${a.id})`]))}
        ${this.renderSelect('skill', t(l, 'field.skill'), this.skills.map((s) => [s.name, s.name]))}
        ${this.renderSelect('campaign', t(l, 'field.campaign'), this.campaigns.map((c) => [c.name, c.name]))}
        <div>
          <label for="f-search">${t(l, 'list.search')}</label>
          <input id="f-search" type="search" .value=${this.search} @input=${this.onSearch} />
        </div>
        <div>
          <label for="f-date">${t(l, 'team.date')}</label>
          <input id="f-date" type="date" .value=${this.filters.date} @change=${(e: Event) => this.setFilter('date', (e.target as HTMLInputElement).value)} />
        </div>
      </fieldset>
      ${this.renderCounts()}
      <p class="live ${live ? 'on' : 'off'}">${t(l, live ? 'team.live' : 'team.offline')}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.loading ? html`<p class="hint" role="status">${t(l, 'list.loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 && !this.loading ? html`<p class="hint">${t(l, 'team.empty')}</p>` : nothing}
      <table ?hidden=${this.items.length === 0} @cb-callback-updated=${(e: CbCallbackUpdatedEvent) => this.onChanged(e.detail.callback)}>
        <caption class="visually-hidden">${t(l, 'tab.team')}</caption>
        <thead><tr>
          <th scope="col">${t(l, 'list.customer')}</th><th scope="col">${t(l, 'list.when')}</th><th scope="col">${t(l, 'list.status')}</th>
          <th scope="col">${t(l, 'list.target')}</th><th scope="col">${t(l, 'list.actions')}</th>
        </tr></thead>
        <tbody>${this.items.map(
          (c) => html`<tr data-id=${c.id} class=${this.changedId === c.id ? 'changed' : ''}>
            <td>${c.firstName} ${c.lastName}<br /><span class="hint">${c.phone} · ${c.campaign}</span><br />
              <button type="button" data-detail=${c.id} aria-expanded=${this.openId === c.id ? 'true' : 'false'} @click=${() => (this.openId = this.openId === c.id ? null : c.id)}>${t(l, 'detail.open')}</button></td>
            <td>${formatDateTime(l, c.scheduledAt, c.timeZone)}<br /><span class="hint">${c.timeZone}</span></td>
            <td>${t(l, `status.${c.status}` as MessageKey)}${c.reason ? html`<br /><span class="hint">${c.reason}</span>` : nothing}</td>
            <td>${targetText(l, c, names)}</td>
            <td><cb-callback-actions allow-reassign .callback=${c} .agents=${this.agents} .skills=${this.skills}></cb-callback-actions></td>
          </tr>${this.openId === c.id
            ? html`<tr class="detail"><td colspan="5"><cb-callback-detail .callback=${c} @cb-detail-closed=${() => this.closeDetail(c.id)}></cb-callback-detail></td></tr>`
            : nothing}`,
        )}</tbody>
      </table>
      ${this.nextCursor ? html`<button type="button" id="team-more" @click=${() => this.load(true)}>${t(l, 'list.more')}</button>` : nothing}
    `;
  }
}

/** "2026-12-01" → that day's midnight where the desktop is, as an instant. */
function localMidnight(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-supervisor': CbSupervisor;
  }
}
