// What the booking form says after a submit: one message beside the submit button (success,
// duplicate warning or refusal with every reason), focusable so the focus can be put on it.
// The field-level errors stay beside their fields as well.
import { html, nothing } from 'lit';
import type { Violation } from '../../api/types.ts';
import { hasMessage, t, type Locale, type MessageKey } from '../../i18n/i18n.ts';

export type Notice = { kind: 'success' | 'warning' | 'failure'; text: string } | null;

/** Violation fields shown under one form control ("agentId" and "skill" belong to the target). */
export const FIELD_OF: Record<string, string> = { agentId: 'target', skill: 'target' };

export const violationText = (locale: Locale, v: Violation): string =>
  hasMessage(`violation.${v.code}`) ? t(locale, `violation.${v.code}` as MessageKey) : v.message;

/** The outcome beside the submit button: the notice, else the refusal listing every reason. */
export function renderOutcome(locale: Locale, notice: Notice, violations: Violation[]) {
  if (notice) {
    return html`<p id="outcome" class="notice ${notice.kind}" tabindex="-1" role=${notice.kind === 'success' ? 'status' : 'alert'}>${notice.text}</p>`;
  }
  if (!violations.length) return nothing;
  const reasons = [...new Set(violations.map((v) => violationText(locale, v)))].join(' ');
  return html`<p id="outcome" class="notice failure" tabindex="-1" role="alert">${reasons}</p>`;
}
