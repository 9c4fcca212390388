// "My callbacks": the agent's own callbacks (personal ones and the ones he booked), grouped into
// overdue, due soon (with a visible alert), upcoming and finished; reschedule and cancel.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { Callback } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { groupOf, isMine, type Group } from '../../lib/callback-groups.ts';
import { targetText } from '../../lib/result-text.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { debounced, focusAfterRender } from '../../lib/list-controls.ts';
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

  @state() private items: Callback[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private search = '';
  @state() private nextCursor: string | null = null;
  @state() private openId: string | null = null;

  // Search as the user types, once he pauses.
  private readonly searchSoon = debounced(() => void this.load());

  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly live = new LiveCallbacks(this, { ready: () => Boolean(this.session), changed: (c) => this.upsert(c), load: () => void this.load() });

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
      const page = await this.api.callbacks({}, PAGE, more ? this.nextCursor : null, this.search.trim() || null);
      const mine = page.items.filter((c) => this.isMine(c));
      this.items = more ? [...this.items.filter((i) => !mine.some((m) => m.id === i.id)), ...mine] : mine;
      this.nextCursor = page.nextCursor;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.loading = false;
    }
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
    for (const c of [...this.items].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))) out[groupOf(c, this.now(), this.dueSoonMinutes)].push(c);
    out.finished.reverse();
    return out;
  }

  private renderRows(items: Callback[]) {
    const l = this.session?.locale ?? 'en';
    const names = new Map<string, string>();
    if (this.session) names.set(this.session.agentId, `${this.session.firstName} ${this.session.lastName}`.trim() || this.session.agentId);
    return html`<table>
      <thead><tr><th scope="col">${t(l, 'list.customer')}</th><th scope="col">${t(l, 'list.when')}</th><th scope="col">${t(l, 'list.status')}</th><th scope="col">${t(l, 'list.actions')}</th></tr></thead>
      <tbody>${items.map(
        (c) => html`<tr data-id=${c.id}>
          <td>${c.firstName} ${c.lastName}<br /><span class="hint">${c.phone} · ${targetText(l, c, names)}</span><br />
            <button type="button" class="link" data-detail=${c.id} aria-expanded=${this.openId === c.id ? 'true' : 'false'} @click=${() => (this.openId = this.openId === c.id ? null : c.id)}>${t(l, 'detail.open')}</button></td>
          <td>${formatDateTime(l, c.scheduledAt, c.timeZone)}<br /><span class="hint">${c.timeZone}</span></td>
          <td class="status">${t(l, `status.${c.status}` as MessageKey)}</td>
          <td><cb-callback-actions .callback=${c}></cb-callback-actions></td>
        </tr>${this.openId === c.id
          ? html`<tr class="detail"><td colspan="4"><cb-callback-detail .callback=${c} @cb-detail-closed=${() => this.closeDetail(c.id)}></cb-callback-detail></td></tr>`
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
        <button type="button" @click=${() => this.load()}>${t(l, 'mine.refresh')}</button>
      </div>
      ${groups.dueSoon.length ? html`<p class="alert" role="alert">${t(l, 'mine.alert', { count: groups.dueSoon.length })}</p>` : nothing}
      ${this.loading ? html`<p class="hint" role="status">${t(l, 'list.loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div @cb-callback-updated=${(e: CbCallbackUpdatedEvent) => this.upsert(e.detail.callback)}>
        ${GROUPS.map(
          (g) => html`<section class=${g} aria-labelledby="h-${g}">
            <h3 id="h-${g}">${t(l, TITLES[g])} <span class="count">(${groups[g].length})</span></h3>
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
