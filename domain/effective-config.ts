// Which value applies when a campaign or skill may override a global setting (migration 0018):
// the most specific one that is set. Pure, so the IVR lookup and the purge job agree.
import type { Campaign, GlobalRules, Skill } from './types.ts';

type Fallback = Pick<Skill, 'personalFallbackSeconds'> | null | undefined;

/** Seconds a personal callback waits for its agent: the fallback skill's, else the campaign's, else the global rule. */
export function effectiveFallbackSeconds(rules: Pick<GlobalRules, 'personalFallbackSeconds'>, campaign: Fallback, skill: Fallback): number {
  return skill?.personalFallbackSeconds ?? campaign?.personalFallbackSeconds ?? rules.personalFallbackSeconds;
}

/** The campaign's daily purge time ("HH:MM"), else the global CM_PURGE_AT. */
export function effectivePurgeAt(campaign: Pick<Campaign, 'purgeAt'>, globalPurgeAt: string): string {
  return campaign.purgeAt ?? globalPurgeAt;
}
