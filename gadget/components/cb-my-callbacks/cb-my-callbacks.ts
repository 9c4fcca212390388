// "My callbacks": the agent's own callbacks (personal ones and the ones he booked), grouped into
// overdue, due soon (with a visible alert), upcoming and finished, in the order he picks;
// reschedule and cancel. Rows turn into cards in a narrow column; the focus follows each action.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LIST_SORTS, compareFor, groupOf, isMine, type Group, type ListSort } from '../../lib/callback-groups.ts';
import { targetText } from '../../lib/result-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { debounced, focusAfterRender, focusAfterAction, focusFirstNew } from '../../lib/list-controls.ts';
import { bookingCell, whenCell } from '../../lib/list-cells.ts';
import { deskZone, whenText } from '../../lib/when-text.ts';
import type { CbCallbackUpdatedEvent } from '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-actions/cb-callback-actions.ts';
import '../cb-callback-detail/cb-callback-detail.ts';
import styles from './cb-my-callbacks.styles.ts';
import { LiveCallbacks } from '../../lib/live-callbacks.ts';

const GROUPS: Group[] = ['overdue', 'dueSoon', 'upcoming', 'finished'];
const PAGE = 100;
const TITLES: Record<Group, MessageKey> = { overdue: 'mine.overdue', dueSoon: 'mine.dueSoon', upcoming: 'mine.upcoming', finished: 'mine.finished' };

@customElement('cb-my-callbacks')
export class CbMyCallbacks extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;

  /** Minutes before its time a callback counts as "due soon". */
  @property({ type: Number, attribute: 'due-soon-minutes' }) dueSoonMinutes = 15;
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** The agent's zone ("your time"); his desktop's by default. */
  @property({ attribute: false }) timeZone = deskZone();

  @state() private items: Callback[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private search = '';
  @state() private nextCursor: string | null = null;
  @state() private openId: string | null = null;
  @state() private sort: ListSort = 'upcoming';
  @state() private names = new Map<string, string>();
  @state() private announcement = '';

  // Search as the user types, once he pauses.
  private readonly searchSoon = debounced(() => void this.load());

  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly live = new LiveCallbacks(this, {
    ready: () => Boolean(this.session),
    changed: (c) => this.upsert(c),
    load: () => {
      void this.load();
      void this.loadNames();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.searchSoon.cancel();
    clearInterval(this.ticker);
  }

  /** The first page (upcoming first, so active callbacks are never crowded out by history), or the next one. */
  async load(more = false): Promise<void> {
    if (!this.api) return;
    this.loading = true;
    this.error = '';
    try {
      const page = await this.api.callbacks({}, PAGE, more ? this.nextCursor : null, this.search.trim() || null, this.sort);
      const mine = page.items.filter((c) => this.isMine(c));
      const before = new Set(this.items.map((i) => i.id));
      this.items = more ? [...this.items.filter((i) => !mine.some((m) => m.id === i.id)), ...mine] : mine;
      this.nextCursor = page.nextCursor;
      if (more) {
        const added = mine.filter((m) => !before.has(m.id)).length;
        this.announcement = t(this.session?.locale ?? 'en', 'list.loadedMore', { count: added });
        void focusFirstNew(this, before, '#mine-search');
      }
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Names of the agents who booked (his team's, as the server lets him see them); ids stay otherwise. */
  private async loadNames(): Promise<void> {
    const names = new Map<string, string>();
    try {
      for (const a of await (this.api as CallbackApi).agents()) names.set(a.id, `${a.firstName} ${a.lastName}`.trim() || a.id);
    } catch {
      /* names are a nicety: the ids remain */
    }
    const s = this.session;
    if (s) names.set(s.agentId, `${s.firstName} ${s.lastName}`.trim() || s.agentId);
    this.names = names;
  }

  private onUpdated(e: CbCallbackUpdatedEvent): void {
    const { callback: c, action } = e.detail;
    const l = this.session?.locale ?? 'en';
    const name = `${c.firstName} ${c.lastName}`.trim();
    const heading = `#h-${groupOf(this.items.find((i) => i.id === c.id) ?? c, this.now(), this.dueSoonMinutes)}`;
    const next = focusAfterAction(this, c.id, action, heading);
    this.upsert(c);
    this.announcement = action === 'cancel' ? t(l, 'list.didCancel', { name })
      : action === 'reschedule' ? t(l, 'list.didReschedule', { name, when: whenText(l, c.scheduledAt, c.timeZone, this.timeZone).customer })
      : t(l, 'list.didReassign', { name, target: targetText(l, c, this.names) });
    void next();
  }

  private onSort(e: Event): void {
    this.sort = (e.target as HTMLSelectElement).value as ListSort;
    void this.load();
  }

  private closeDetail(id: string): Promise<void> {
    this.openId = null;
    return focusAfterRender(this, `[data-detail="${id}"]`);
  }

  private onSearch(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
    this.searchSoon.schedule();
  }

  private isMine(c: Callback): boolean {
    return isMine(c, this.session?.agentId);
  }

  private upsert(c: Callback): void {
    const rest = this.items.filter((i) => i.id !== c.id);
    // While a search is shown, live changes update the rows found; they do not add others.
    const shown = rest.length !== this.items.length;
    this.items = this.isMine(c) && (shown || !this.search.trim()) ? [...rest, c] : rest;
  }

  private grouped(): Record<Group, Callback[]> {
    const out: Record<Group, Callback[]> = { overdue: [], dueSoon: [], upcoming: [], finished: [] };
    // Each group keeps the chosen order (upcoming: soonest first, the finished newest first).
    for (const c of [...this.items].sort(compareFor(this.sort))) out[groupOf(c, this.now(), this.dueSoonMinutes)].push(c);
    return out;
  }

  private renderRows(items: Callback[]) {
    const l = this.session?.locale ?? 'en';
    return html`<table class="cards">
      <thead><tr><th scope="col">${t(l, 'list.customer')}</th><th scope="col">${t(l, 'list.when')}</th><th scope="col">${t(l, 'list.booking')}</th>
        <th scope="col">${t(l, 'list.status')}</th><th scope="col">${t(l, 'list.actions')}</th></tr></thead>
      <tbody>${repeat(
        items,
        (c) => c.id,
        (c) => html`<tr data-id=${c.id}>
          <td data-label=${t(l, 'list.customer')}>${c.firstName} ${c.lastName}<br /><span class="hint">${c.phone} · ${targetText(l, c, this.names)}</span><br />
            <button type="button" class="link" data-detail=${c.id} aria-expanded=${this.openId === c.id ? 'true' : 'false'} @click=${() => (this.openId = this.openId === c.id ? null : c.id)}>${t(l, 'detail.open')}</button></td>
          ${whenCell(l, c, this.timeZone)}
          ${bookingCell(l, c, this.names)}
          <td class="status" data-label=${t(l, 'list.status')}>${t(l, `status.${c.status}` as MessageKey)}</td>
          <td class="card-wide" data-label=${t(l, 'list.actions')}><cb-callback-actions .callback=${c}></cb-callback-actions></td>
        </tr>${this.openId === c.id
          ? html`<tr class="detail"><td colspan="5"><cb-callback-detail .callback=${c} @cb-detail-closed=${() => this.closeDetail(c.id)}></cb-callback-detail></td></tr>`
          : nothing}`,
      )}</tbody>
    </table>`;
  }

  override render() {
    const l = this.session?.locale ?? 'en';
    const groups = this.grouped();
    return html`
      <div class="toolbar">
        <label class="visually-hidden" for="mine-search">${t(l, 'list.search')}</label>
        <input id="mine-search" type="search" .value=${this.search} placeholder=${t(l, 'list.search')} @input=${this.onSearch} />
        <label class="visually-hidden" for="mine-sort">${t(l, 'list.sort')}</label>
        <select id="mine-sort" @change=${this.onSort}>
          ${LIST_SORTS.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${t(l, `sort.${s}`)}</option>`)}
        </select>
        <button type="button" @click=${() => this.load()}>${t(l, 'mine.refresh')}</button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${groups.dueSoon.length ? html`<p class="alert" role="alert">${t(l, 'mine.alert', { count: groups.dueSoon.length })}</p>` : nothing}
      ${this.loading ? html`<p class="hint" role="status">${t(l, 'list.loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div @cb-callback-updated=${this.onUpdated}>
        ${GROUPS.map(
          (g) => html`<section class=${g} aria-labelledby="h-${g}">
            <h3 id="h-${g}" tabindex="-1">${t(l, TITLES[g])} <span class="count">(${groups[g].length})</span></h3>
            ${groups[g].length ? this.renderRows(groups[g]) : html`<p class="hint">${t(l, 'mine.empty')}</p>`}
          </section>`,
        )}
      </div>
      ${this.nextCursor ? html`<button type="button" id="mine-more" @click=${() => this.load(true)}>${t(l, 'list.more')}</button>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-my-callbacks': CbMyCallbacks;
  }
}
