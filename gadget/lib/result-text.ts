// Human text for a write that did not go through (violations or a duplicate).
import type { BookResult } from '../api/types.ts';
import { hasMessage, t, type Locale, type MessageKey } from '../i18n/i18n.ts';

export function refusalText(locale: Locale, result: BookResult): string {
  if (result.duplicate) return t(locale, 'book.duplicate', { when: result.duplicate.scheduledAt, status: t(locale, `status.${result.duplicate.status}` as MessageKey) });
  return result.violations.map((v) => (hasMessage(`violation.${v.code}`) ? t(locale, `violation.${v.code}` as MessageKey) : v.message)).join(' ');
}

/** "Anna Nowak" for an agent id when known, else the id; a skill callback reads "skill Sales". */
export function targetText(locale: Locale, c: { agentId: string | null; skill: string | null }, agentNames: Map<string, string>): string {
  if (c.agentId) return agentNames.get(c.agentId) ?? c.agentId;
  return c.skill ? t(locale, 'target.skill', { name: c.skill }) : '';
}
