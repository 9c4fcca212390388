// Holiday calendars for the administrator: a country's (and region's) public holidays plus custom
// closed dates. "Show public holidays" asks the server for a year's list (the same dates the booking
// rules close) and shows it before the calendar is saved; custom dates are added and removed one by
// one. A calendar a campaign or skill still uses cannot be deleted (the API names who uses it).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi, AdminCalendar, FieldError, PublicHoliday } from '../../admin/admin-api.ts';
import { errorFor, fieldErrors, focusFirstError, formActions, listNotices } from '../../admin/admin-form.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import styles from './cb-admin-holidays.styles.ts';

type Form = Omit<AdminCalendar, 'id'>;
const KNOWN = ['name', 'country', 'region', 'year', 'newDate'];

@customElement('cb-admin-holidays')
export class CbAdminHolidays extends LitElement {
  static override styles = [baseStyles, adminStyles, styles];

  @property({ attribute: false }) api?: AdminApi;
  /** The year first previewed (the current one). */
  @property({ type: Number }) year = new Date().getFullYear();

  @state() private calendars: AdminCalendar[] = [];
  @state() private form: Form | null = null;
  @state() private errors: FieldError[] = [];
  @state() private message = '';
  @state() private preview: PublicHoliday[] | null = null;
  @state() private newDate = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    if (this.api) this.calendars = await this.api.calendars();
  }

  private edit(c: AdminCalendar | null): void {
    this.errors = [];
    this.message = '';
    this.preview = null;
    this.newDate = '';
    this.form = c ? { name: c.name, country: c.country ?? null, region: c.region ?? null, customDates: [...c.customDates] } : { name: '', country: null, region: null, customDates: [] };
  }

  private set<K extends keyof Form>(key: K, value: Form[K]): void {
    this.form = { ...(this.form as Form), [key]: value };
  }

  private async showErrors(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    this.message = '';
    await this.updateComplete;
    focusFirstError(this.renderRoot, errors);
  }

  private async showPublicHolidays(): Promise<void> {
    const form = this.form as Form;
    if (!this.api) return;
    if (!form.country) return this.showErrors([{ field: 'country', code: 'REQUIRED', message: 'Enter the country (two letters, e.g. PL) first' }]);
    try {
      this.preview = await this.api.publicHolidays(form.country, form.region || null, this.year);
      this.errors = [];
    } catch (err) {
      this.preview = null;
      await this.showErrors(fieldErrors(err));
    }
  }

  private addDate(): void {
    const form = this.form as Form;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.newDate)) {
      void this.showErrors([{ field: 'newDate', code: 'INVALID_DATE', message: 'Choose a date to add' }]);
      return;
    }
    this.errors = [];
    if (!form.customDates.includes(this.newDate)) this.set('customDates', [...form.customDates, this.newDate].sort());
    this.newDate = '';
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || !this.form) return;
    try {
      const saved = await this.api.saveCalendar({ ...this.form, country: this.form.country || null, region: this.form.region || null });
      this.form = null;
      this.preview = null;
      this.errors = [];
      this.message = `Holiday calendar ${saved.name} saved.`;
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="status"]')?.focus();
    } catch (err) {
      // "customDates[2]" is about one of the dates: show it with the list.
      await this.showErrors(fieldErrors(err).map((x) => (x.field.startsWith('customDates') ? { ...x, field: 'newDate' } : x)));
    }
  }

  private async deleteCalendar(name: string): Promise<void> {
    if (!this.api) return;
    try {
      await this.api.deleteCalendar(name);
      this.errors = [];
      this.message = `Holiday calendar ${name} deleted.`;
      await this.load();
    } catch (err) {
      await this.showErrors(fieldErrors(err).map((x) => ({ ...x, field: 'form', message: `${name} cannot be deleted: ${x.message}` })));
    }
  }

  private text(id: string, field: 'name' | 'country' | 'region', label: string, opts: { readonly?: boolean; hint?: string } = {}) {
    const form = this.form as Form;
    const error = errorFor(this.errors, field);
    return html`<div>
      <label for=${id}>${label}</label>
      <input id=${id} name=${field} .value=${form[field] ?? ''} ?readonly=${opts.readonly} placeholder=${opts.hint ?? nothing} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.set(field, field === 'country' ? (e.target as HTMLInputElement).value.trim().toUpperCase() : (e.target as HTMLInputElement).value.trim())} />
      ${error ? html`<div class="field-error" id="${id}-error">${error.message}</div>` : nothing}
    </div>`;
  }

  private renderForm(form: Form) {
    const formError = this.errors.find((e) => !KNOWN.some((f) => e.field === f));
    const dateError = errorFor(this.errors, 'newDate');
    return html`<form @submit=${this.save} aria-label="Holiday calendar" novalidate>
      ${formError ? html`<p class="error" id="form-error" tabindex="-1" role="alert">${formError.message}</p>` : nothing}
      <div class="row">
        ${this.text('c-name', 'name', 'Name', { readonly: this.calendars.some((c) => c.name === form.name) })}
        ${this.text('c-country', 'country', 'Country (ISO, e.g. PL)', { hint: 'none: custom dates only' })}
        ${this.text('c-region', 'region', 'Region (e.g. NY)', { hint: 'whole country' })}
      </div>
      <fieldset>
        <legend>Public holidays</legend>
        <div class="add">
          <div><label for="c-year">Year</label><input id="c-year" name="year" type="number" min="2000" max="2100" .value=${String(this.year)} @input=${(e: Event) => (this.year = Number((e.target as HTMLInputElement).value))} /></div>
          <button type="button" @click=${this.showPublicHolidays}>Show public holidays</button>
        </div>
        ${this.preview
          ? html`<p class="hint" id="preview-note">${this.preview.length} public holidays in ${this.year} close the lines on these dates once the calendar is saved:</p>
              <ul class="dates preview" aria-labelledby="preview-note" tabindex="0">${this.preview.map((h) => html`<li><time datetime=${h.date}>${h.date}</time> ${h.name}</li>`)}</ul>`
          : nothing}
      </fieldset>
      <fieldset>
        <legend>Custom closed dates</legend>
        <ul class="dates" aria-label="Custom closed dates">
          ${form.customDates.length === 0 ? html`<li class="hint">none</li>` : nothing}
          ${form.customDates.map((d) => html`<li><time datetime=${d}>${d}</time><button type="button" aria-label="Remove ${d}" @click=${() => this.set('customDates', form.customDates.filter((x) => x !== d))}>Remove</button></li>`)}
        </ul>
        <div class="add">
          <div><label for="c-newDate">Date to add</label><input id="c-newDate" name="newDate" type="date" .value=${this.newDate} aria-invalid=${dateError ? 'true' : 'false'} aria-describedby=${dateError ? 'c-newDate-error' : nothing} @input=${(e: Event) => (this.newDate = (e.target as HTMLInputElement).value)} /></div>
          <button type="button" @click=${this.addDate}>Add date</button>
        </div>
        ${dateError ? html`<div class="field-error" id="c-newDate-error">${dateError.message}</div>` : nothing}
      </fieldset>
      ${formActions('Save calendar', () => ((this.form = null), (this.errors = [])))}
    </form>`;
  }

  override render() {
    return html`
      ${listNotices(this.message, this.errors, Boolean(this.form))}
      <table class="list">
        <caption class="visually-hidden">Holiday calendars</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Public holidays of</th><th scope="col">Custom dates</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.calendars.map(
            (c) => html`<tr data-name=${c.name}>
              <td data-label="Name">${c.name}</td><td data-label="Public holidays of">${c.country ? `${c.country}${c.region ? `-${c.region}` : ''}` : '—'}</td><td data-label="Custom dates">${c.customDates.length}</td>
              <td><span class="actions"><button type="button" aria-label="Edit ${c.name}" @click=${() => this.edit(c)}>Edit</button> <button type="button" aria-label="Delete ${c.name}" @click=${() => this.deleteCalendar(c.name)}>Delete</button></span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.form ? this.renderForm(this.form) : html`<button type="button" class="primary" id="new-calendar" @click=${() => this.edit(null)}>New holiday calendar</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-holidays': CbAdminHolidays;
  }
}
