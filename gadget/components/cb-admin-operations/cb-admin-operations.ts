// Operations for the administrator (issue 11): purge one campaign now and follow its progress
// (calls waited for, contacts to delete, deleted, re-pushed), and act on a stuck callback found by
// id: re-verify with UCCX/db_cra, re-push, or force-complete with a reason. Refusals (409 while a
// purge runs, or when the callback's state does not allow the action) are shown as the server says.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { opsApi, type PurgeRun, type StuckCallback, type StuckResult } from './ops-api.ts';
import styles from './cb-admin-operations.styles.ts';
import { formatDateTime } from '../../i18n/i18n.ts';

/** Fired when a purge run ends (done, skipped or failed). */
export type CbPurgeFinishedEvent = CustomEvent<{ run: PurgeRun }>;

const PHASES: Record<PurgeRun['phase'], string> = {
  waiting_for_calls: 'Waiting for calls in progress',
  deleting: 'Deleting all contacts in UCCX',
  repushing: 'Pushing pending callbacks again',
  finished: 'Finished',
};
const FOUND: Record<string, string> = {
  open: 'UCCX still holds the contact',
  closed: 'UCCX closed the contact',
  gone: 'UCCX no longer has the contact',
  unknown: 'UCCX could not tell',
  not_in_uccx: 'not in UCCX',
  not_asked: 'UCCX not asked',
};

@customElement('cb-admin-operations')
export class CbAdminOperations extends LitElement {
  static override styles = [baseStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  /** How often a running purge is asked for its progress. */
  @property({ type: Number }) pollMs = 1000;

  @state() private campaigns: string[] = [];
  @state() private campaign = '';
  @state() private confirming = false;
  @state() private run: PurgeRun | null = null;
  @state() private purgeError = '';
  @state() private callbackId = '';
  @state() private found: StuckCallback | null = null;
  @state() private note = '';
  @state() private reason = '';
  @state() private outcome = '';
  @state() private stuckError = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api?.campaigns().then((list) => {
      this.campaigns = list.map((c) => c.name);
      this.campaign ||= this.campaigns[0] ?? '';
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async startPurge(): Promise<void> {
    if (!this.api || !this.campaign) return;
    this.confirming = false;
    this.purgeError = '';
    try {
      this.run = await opsApi(this.api).startPurge(this.campaign);
      this.follow();
    } catch (err) {
      this.purgeError = (err as Error).message;
    }
  }

  private follow(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      if (!this.api || !this.run) return;
      try {
        this.run = await opsApi(this.api).purgeRun(this.run.campaign, this.run.id);
      } catch (err) {
        this.purgeError = (err as Error).message;
      }
      if (this.run.status === 'running') this.follow();
      else this.dispatchEvent(new CustomEvent('cb-purge-finished', { detail: { run: this.run }, bubbles: true, composed: true }) as CbPurgeFinishedEvent);
    }, this.pollMs);
  }

  private async find(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api) return;
    this.found = null;
    this.outcome = '';
    this.stuckError = '';
    try {
      this.found = await opsApi(this.api).callback(Number(this.callbackId));
    } catch (err) {
      this.stuckError = (err as { status?: number }).status === 404 ? `No callback ${this.callbackId}.` : (err as Error).message;
    }
  }

  private async act(action: (id: number) => Promise<StuckResult>, name: string): Promise<void> {
    if (!this.found) return;
    this.stuckError = '';
    this.outcome = '';
    try {
      const r = await action(this.found.id);
      this.found = r.callback;
      this.outcome = `${name}: ${r.before} → ${r.after} (${FOUND[r.found] ?? r.found}).`;
    } catch (err) {
      this.stuckError = `${name} refused: ${(err as Error).message}`;
    }
  }

  private renderRun(r: PurgeRun) {
    const of = r.toRepush || 0;
    return html`<dl aria-label="Purge progress">
        <dt>Campaign</dt><dd>${r.campaign}</dd>
        <dt>Status</dt><dd data-status=${r.status}>${r.status}${r.error ? ` — ${r.error}` : ''}</dd>
        <dt>Step</dt><dd>${PHASES[r.phase]}</dd>
        <dt>Calls waited for</dt><dd>${r.callsInProgress}</dd>
        <dt>Contacts to delete</dt><dd>${r.contactsToDelete ?? '—'}</dd>
        <dt>Deleted</dt><dd>${r.deleted}</dd>
        <dt>Pushed again</dt><dd>${r.repushed} of ${of}</dd>
        <dt>Calls left to the deadlines job</dt><dd>${r.inFlight}</dd>
      </dl>
      ${of ? html`<progress max=${of} value=${r.repushed} aria-label="Callbacks pushed again"></progress>` : nothing}`;
  }

  private renderPurge() {
    return html`<section aria-labelledby="purge-h">
      <h2 id="purge-h">Purge a campaign now</h2>
      <p class="hint">As the nightly purge: waits for calls in progress, deletes all the campaign's contacts in UCCX, then pushes the still pending callbacks again.</p>
      <div class="row">
        <div><label for="purge-campaign">Campaign</label>
          <select id="purge-campaign" .value=${this.campaign} @change=${(e: Event) => (this.campaign = (e.target as HTMLSelectElement).value)}>
            ${this.campaigns.map((c) => html`<option value=${c} ?selected=${c === this.campaign}>${c}</option>`)}
          </select></div>
        ${this.confirming
          ? html`<button class="primary" id="purge-confirm" type="button" @click=${() => void this.startPurge()}>Confirm: purge ${this.campaign}</button>
              <button type="button" @click=${() => (this.confirming = false)}>Keep</button>`
          : html`<button id="purge-start" type="button" ?disabled=${!this.campaign || this.run?.status === 'running'} @click=${() => (this.confirming = true)}>Purge now…</button>`}
      </div>
      <div role="status" aria-live="polite">${this.run ? `Purge of ${this.run.campaign}: ${this.run.status === 'running' ? PHASES[this.run.phase] : this.run.status}.` : ''}</div>
      ${this.purgeError ? html`<p class="error" role="alert">${this.purgeError}</p>` : nothing}
      ${this.run ? this.renderRun(this.run) : nothing}
    </section>`;
  }

  private renderStuck() {
    const c = this.found;
    const ops = this.api ? opsApi(this.api) : null;
    return html`<section aria-labelledby="stuck-h">
      <h2 id="stuck-h">Stuck callback</h2>
      <form class="row" @submit=${this.find}>
        <div><label for="stuck-id">Callback id</label><input id="stuck-id" inputmode="numeric" pattern="[0-9]+" required .value=${this.callbackId} @input=${(e: Event) => (this.callbackId = (e.target as HTMLInputElement).value)} /></div>
        <button type="submit">Find</button>
      </form>
      ${c && ops
        ? html`<dl aria-label="Callback ${c.id}">
              <dt>Status</dt><dd id="stuck-status">${c.status}${c.reason ? ` (${c.reason})` : ''}</dd>
              <dt>Campaign</dt><dd>${c.campaign} · ${c.accountNumber}</dd>
              <dt>Promised for</dt><dd>${formatDateTime('en', c.scheduledAt)}</dd>
              <dt>Attempts</dt><dd>${c.attempts}${c.lastResult ? `, last: ${c.lastResult}` : ''}</dd>
            </dl>
            <div class="row">
              <button id="reverify" type="button" @click=${() => void this.act(ops.reverify, 'Re-verify')}>Re-verify with UCCX</button>
              <div><label for="repush-note">Note (optional)</label><input id="repush-note" maxlength="200" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)} /></div>
              <button id="repush" type="button" @click=${() => void this.act((id) => ops.repush(id, this.note), 'Re-push')}>Re-push</button>
            </div>
            <div class="row">
              <div><label for="force-reason">Reason</label><input id="force-reason" maxlength="200" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} /></div>
              <button id="force" type="button" ?disabled=${this.reason.trim().length < 3} @click=${() => void this.act((id) => ops.forceComplete(id, this.reason.trim()), 'Force-complete')}>Force-complete</button>
            </div>`
        : nothing}
      <p role="status" aria-live="polite">${this.outcome}</p>
      ${this.stuckError ? html`<p class="error" role="alert">${this.stuckError}</p>` : nothing}
    </section>`;
  }

  override render() {
    return html`${this.renderPurge()}${this.renderStuck()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-operations': CbAdminOperations;
  }
  interface HTMLElementEventMap {
    'cb-purge-finished': CbPurgeFinishedEvent;
  }
}
