// Cells both callback lists show the same way: the time (customer's zone with its label, the
// agent's time beside it when it differs) and who booked it with the notes (cut short, full text
// in the title and the detail). Each cell carries its column name for the narrow card layout.
import { html, nothing } from 'lit';
import type { Callback } from '../api/types.ts';
import { t, type Locale } from '../i18n/i18n.ts';
import { shortNotes, whenText } from './when-text.ts';

export function whenCell(l: Locale, c: Callback, agentZone: string) {
  const when = whenText(l, c.scheduledAt, c.timeZone, agentZone);
  return html`<td class="when" data-label=${t(l, 'list.when')}>
    <span class="customer-time" title=${when.zone}>${when.customer}</span>
    <br /><span class="hint">${when.zone}</span>
    ${when.agent ? html`<br /><span class="agent-time">${when.agent}</span>` : nothing}
  </td>`;
}

/** "Anna Nowak" for the booking agent when known, else his id. */
export const bookedByName = (c: Callback, names: Map<string, string>): string => names.get(c.createdBy) ?? c.createdBy;

export function bookingCell(l: Locale, c: Callback, names: Map<string, string>) {
  const notes = shortNotes(c.notes);
  // No card label: "Booked by …" says what it is.
  return html`<td class="booking">
    <span class="booked-by">${t(l, 'list.bookedBy', { who: bookedByName(c, names) })}</span>
    ${notes ? html`<br /><span class="cell-notes" title=${c.notes ?? ''}>${notes}</span>` : nothing}
  </td>`;
}
