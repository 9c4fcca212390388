// The booking form: number (from the call, editable, checked as typed), names (from BABuddyName),
// campaign (from the call's BACampaign / DNIS), target "me" or a skill, customer time zone (from
// the number: a chooser with every zone of its country when it has several, preset to the zone its
// area code gives), the availability calendar and notes. Violations appear beside their fields and,
// together, beside the submit button, which then has the focus (kept on the button while the server
// answers); a duplicate offers to reschedule it. Nothing stale survives: another skill, target,
// campaign, zone or call drops the chosen time, the next edit the last success; a full slot shows full.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { CallbackApi } from '../../api/api-client.ts';
import type { BookResult, Callback, Campaign, PhoneInfo, Skill, Violation } from '../../api/types.ts';
import { apiContext } from '../../context/api-context.ts';
import { callContext, type CurrentCall } from '../../context/call-context.ts';
import { sessionContext, type Session } from '../../context/session-context.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n.ts';
import { defaultCampaign, splitName } from '../../lib/call-defaults.ts';
import { renderZoneSelect, zoneChoiceOf, zoneToSelect } from './zone-choice.ts';
import { renderFieldErrors, renderTargetChoice, type Target } from './target-choice.ts';
import { FIELD_OF, renderOutcome, violationText, type Notice } from './booking-outcome.ts';
import { baseStyles } from '../../styles/base.styles.ts';
import type { CbPhoneChangeEvent } from '../cb-phone-field/cb-phone-field.ts';
import type { CbAvailabilityCalendar, CbSlotSelectEvent } from '../cb-availability-calendar/cb-availability-calendar.ts';
import '../cb-phone-field/cb-phone-field.ts';
import '../cb-availability-calendar/cb-availability-calendar.ts';
import styles from './cb-booking-form.styles.ts';

export type CbBookedEvent = CustomEvent<{ callback: Callback }>;

/** Changes that ask the calendar for other slots: a time chosen before them no longer applies. */
const SLOT_SCOPE = ['campaign', 'skill', 'target', 'timeZone'] as const;

@customElement('cb-booking-form')
export class CbBookingForm extends LitElement {
  static override styles = [baseStyles, styles];

  @consume({ context: apiContext, subscribe: true }) api?: CallbackApi;
  @consume({ context: sessionContext, subscribe: true }) session?: Session;
  @consume({ context: callContext, subscribe: true }) call?: CurrentCall | null;

  /** Instant the calendar starts from (tests pin it). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private campaigns: Campaign[] = [];
  @state() private skills: Skill[] = [];
  @state() private phone = '';
  @state() private firstName = '';
  @state() private lastName = '';
  @state() private campaign = '';
  @state() private target: Target = 'me';
  @state() private skill = '';
  @state() private timeZone = '';
  @state() private notes = '';
  @state() private selectedSlot = '';
  @state() private violations: Violation[] = [];
  @state() private duplicate: Callback | null = null;
  @state() private notice: Notice = null;
  @state() private busy = false;
  @state() private prefilled = false;
  /** What the server said about the number (its zones); null until checked. */
  @state() private phoneInfo: PhoneInfo | null = null;

  private loadedFor: CallbackApi | undefined;
  private prefilledFor = '';
  private zoneTouched = false;
  /** Put the focus on the outcome beside the submit button after the next render. */
  private focusOutcome = false;

  override willUpdate(changed: PropertyValues<this>): void {
    if (SLOT_SCOPE.some((k) => changed.has(k as keyof CbBookingForm))) this.selectedSlot = '';
    if (this.api && this.api !== this.loadedFor) {
      this.loadedFor = this.api;
      void this.loadChoices();
    }
    if (this.call && this.call.dialogId !== this.prefilledFor && this.campaigns.length) this.prefillFromCall(this.call);
  }

  override updated(): void {
    if (!this.focusOutcome) return;
    this.focusOutcome = false;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private get locale() {
    return this.session?.locale ?? 'en';
  }

  private async loadChoices(): Promise<void> {
    if (!this.api) return;
    try {
      const [campaigns, skills] = await Promise.all([this.api.campaigns(), this.api.skills()]);
      this.campaigns = campaigns;
      this.skills = skills;
      this.campaign ||= defaultCampaign(campaigns, this.call);
      this.skill ||= skills[0]?.name ?? '';
      this.timeZone ||= campaigns.find((c) => c.name === this.campaign)?.timeZone ?? 'UTC';
    } catch (e) {
      this.notice = { kind: 'failure', text: t(this.locale, 'book.failed', { message: (e as Error).message }) };
    }
  }

  private prefillFromCall(call: CurrentCall): void {
    this.prefilledFor = call.dialogId;
    this.phone = call.customerNumber;
    const name = splitName(call.customerName);
    this.firstName = name.firstName;
    this.lastName = name.lastName;
    this.campaign = defaultCampaign(this.campaigns, call);
    this.zoneTouched = false;
    this.phoneInfo = null;
    this.timeZone = this.campaigns.find((c) => c.name === this.campaign)?.timeZone ?? this.timeZone;
    this.resetOutcome();
    this.selectedSlot = ''; // another customer: the time chosen for the last one does not apply
    this.prefilled = true;
    // On a callback call UCCX knows the number as it dialled it; the callback has it in E.164.
    if (call.accountNumber) void this.prefillFromCallback(call);
  }

  private async prefillFromCallback(call: CurrentCall): Promise<void> {
    const callback = await this.api?.callbackByAccount(call.accountNumber as string).catch(() => null);
    if (!callback || this.prefilledFor !== call.dialogId) return;
    this.phone = callback.phoneE164;
    this.campaign = callback.campaign;
  }

  private resetOutcome(): void {
    this.violations = [];
    this.duplicate = null;
    this.notice = null;
  }

  private fieldErrors(field: string): string[] {
    return this.violations
      .filter((v) => (FIELD_OF[v.field] ?? v.field) === field)
      .map((v) => violationText(this.locale, v));
  }

  /** The agent starts the next booking: the last success is history. */
  private onEdit(): void {
    if (this.notice?.kind === 'success') this.notice = null;
  }

  private onSlot(e: CbSlotSelectEvent): void {
    this.selectedSlot = e.detail.start;
    this.onEdit();
  }

  private refuse(code: string, field: string, message: string): void {
    this.violations = [{ code, field, message }];
    this.focusOutcome = true;
  }

  private onPhone(e: CbPhoneChangeEvent): void {
    this.phone = e.detail.value;
    const info = e.detail.info;
    if (!info) return; // still typing: keep the last answer until the next check
    this.phoneInfo = info;
    this.timeZone = zoneToSelect(zoneChoiceOf(info, this.timeZone), this.timeZone, this.zoneTouched);
  }

  private onZone(e: Event): void {
    this.timeZone = (e.target as HTMLSelectElement).value;
    this.zoneTouched = true;
    this.violations = this.violations.filter((v) => v.field !== 'timeZone');
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || this.busy) return;
    this.resetOutcome();
    if (!this.timeZone) return this.refuse('PICK_ZONE', 'timeZone', t(this.locale, 'zone.pickFirst'));
    if (!this.selectedSlot) return this.refuse('PICK_SLOT', 'scheduledAt', t(this.locale, 'book.pickSlot'));
    this.busy = true;
    try {
      const personal = this.target === 'me';
      this.handleResult(
        await this.api.bookCallback({
          campaign: this.campaign,
          phone: this.phone.trim(),
          scheduledAt: this.selectedSlot,
          timeZone: this.timeZone,
          agentId: personal ? this.session?.agentId : undefined,
          skill: this.skill || undefined,
          firstName: this.firstName.trim(),
          lastName: this.lastName.trim(),
          notes: this.notes.trim() || undefined,
          source: this.call ? this.call.direction : undefined,
        }),
        'book.success',
      );
    } catch (err) {
      this.notice = { kind: 'failure', text: t(this.locale, 'book.failed', { message: (err as Error).message }) };
      this.focusOutcome = true;
    } finally {
      this.busy = false;
    }
  }

  private async rescheduleDuplicate(): Promise<void> {
    if (!this.api || !this.duplicate || !this.selectedSlot) return;
    const id = this.duplicate.id;
    this.busy = true;
    try {
      this.resetOutcome();
      this.handleResult(await this.api.rescheduleCallback(id, this.selectedSlot, this.timeZone), 'book.rescheduled');
    } catch (err) {
      this.notice = { kind: 'failure', text: t(this.locale, 'book.failed', { message: (err as Error).message }) };
      this.focusOutcome = true;
    } finally {
      this.busy = false;
    }
  }

  private handleResult(result: BookResult, success: 'book.success' | 'book.rescheduled'): void {
    this.violations = result.violations;
    this.duplicate = result.duplicate;
    this.focusOutcome = true;
    const calendar = this.renderRoot.querySelector<CbAvailabilityCalendar>('cb-availability-calendar');
    if (result.violations.some((v) => v.code === 'SLOT_FULL') && this.selectedSlot) {
      void calendar?.markFull(this.selectedSlot);
      this.selectedSlot = '';
    }
    if (result.duplicate) {
      const d = result.duplicate;
      const status = t(this.locale, `status.${d.status}` as MessageKey);
      this.notice = { kind: 'warning', text: t(this.locale, 'book.duplicate', { when: formatDateTime(this.locale, d.scheduledAt, d.timeZone), status }) };
    }
    const cb = result.callback;
    if (!cb) return;
    this.notice = { kind: 'success', text: t(this.locale, success, { when: formatDateTime(this.locale, cb.scheduledAt, cb.timeZone) }) };
    this.selectedSlot = '';
    this.notes = '';
    void calendar?.load();
    this.dispatchEvent(new CustomEvent('cb-booked', { detail: { callback: cb }, bubbles: true, composed: true }));
  }

  private renderErrors(field: string) {
    return renderFieldErrors(field, this.fieldErrors(field));
  }

  private describedBy(field: string): string | typeof nothing {
    return this.fieldErrors(field).length ? `${field}-error` : nothing;
  }

  override render() {
    const l = this.locale;
    const input = (field: 'firstName' | 'lastName', label: MessageKey) => html`
      <div>
        <label for=${field}>${t(l, label)}</label>
        <input id=${field} .value=${this[field]} maxlength="50" autocomplete="off" aria-invalid=${this.fieldErrors(field).length ? 'true' : 'false'}
          aria-describedby=${this.describedBy(field)} @input=${(e: Event) => (this[field] = (e.target as HTMLInputElement).value)} />
        ${this.renderErrors(field)}
      </div>`;
    return html`
      <form @submit=${this.submit} novalidate aria-label=${t(l, 'tab.book')} @input=${this.onEdit} @change=${this.onEdit}>
        ${this.prefilled ? html`<p class="hint">${t(l, 'book.fromCall')}</p>` : nothing}
        <cb-phone-field .value=${this.phone} .campaign=${this.campaign} .error=${this.fieldErrors('phone').join(' ')} @cb-phone-change=${this.onPhone}></cb-phone-field>
        <div class="row">${input('firstName', 'field.firstName')}${input('lastName', 'field.lastName')}</div>
        <div class="row">
          <div>
            <label for="campaign">${t(l, 'field.campaign')}</label>
            <select id="campaign" aria-describedby=${this.describedBy('campaign')} @change=${(e: Event) => (this.campaign = (e.target as HTMLSelectElement).value)}>
              ${this.campaign ? nothing : html`<option value="" selected>${t(l, 'field.chooseCampaign')}</option>`}
              ${this.campaigns.map((c) => html`<option value=${c.name} ?selected=${c.name === this.campaign}>${c.name} (${c.ddi})</option>`)}
            </select>
            ${this.renderErrors('campaign')}
          </div>
          ${renderZoneSelect({ locale: l, choice: zoneChoiceOf(this.phoneInfo, this.timeZone), value: this.timeZone, errors: this.fieldErrors('timeZone'), onChange: (e) => this.onZone(e) })}
        </div>
        ${renderTargetChoice({ locale: l, target: this.target, skill: this.skill, skills: this.skills, errors: this.fieldErrors('target'),
          onTarget: (target) => (this.target = target), onSkill: (skill) => (this.skill = skill) })}
        <fieldset aria-describedby=${this.describedBy('scheduledAt')}>
          <legend>${t(l, 'field.when')}</legend>
          ${this.timeZone
            ? html`<cb-availability-calendar .campaign=${this.campaign} .skill=${this.skill} .agentId=${this.target === 'me' ? this.session?.agentId ?? '' : ''}
                .timeZone=${this.timeZone} .phone=${this.phoneInfo?.valid ? this.phoneInfo.e164 ?? '' : ''} .value=${this.selectedSlot} .now=${this.now}
                @cb-slot-select=${this.onSlot}></cb-availability-calendar>
              <p class="hint" aria-live="polite">${this.selectedSlot ? t(l, 'book.selected', { when: formatDateTime(l, this.selectedSlot, this.timeZone) }) : t(l, 'book.pickSlot')}</p>`
            : html`<p class="hint" id="zone-first">${t(l, 'zone.pickFirst')}</p>`}
          ${this.renderErrors('scheduledAt')}
        </fieldset>
        <div>
          <label for="notes">${t(l, 'field.notes')}</label>
          <textarea id="notes" rows="3" maxlength="1000" .value=${this.notes} aria-describedby=${this.describedBy('notes')}
            @input=${(e: Event) => (this.notes = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${this.renderErrors('notes')}
        </div>
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(l, 'book.submit')}</button>
          ${this.duplicate ? html`<button type="button" id="reschedule-duplicate" ?disabled=${this.busy || !this.selectedSlot} @click=${this.rescheduleDuplicate}>${t(l, 'book.rescheduleDuplicate')}</button>` : nothing}
        </div>
        ${renderOutcome(l, this.notice, this.violations)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-booking-form': CbBookingForm;
  }
  interface GlobalEventHandlersEventMap {
    'cb-booked': CbBookedEvent;
  }
}
