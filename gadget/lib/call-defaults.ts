// What a booking starts from when there is a call at the desktop.
import type { Campaign } from '../api/types.ts';
import type { CurrentCall } from '../context/call-context.ts';

const digits = (s: string | null | undefined): string => (s ?? '').replace(/\D/g, '');

/** "Jan Maria Kowalski" → first "Jan Maria", last "Kowalski"; one word → first name only. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/**
 * The call's campaign (BACampaign names the UCCX campaign, or the Campaign Manager's own name),
 * else the one whose DDI the customer dialled (DNIS), else the first.
 */
export function defaultCampaign(campaigns: Campaign[], call: CurrentCall | null | undefined): string {
  if (campaigns.length === 0) return '';
  if (call?.campaign) {
    const wanted = call.campaign.toLowerCase();
    const byName = campaigns.find((c) => c.name.toLowerCase() === wanted || c.uccxCampaignName?.toLowerCase() === wanted);
    if (byName) return byName.name;
  }
  const dnis = digits(call?.dnis);
  if (dnis.length >= 3) {
    const byDdi = campaigns.find((c) => {
      const ddi = digits(c.ddi);
      return ddi.length >= 3 && (ddi.endsWith(dnis) || dnis.endsWith(ddi));
    });
    if (byDdi) return byDdi.name;
  }
  return campaigns[0].name;
}
