// Skills for the administrator: each is a UCCX CSQ with weekly hours in its zone, a holiday
// calendar, an optional external script and its own personal → skill wait. The hours are checked
// here (HH:MM-HH:MM, end after start) and by the API; each refusal sits beside its field, and the
// first one takes focus. A skill still used by active callbacks cannot be deleted (the API says why).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi, AdminCalendar, AdminSkill, FieldError, SkillInput } from '../../admin/admin-api.ts';
import { errorFor, fieldErrors, focusFirstError, formActions, listNotices, optionalNumber } from '../../admin/admin-form.ts';
import { adminStyles } from '../../admin/admin.styles.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import { WEEKDAYS, hoursSummary, hoursText, rangeProblem, toWeeklyHours, type Weekday } from './hours.ts';
import styles from './cb-admin-skills.styles.ts';

export type CbAdminSkillSavedEvent = CustomEvent<{ kind: 'skill'; name: string }>;

type Form = Omit<SkillInput, 'hours'> & { days: Partial<Record<Weekday, string>> };
const TEXT_FIELDS = [
  ['name', 'Name'],
  ['csq', 'UCCX CSQ'],
  ['timeZone', 'Time zone'],
  ['ivrScript', 'External script (UCCX)'],
] as const;
const FIELD_NAMES = ['name', 'csq', 'timeZone', 'ivrScript', 'holidayCalendar', 'personalFallbackSeconds', ...WEEKDAYS.map(([d]) => `hours.${d}`)];

@customElement('cb-admin-skills')
export class CbAdminSkills extends LitElement {
  static override styles = [baseStyles, adminStyles, styles];

  @property({ attribute: false }) api?: AdminApi;

  @state() private skills: AdminSkill[] = [];
  @state() private calendars: AdminCalendar[] = [];
  @state() private form: Form | null = null;
  @state() private errors: FieldError[] = [];
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    if (!this.api) return;
    [this.skills, this.calendars] = await Promise.all([this.api.skills(), this.api.calendars()]);
  }

  private calendarName = (id: number | null | undefined) => (id ? this.calendars.find((c) => c.id === id)?.name ?? null : null);

  private edit(s: AdminSkill | null): void {
    this.errors = [];
    this.message = '';
    this.form = s
      ? { name: s.name, csq: s.csq, timeZone: s.timeZone, ivrScript: s.ivrScript ?? null, holidayCalendar: this.calendarName(s.holidayCalendarId), personalFallbackSeconds: s.personalFallbackSeconds ?? null, days: Object.fromEntries(WEEKDAYS.map(([d]) => [d, hoursText(s.hours[d])])) }
      : { name: '', csq: '', timeZone: '', ivrScript: null, holidayCalendar: null, personalFallbackSeconds: null, days: {} };
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

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || !this.form) return;
    const { days, ...rest } = this.form;
    const local = WEEKDAYS.flatMap(([d, day]) => {
      const problem = rangeProblem(days[d] ?? '');
      return problem ? [{ field: `hours.${d}`, code: 'INVALID_HOURS', message: `${day}: ${problem}` }] : [];
    });
    if (local.length) return this.showErrors(local);
    try {
      const saved = await this.api.saveSkill({ ...rest, ivrScript: rest.ivrScript || null, hours: toWeeklyHours(days) });
      this.form = null;
      this.errors = [];
      this.message = `Skill ${saved.name} saved.`;
      this.dispatchEvent(new CustomEvent('cb-admin-saved', { detail: { kind: 'skill', name: saved.name }, bubbles: true, composed: true }));
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="status"]')?.focus();
    } catch (err) {
      await this.showErrors(fieldErrors(err));
    }
  }

  private async deleteSkill(name: string): Promise<void> {
    if (!this.api) return;
    try {
      await this.api.deleteSkill(name);
      this.errors = [];
      this.message = `Skill ${name} deleted.`;
      await this.load();
    } catch (err) {
      await this.showErrors(fieldErrors(err).map((e) => ({ ...e, field: 'form' })));
    }
  }

  private control(id: string, name: string, error: FieldError | undefined, input: (attrs: { invalid: string; describedby: string | typeof nothing }) => unknown, label: string) {
    return html`<div>
      <label for=${id}>${label}</label>${input({ invalid: error ? 'true' : 'false', describedby: error ? `${id}-error` : nothing })}
      ${error ? html`<div class="field-error" id="${id}-error">${error.message}</div>` : nothing}
    </div>`;
  }

  private renderForm(form: Form) {
    const existing = this.skills.some((s) => s.name === form.name);
    const formError = this.errors.find((e) => !FIELD_NAMES.some((f) => e.field === f || e.field.startsWith(`${f}[`)));
    return html`<form @submit=${this.save} aria-label="Skill" novalidate>
      ${formError ? html`<p class="error" id="form-error" tabindex="-1" role="alert">${formError.message}</p>` : nothing}
      <div class="row">
        ${TEXT_FIELDS.map(([f, label]) =>
          this.control(`s-${f}`, f, errorFor(this.errors, f), (a) => html`<input id="s-${f}" name=${f} .value=${form[f] ?? ''} ?readonly=${f === 'name' && existing} aria-invalid=${a.invalid} aria-describedby=${a.describedby} @input=${(e: Event) => this.set(f, (e.target as HTMLInputElement).value)} />`, label),
        )}
        ${this.control('s-calendar', 'holidayCalendar', errorFor(this.errors, 'holidayCalendar'), (a) => html`<select id="s-calendar" name="holidayCalendar" aria-invalid=${a.invalid} aria-describedby=${a.describedby} @change=${(e: Event) => this.set('holidayCalendar', (e.target as HTMLSelectElement).value || null)}>
            <option value="" ?selected=${!form.holidayCalendar}>none</option>
            ${this.calendars.map((c) => html`<option ?selected=${c.name === form.holidayCalendar}>${c.name}</option>`)}
          </select>`, 'Holiday calendar')}
        ${this.control('s-personalFallbackSeconds', 'personalFallbackSeconds', errorFor(this.errors, 'personalFallbackSeconds'), (a) => html`<input id="s-personalFallbackSeconds" name="personalFallbackSeconds" type="number" min="0" max="600" placeholder="campaign or global" .value=${form.personalFallbackSeconds == null ? '' : String(form.personalFallbackSeconds)} aria-invalid=${a.invalid} aria-describedby=${a.describedby} @input=${(e: Event) => this.set('personalFallbackSeconds', optionalNumber((e.target as HTMLInputElement).value))} />`, 'Wait for the personal agent (s)')}
      </div>
      <fieldset>
        <legend>Weekly hours in the skill's zone (e.g. 08:00-12:00, 13:00-18:00; empty = closed)</legend>
        <div class="days">
          ${WEEKDAYS.map(([d, day]) => {
            const error = errorFor(this.errors, `hours.${d}`);
            return html`<label for="h-${d}">${day}</label>
              <input id="h-${d}" name="hours.${d}" .value=${form.days[d] ?? ''} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `h-${d}-error` : nothing} @input=${(e: Event) => this.set('days', { ...(this.form as Form).days, [d]: (e.target as HTMLInputElement).value })} />
              ${error ? html`<div class="field-error" id="h-${d}-error">${error.message}</div>` : nothing}`;
          })}
        </div>
      </fieldset>
      ${formActions('Save skill', () => ((this.form = null), (this.errors = [])))}
    </form>`;
  }

  override render() {
    return html`
      ${listNotices(this.message, this.errors, Boolean(this.form))}
      <table class="list">
        <caption class="visually-hidden">Skills</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">CSQ</th><th scope="col">Hours</th><th scope="col">Zone</th><th scope="col">Calendar</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.skills.map(
            (s) => html`<tr data-name=${s.name}>
              <td data-label="Name">${s.name}</td><td data-label="CSQ">${s.csq}</td><td data-label="Hours">${hoursSummary(s.hours)}</td><td data-label="Zone">${s.timeZone}</td><td data-label="Calendar">${this.calendarName(s.holidayCalendarId) ?? '—'}</td>
              <td><span class="actions"><button type="button" aria-label="Edit ${s.name}" @click=${() => this.edit(s)}>Edit</button> <button type="button" aria-label="Delete ${s.name}" @click=${() => this.deleteSkill(s.name)}>Delete</button></span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.form ? this.renderForm(this.form) : html`<button type="button" class="primary" id="new-skill" @click=${() => this.edit(null)}>New skill</button>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-admin-skills': CbAdminSkills;
  }
}
