// The story of a callback in words: history events, failure reasons and UCCX call results, in
// English and Polish (codes stay visible when a text is missing, so nothing is hidden).
import { formatDateTime, type Locale } from '../i18n/i18n.ts';

type Texts = Record<string, string>;

const EVENTS: Record<Locale, Texts> = {
  en: {
    booked: 'booked', rescheduled: 'rescheduled', reassigned: 'reassigned', cancelled: 'cancelled', claimed: 'taken for dispatch',
    imported: 'sent to UCCX', import_failed: 'UCCX did not take it', dial_result: 'UCCX result', answered: 'customer answered',
    confirmed: 'customer pressed 1', not_confirmed: 'customer did not confirm', abandoned: 'customer hung up', routed: 'routed',
    fallback_to_skill: 'agent not available: went to the skill', arrived: 'reached the agent', completed: 'completed',
    retry_scheduled: 'retry planned', failed: 'failed', expired: 'expired', purged: 'removed from UCCX (daily purge)', repushed: 'sent to UCCX again',
    edited: 'details corrected', call_outcome: 'call outcome recorded by the agent',
  },
  pl: {
    booked: 'zarezerwowane', rescheduled: 'przełożone', reassigned: 'przypisane ponownie', cancelled: 'anulowane', claimed: 'pobrane do wysłania',
    imported: 'wysłane do UCCX', import_failed: 'UCCX nie przyjął', dial_result: 'wynik UCCX', answered: 'klient odebrał',
    confirmed: 'klient nacisnął 1', not_confirmed: 'klient nie potwierdził', abandoned: 'klient się rozłączył', routed: 'skierowane',
    fallback_to_skill: 'konsultant niedostępny: do grupy', arrived: 'dotarło do konsultanta', completed: 'zakończone',
    retry_scheduled: 'zaplanowano ponowienie', failed: 'nieudane', expired: 'wygasłe', purged: 'usunięte z UCCX (czyszczenie)', repushed: 'ponownie wysłane do UCCX',
    edited: 'poprawiono dane', call_outcome: 'konsultant zapisał wynik rozmowy',
  },
};

const REASONS: Record<Locale, Texts> = {
  en: {
    invalid_number: 'the number does not exist', wrong_number: 'wrong number', do_not_call: 'the number is on the do-not-call list',
    max_attempts: 'no answer after the last attempt', rejected_by_uccx: 'UCCX refused the contact', dropped_by_uccx: 'UCCX did not keep the contact',
    fax: 'a fax answered', cancelled_by_user: 'cancelled by a person', reached_inbound: 'the customer called in first', deadline: 'no news from UCCX in time',
  },
  pl: {
    invalid_number: 'numer nie istnieje', wrong_number: 'błędny numer', do_not_call: 'numer na liście „nie dzwonić”',
    max_attempts: 'brak odpowiedzi po ostatniej próbie', rejected_by_uccx: 'UCCX odrzucił kontakt', dropped_by_uccx: 'UCCX nie zachował kontaktu',
    fax: 'odebrał faks', cancelled_by_user: 'anulowane przez osobę', reached_inbound: 'klient zadzwonił pierwszy', deadline: 'brak wieści z UCCX na czas',
  },
};

const RESULTS: Record<Locale, Texts> = {
  en: {
    voice: 'answered', busy: 'busy', no_answer: 'no answer', answering_machine: 'answering machine', invalid: 'invalid number', fax: 'fax',
    do_not_call: 'do not call', wrong_number: 'wrong number', wrong_person: 'wrong person', abandoned: 'abandoned (no IVR port)',
    gateway_failure: 'call failed in the network', customer_abandoned: 'customer hung up', not_confirmed: 'not confirmed', import_failed: 'not sent yet', import_uncertain: 'not confirmed by UCCX yet',
  },
  pl: {
    voice: 'odebrane', busy: 'zajęte', no_answer: 'brak odpowiedzi', answering_machine: 'automatyczna sekretarka', invalid: 'błędny numer', fax: 'faks',
    do_not_call: 'nie dzwonić', wrong_number: 'błędny numer', wrong_person: 'inna osoba', abandoned: 'porzucone (brak portu IVR)',
    gateway_failure: 'błąd połączenia w sieci', customer_abandoned: 'klient się rozłączył', not_confirmed: 'niepotwierdzone', import_failed: 'jeszcze nie wysłane', import_uncertain: 'UCCX jeszcze nie potwierdził',
  },
};

const OUTCOMES: Record<Locale, Texts> = {
  en: { reached: 'agent: customer reached', not_reached: 'agent: customer not reached', reschedule: 'agent: a new time was agreed' },
  pl: { reached: 'konsultant: klient osiągnięty', not_reached: 'konsultant: nie udało się porozmawiać', reschedule: 'konsultant: uzgodniono nowy termin' },
};

const pick = (table: Record<Locale, Texts>, locale: Locale, code: string | null | undefined) => (code ? table[locale][code] ?? table.en[code] ?? code : '');

export const eventText = (locale: Locale, event: string) => pick(EVENTS, locale, event);
export const reasonText = (locale: Locale, reason: string | null | undefined) => pick(REASONS, locale, reason);
export const resultText = (locale: Locale, result: string | null | undefined) => pick(RESULTS, locale, result);

/** The detail worth a line in the timeline: the result, the reason, the next try or the target. */
export function eventDetail(locale: Locale, details: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof details.outcome === 'string') parts.push(pick(OUTCOMES, locale, details.outcome));
  if (typeof details.result === 'string') parts.push(resultText(locale, details.result));
  if (typeof details.reason === 'string') parts.push(reasonText(locale, details.reason));
  if (typeof details.target === 'string') parts.push([details.target, details.agentId ?? details.csq ?? details.script].filter(Boolean).join(' '));
  if (typeof details.nextAttemptAt === 'string') parts.push(`→ ${formatDateTime(locale, details.nextAttemptAt)}`);
  return parts.filter(Boolean).join(' · ');
}
