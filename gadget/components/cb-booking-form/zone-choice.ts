// Which time zones the booking form offers for the customer, from what the server says about the
// number (phoneInfo): the full zone list of the number's country, the zones its area code gives
// first. A number whose country has several zones needs a choice unless the area code tells one.
import { html, nothing } from 'lit';
import type { PhoneInfo } from '../../api/types.ts';
import { t, type Locale } from '../../i18n/i18n.ts';
import { zoneChoices } from '../../lib/time.ts';

export interface ZoneChoice {
  /** The zones offered, the detected ones first. */
  options: string[];
  /** The zones the number may be in (the area code's where known). */
  detected: string[];
  /** True when the number's country has several zones: the agent must have one chosen. */
  several: boolean;
}

/** The offer for a checked number; before a number is known, the common zones around `current`. */
export function zoneChoiceOf(info: PhoneInfo | null, current: string): ZoneChoice {
  const country = info?.valid ? (info.countryZones ?? (info.timeZone ? [info.timeZone] : [])) : [];
  if (country.length === 0) return { options: zoneChoices(current), detected: [], several: false };
  const detected = (info?.zones ?? []).filter((z) => country.includes(z));
  return { options: [...new Set([...detected, ...country])], detected, several: country.length > 1 };
}

/**
 * The zone to have selected: the agent's own choice while it still fits the number, else the one
 * zone the number can be in, else none (the agent must choose) for a several-zone country.
 */
export function zoneToSelect(choice: ZoneChoice, current: string, touched: boolean): string {
  const fits = choice.options.includes(current);
  if (touched && fits) return current;
  if (choice.detected.length === 1) return choice.detected[0];
  if (choice.several) return touched && fits ? current : '';
  return choice.options.length === 1 ? choice.options[0] : current;
}

/** The labelled zone select with its hint (how many zones, or the one the number gives) and errors. */
export function renderZoneSelect(o: { locale: Locale; choice: ZoneChoice; value: string; errors: string[]; onChange: (e: Event) => void }) {
  const { locale: l, choice, value, errors } = o;
  const hint = !choice.several ? '' : choice.detected.length === 1 ? t(l, 'zone.detected', { zone: choice.detected[0] }) : t(l, 'zone.several', { n: choice.options.length });
  const describedBy = [hint ? 'timeZone-hint' : '', errors.length ? 'timeZone-error' : ''].filter(Boolean).join(' ');
  return html`
    <div>
      <label for="timeZone">${t(l, 'field.timeZone')}</label>
      <select id="timeZone" ?required=${choice.several} aria-invalid=${errors.length ? 'true' : 'false'} aria-describedby=${describedBy || nothing} @change=${o.onChange}>
        ${value ? nothing : html`<option value="" selected>${t(l, 'zone.choose')}</option>`}
        ${choice.options.map((z) => html`<option value=${z} ?selected=${z === value}>${z}</option>`)}
      </select>
      ${hint ? html`<p class="hint" id="timeZone-hint">${hint}</p>` : nothing}
      ${errors.length ? html`<p id="timeZone-error" class="field-error" role="alert">${errors.join(' ')}</p>` : nothing}
    </div>`;
}
