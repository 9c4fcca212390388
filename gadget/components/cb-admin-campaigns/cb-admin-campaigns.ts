// Campaigns for the administrator: one per presented DDI, mapped to a UCCX campaign discovered from
// UCCX, with its dial plan and a live preview "number → dial string". Refusals appear next to the
// field they are about (aria-invalid + aria-describedby) and the first one takes focus.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AdminApiError, type AdminApi, type AdminCampaign, type CampaignInput, type DialPlanRule, type DialPreview, type FieldError } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import { listNotices, optionalNumber } from '../../admin/admin-form.ts';
import styles from './cb-admin-campaigns.styles.ts';
import type { CbRetryPolicyChangeEvent } from '../cb-admin-retry-policy/cb-admin-retry-policy.ts';
import '../cb-admin-retry-policy/cb-admin-retry-policy.ts';

export type CbAdminSavedEvent = CustomEvent<{ kind: 'campaign'; name: string }>;

const blank = (): CampaignInput => ({ name: '', uccxCampaignName: '', ddi: '', defaultCountry: '', timeZone: '', dialPlan: [{ match: '+', strip: 1, prefix: '00' }], retryPolicy: null, holidayCalendar: null, ivrScript: null, purgeAt: null, personalFallbackSeconds: null, agentDefault: false });
const FIELDS = ['name', 'uccxCampaignName', 'ddi', 'defaultCountry', 'timeZone'] as const;
const OVERRIDES = ['purgeAt', 'personalFallbackSeconds', 'ivrScript'];
const LABELS: Record<(typeof FIELDS)[number], string> = { name: 'Name', uccxCampaignName: 'UCCX campaign', ddi: 'Presented DDI (E.164)', defaultCountry: 'Default country', timeZone: 'Time zone' };

@customElement('cb-admin-campaigns')
export class CbAdminCampaigns extends LitElement {
  static override styles = [baseStyles, adminStyles, styles];

  @property({ attribute: false }) api?: AdminApi;

  @state() private campaigns: AdminCampaign[] = [];
  @state() private uccx: string[] | null = null;
  @state() private calendars: Array<{ id: number; name: string }> = [];
  @state() private form: CampaignInput | null = null;
  @state() private errors: FieldError[] = [];
  @state() private message = '';
  @state() private preview: DialPreview[] = [];
  @state() private sample = '';
  /** False while a retry row has one of its two numbers only (shown beside the row). */
  private retryComplete = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    if (!this.api) return;
    const [campaigns, calendars, uccx] = await Promise.all([this.api.campaigns(), this.api.calendars(), this.api.uccxCampaigns().catch(() => null)]);
    this.campaigns = campaigns;
    this.calendars = calendars;
    this.uccx = uccx ? uccx.map((c) => c.campaignName) : null;
  }

  private edit(c: AdminCampaign | null): void {
    this.errors = [];
    this.message = '';
    this.preview = [];
    const calendar = c?.holidayCalendarId ? this.calendars.find((x) => x.id === c.holidayCalendarId)?.name ?? null : null;
    this.form = c
      ? { name: c.name, uccxCampaignName: c.uccxCampaignName, ddi: c.ddi, defaultCountry: c.defaultCountry, timeZone: c.timeZone, dialPlan: c.dialPlan.map((r) => ({ ...r })), retryPolicy: c.retryPolicy ?? null, holidayCalendar: calendar, ivrScript: c.ivrScript ?? null, purgeAt: c.purgeAt ?? null, personalFallbackSeconds: c.personalFallbackSeconds ?? null, agentDefault: c.agentDefault === true }
      : blank();
  }

  private set<K extends keyof CampaignInput>(key: K, value: CampaignInput[K]): void {
    this.form = { ...(this.form as CampaignInput), [key]: value };
  }

  private setRule(i: number, patch: Partial<DialPlanRule>): void {
    const plan = (this.form as CampaignInput).dialPlan.map((r, j) => (j === i ? { ...r, ...patch } : r));
    this.set('dialPlan', plan);
  }

  private async runPreview(): Promise<void> {
    const form = this.form as CampaignInput;
    const numbers = this.sample.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    if (!numbers.length || !this.api) return;
    try {
      this.preview = await this.api.previewDialPlan(form.defaultCountry || 'PL', form.dialPlan, numbers);
    } catch (err) {
      this.showErrors(err);
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || !this.form) return;
    this.errors = [];
    if (!this.retryComplete) {
      await this.updateComplete;
      this.renderRoot.querySelector('cb-admin-retry-policy')?.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    try {
      const saved = await this.api.saveCampaign(this.form);
      this.message = saved.warnings?.length ? `Saved. ${saved.warnings.join(' ')}` : `Campaign ${saved.name} saved.`;
      this.dispatchEvent(new CustomEvent('cb-admin-saved', { detail: { kind: 'campaign', name: saved.name }, bubbles: true, composed: true }));
      this.form = null;
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="status"]')?.focus();
    } catch (err) {
      this.showErrors(err);
    }
  }

  private async deleteCampaign(name: string): Promise<void> {
    if (!this.api) return;
    try {
      await this.api.deleteCampaign(name);
      this.message = `Campaign ${name} deleted.`;
      await this.load();
    } catch (err) {
      this.showErrors(err);
    }
  }

  private async showErrors(err: unknown): Promise<void> {
    this.errors = err instanceof AdminApiError && err.errors.length ? err.errors : [{ field: 'form', code: 'ERROR', message: (err as Error).message }];
    this.message = '';
    await this.updateComplete;
    // Focus goes to the first field in error (or the form's error), never back to the page top.
    const first = this.errors[0];
    const target = this.renderRoot.querySelector<HTMLElement>(`[name="${first.field}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#form-error');
    target?.focus();
  }

  private errorOf(field: string): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  private input(field: (typeof FIELDS)[number]) {
    const form = this.form as CampaignInput;
    const error = this.errorOf(field);
    const id = `f-${field}`;
    const control =
      field === 'uccxCampaignName' && this.uccx
        ? html`<select id=${id} name=${field} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!form.uccxCampaignName}>—</option>
            ${this.uccx.map((n) => html`<option ?selected=${n === form.uccxCampaignName}>${n}</option>`)}
          </select>`
        : html`<input id=${id} name=${field} .value=${form[field]} ?readonly=${field === 'name' && this.campaigns.some((c) => c.name === form.name)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)} />`;
    return html`<div><label for=${id}>${LABELS[field]}</label>${control}${error ? html`<div class="field-error" id="${id}-error">${error.message}</div>` : nothing}</div>`;
  }

  private renderForm() {
    const form = this.form as CampaignInput;
    const formError = this.errors.find((e) => !FIELDS.includes(e.field as never) && !OVERRIDES.includes(e.field));
    return html`<form @submit=${this.save} aria-label="Campaign">
      ${formError ? html`<p class="error" id="form-error" tabindex="-1" role="alert">${formError.message}</p>` : nothing}
      <div class="row">${FIELDS.map((f) => this.input(f))}</div>
      <div>
        <label for="f-calendar">Holiday calendar</label>
        <select id="f-calendar" name="holidayCalendar" @change=${(e: Event) => this.set('holidayCalendar', (e.target as HTMLSelectElement).value || null)}>
          <option value="" ?selected=${!form.holidayCalendar}>none</option>
          ${this.calendars.map((c) => html`<option ?selected=${c.name === form.holidayCalendar}>${c.name}</option>`)}
        </select>
      </div>
      ${this.renderOverrides(form)}
      <cb-admin-retry-policy .policy=${form.retryPolicy ?? null}
        @cb-retry-policy-change=${(e: CbRetryPolicyChangeEvent) => ((this.retryComplete = e.detail.complete), this.set('retryPolicy', e.detail.policy))}></cb-admin-retry-policy>
      <fieldset>
        <legend>Dial plan (first matching rule applies)</legend>
        ${form.dialPlan.map(
          (r, i) => html`<div class="rule">
            <div><label for="m${i}">E.164 prefix</label><input id="m${i}" .value=${r.match} @input=${(e: Event) => this.setRule(i, { match: (e.target as HTMLInputElement).value })} /></div>
            <div><label for="s${i}">Strip</label><input id="s${i}" type="number" min="0" max="16" .value=${String(r.strip)} @input=${(e: Event) => this.setRule(i, { strip: Number((e.target as HTMLInputElement).value) })} /></div>
            <div><label for="p${i}">Prefix</label><input id="p${i}" .value=${r.prefix} @input=${(e: Event) => this.setRule(i, { prefix: (e.target as HTMLInputElement).value })} /></div>
            <button type="button" aria-label="Remove rule ${i + 1}" @click=${() => this.set('dialPlan', form.dialPlan.filter((_, j) => j !== i))}>✕</button>
          </div>`,
        )}
        <button type="button" @click=${() => this.set('dialPlan', [...form.dialPlan, { match: '+', strip: 1, prefix: '' }])}>Add rule</button>
        <div>
          <label for="sample">Preview numbers (comma separated)</label>
          <input id="sample" .value=${this.sample} @input=${(e: Event) => (this.sample = (e.target as HTMLInputElement).value)} />
          <button type="button" @click=${this.runPreview}>Preview</button>
          <ul aria-live="polite">
            ${this.preview.map((p) => html`<li>${p.input} → ${p.valid ? html`<output>${p.e164}</output> dials <output>${p.dialString}</output>` : 'not a valid number'}</li>`)}
          </ul>
        </div>
      </fieldset>
      <div class="actions">
        <button class="primary" type="submit">Save campaign</button>
        <button type="button" @click=${() => (this.form = null)}>Cancel</button>
      </div>
    </form>`;
  }

  private renderOverrides(form: CampaignInput) {
    const err = (f: string) => this.errorOf(f);
    const described = (f: string) => (err(f) ? `o-${f}-error` : nothing);
    const fieldError = (f: string) => (err(f) ? html`<div class="field-error" id="o-${f}-error">${err(f)?.message}</div>` : nothing);
    return html`<fieldset>
      <legend>For this campaign (empty = the global value)</legend>
      <div class="row">
        <div><label for="o-purgeAt">Daily purge time (HH:MM)</label><input id="o-purgeAt" name="purgeAt" placeholder="global" .value=${form.purgeAt ?? ''} aria-invalid=${err('purgeAt') ? 'true' : 'false'} aria-describedby=${described('purgeAt')} @input=${(e: Event) => this.set('purgeAt', (e.target as HTMLInputElement).value.trim() || null)} />${fieldError('purgeAt')}</div>
        <div><label for="o-personalFallbackSeconds">Wait for the personal agent (s)</label><input id="o-personalFallbackSeconds" name="personalFallbackSeconds" type="number" min="0" max="600" placeholder="global" .value=${form.personalFallbackSeconds == null ? '' : String(form.personalFallbackSeconds)} aria-invalid=${err('personalFallbackSeconds') ? 'true' : 'false'} aria-describedby=${described('personalFallbackSeconds')} @input=${(e: Event) => this.set('personalFallbackSeconds', optionalNumber((e.target as HTMLInputElement).value))} />${fieldError('personalFallbackSeconds')}</div>
        <div><label for="o-ivrScript">External script (UCCX)</label><input id="o-ivrScript" name="ivrScript" placeholder="none: queue to agent or skill" .value=${form.ivrScript ?? ''} aria-invalid=${err('ivrScript') ? 'true' : 'false'} aria-describedby=${described('ivrScript')} @input=${(e: Event) => this.set('ivrScript', (e.target as HTMLInputElement).value.trim() || null)} />${fieldError('ivrScript')}</div>
      </div>
      <div><input id="o-agentDefault" name="agentDefault" type="checkbox" class="check" .checked=${form.agentDefault} @change=${(e: Event) => this.set('agentDefault', (e.target as HTMLInputElement).checked)} /> <label class="inline" for="o-agentDefault">Agents' default when the call's DDI matches no campaign</label></div>
    </fieldset>`;
  }

  override render() {
    return html`
      ${listNotices(this.message, this.errors, Boolean(this.form))}
      <table class="list">
        <caption class="visually-hidden">Campaigns</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">DDI</th><th scope="col">UCCX campaign</th><th scope="col">Zone</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.campaigns.map(
            (c) => html`<tr data-name=${c.name}>
              <td data-label="Name">${c.name}${c.agentDefault ? html` <strong class="tag">agents' default</strong>` : nothing}</td><td data-label="DDI">${c.ddi}</td><td data-label="UCCX campaign">${c.uccxCampaignName}</td><td data-label="Zone">${c.timeZone}</td>
              <td><span class="actions"><button type="button" aria-label="Edit ${c.name}" @click=${() => this.edit(c)}>Edit</button> <button type="button" aria-label="Delete ${c.name}" @click=${() => this.deleteCampaign(c.name)}>Delete</button></span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.form ? this.renderForm() : html`<button type="button" class="primary" id="new-campaign" @click=${() => this.edit(null)}>New campaign</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-campaigns': CbAdminCampaigns;
  }
  interface GlobalEventHandlersEventMap {
    'cb-admin-saved': CbAdminSavedEvent;
  }
}
