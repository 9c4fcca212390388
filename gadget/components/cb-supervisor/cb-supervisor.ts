// The supervisor view: the team's callbacks with filters (status, agent, skill, campaign, his local
// day), an order, counts per status, reassign / reschedule / cancel, updated live by the
// callbackChanged subscription. Rows turn into cards in a narrow column; the focus follows actions.
// render() is a list of sections, so another panel (e.g. a report chart) is one more line there.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import { STATUSES, type Agent, type Callback, type CallbackFilter, type Campaign, type Skill, type StatusCount } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { hasMessage, t, type MessageKey } from '../../i18n/i18n.ts';
import { LIST_SORTS, compareFor, type ListSort } from '../../lib/callback-groups.ts';
import { bookingCell, whenCell } from '../../lib/list-cells.ts';
import { targetText } from '../../lib/result-text.ts';
import { addDays } from '../../lib/time.ts';
import { deskZone, whenText, zonedMidnight } from '../../lib/when-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { debounced, focusAfterAction, focusAfterRender, focusFirstNew } from '../../lib/list-controls.ts';
import type { CbCallbackUpdatedEvent } from '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-detail/cb-callback-detail.ts';
import '../cb-team-reports/cb-team-reports.ts';
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

  /** The supervisor's zone: his "day" in the date filter and "your time"; his desktop's by default. */
  @property({ attribute: false }) timeZone = deskZone();

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
  @state() private sort: ListSort = 'upcoming';

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
      // The supervisor's local day (not the UTC day): midnight to midnight in his zone.
      ...(f.date ? { from: zonedMidnight(f.date, this.timeZone), to: zonedMidnight(addDays(f.date, 1), this.timeZone) } : {}),
    };
  }

  /** The first page (upcoming first: active callbacks before the finished history), or the next one. */
  async load(more = false): Promise<void> {
    if (!this.api) return;
    this.loading = true;
    this.error = '';
    try {
      const search = this.search.trim() || null;
      const [page, counts] = await Promise.all([
        this.api.callbacks(this.filter(), 100, more ? this.nextCursor : null, search, this.sort),
        more ? Promise.resolve(this.counts) : this.api.callbackCounts(this.filter(false)),
      ]);
      const before = new Set(this.items.map((i) => i.id));
      this.items = more ? [...this.items.filter((i) => !page.items.some((p) => p.id === i.id)), ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.counts = counts;
      if (more) {
        this.announcement = t(this.session?.locale ?? 'en', 'list.loadedMore', { count: page.items.filter((p) => !before.has(p.id)).length });
        void focusFirstNew(this, before, '#team-heading');
      }
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
    this.items = this.matchesFilter(c) && (shown || !this.search.trim()) ? [...rest, c].sort(compareFor(this.sort)) : rest;
    this.changedId = c.id;
    const l = this.session?.locale ?? 'en';
    this.announcement = t(l, 'team.changed', { name: `${c.firstName} ${c.lastName}`.trim(), status: t(l, `status.${c.status}` as MessageKey) });
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => void this.api?.callbackCounts(this.filter(false)).then((counts) => (this.counts = counts)).catch(() => undefined), 250);
  }

  /** A change made here: moves the row, announces what happened and puts the focus after it. */
  private onUpdated(e: CbCallbackUpdatedEvent): void {
    const { callback: c, action } = e.detail;
    const next = focusAfterAction(this, c.id, action, '#team-heading');
    this.onChanged(c);
    const l = this.session?.locale ?? 'en';
    const name = `${c.firstName} ${c.lastName}`.trim();
    const names = new Map(this.agents.map((a) => [a.id, `${a.firstName} ${a.lastName}`]));
    this.announcement = action === 'cancel' ? t(l, 'list.didCancel', { name })
      : action === 'reschedule' ? t(l, 'list.didReschedule', { name, when: whenText(l, c.scheduledAt, c.timeZone, this.timeZone).customer })
      : t(l, 'list.didReassign', { name, target: targetText(l, c, names) });
    void next();
  }

  private closeDetail(id: string): Promise<void> {
    this.openId = null;
    return focusAfterRender(this, `[data-detail="${id}"]`);
  }

  private onSearch(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
    this.searchSoon.schedule();
  }

  private setSort(e: Event): void {
    this.sort = (e.target as HTMLSelectElement).value as ListSort;
    void this.load();
  }

  private setFilter(name: keyof SupervisorFilters, value: string): void {
    this.filters = { ...this.filters, [name]: value };
    void this.load();
  }

  private renderSelect(name: keyof SupervisorFilters, label: string, options: Array<[string, string]>) {
    return html`<div>
      <label for="f-${name}">${label}</label>
      <select id="f-${name}" @change=${(e: Event) => this.setFilter(name, (e.target as HTMLSelectElement).value)}>
        <option value="">${t(this.session?.locale ?? 'en', hasMessage(`team.any.${name}`) ? (`team.any.${name}` as MessageKey) : 'team.any')}</option>
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

  private renderFilters() {
    const l = this.session?.locale ?? 'en';
    return html`<fieldset class="filters">
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
        <input id="f-date" type="date" aria-describedby="f-date-zone" .value=${this.filters.date} @change=${(e: Event) => this.setFilter('date', (e.target as HTMLInputElement).value)} />
        <span class="hint" id="f-date-zone">${t(l, 'team.dayOf', { zone: this.timeZone })}</span>
      </div>
      <div>
        <label for="team-sort">${t(l, 'list.sort')}</label>
        <select id="team-sort" @change=${this.setSort}>
          ${LIST_SORTS.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${t(l, `sort.${s}`)}</option>`)}
        </select>
      </div>
    </fieldset>`;
  }

  private renderStatus() {
    const l = this.session?.locale ?? 'en';
    return html`<p class="live ${this.live ? 'on' : 'off'}">${t(l, this.live ? 'team.live' : 'team.offline')}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.loading ? html`<p class="hint" role="status">${t(l, 'list.loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 && !this.loading ? html`<p class="hint">${t(l, 'team.empty')}</p>` : nothing}`;
  }

  private renderRow(c: Callback, names: Map<string, string>) {
    const l = this.session?.locale ?? 'en';
    return html`<tr data-id=${c.id} class=${this.changedId === c.id ? 'changed' : ''}>
        <td data-label=${t(l, 'list.customer')}>${c.firstName} ${c.lastName}<br /><span class="hint">${c.phone} · ${c.campaign}</span><br />
          <button type="button" data-detail=${c.id} aria-expanded=${this.openId === c.id ? 'true' : 'false'} @click=${() => (this.openId = this.openId === c.id ? null : c.id)}>${t(l, 'detail.open')}</button></td>
        ${whenCell(l, c, this.timeZone)}
        <td data-label=${t(l, 'list.status')}>${t(l, `status.${c.status}` as MessageKey)}${c.reason ? html`<br /><span class="hint">${c.reason}</span>` : nothing}</td>
        <td data-label=${t(l, 'list.target')}>${targetText(l, c, names)}</td>
        ${bookingCell(l, c, names)}
        <td class="card-wide" data-label=${t(l, 'list.actions')}><cb-callback-actions allow-reassign .callback=${c} .agents=${this.agents} .skills=${this.skills}></cb-callback-actions></td>
      </tr>${this.openId === c.id
        ? html`<tr class="detail"><td colspan="6"><cb-callback-detail .callback=${c} @cb-detail-closed=${() => this.closeDetail(c.id)}></cb-callback-detail></td></tr>`
        : nothing}`;
  }

  private renderTable() {
    const l = this.session?.locale ?? 'en';
    const names = new Map(this.agents.map((a) => [a.id, `${a.firstName} ${a.lastName}`]));
    return html`<h3 id="team-heading" tabindex="-1">${t(l, 'tab.team')} <span class="count">(${this.items.length})</span></h3>
      <table class="cards" ?hidden=${this.items.length === 0} aria-labelledby="team-heading" @cb-callback-updated=${this.onUpdated}>
        <thead><tr>
          <th scope="col">${t(l, 'list.customer')}</th><th scope="col">${t(l, 'list.when')}</th><th scope="col">${t(l, 'list.status')}</th>
          <th scope="col">${t(l, 'list.target')}</th><th scope="col">${t(l, 'list.booking')}</th><th scope="col">${t(l, 'list.actions')}</th>
        </tr></thead>
        <tbody>${repeat(this.items, (c) => c.id, (c) => this.renderRow(c, names))}</tbody>
      </table>
      ${this.nextCursor ? html`<button type="button" id="team-more" @click=${() => this.load(true)}>${t(l, 'list.more')}</button>` : nothing}`;
  }

  override render() {
    return html`
      ${this.renderFilters()}
      ${this.renderCounts()}
      ${this.renderStatus()}
      ${this.renderTable()}
      <cb-team-reports></cb-team-reports>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-supervisor': CbSupervisor;
  }
}
