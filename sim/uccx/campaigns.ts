// UCCX campaigns as the admin API shows them (GET /adminapi/campaign), in XML or JSON.
import { XMLBuilder } from 'fast-xml-parser';

export interface SimCampaign {
  campaignId: number;
  campaignName: string;
  /** Caller id presented to the customer (E.164, ≤ 16). */
  callingNumber: string;
  startTime: string;
  endTime: string;
  maxDialAttempts: number;
  /** Seconds before a busy / no-answer contact is dialled again. */
  retryNoAnswerDelay: number;
  retryBusySignalDelay: number;
  enabled?: boolean;
  description?: string;
  /** Used when an add-contacts body leaves allowDuplicateContacts out (default false). */
  allowDuplicateContacts?: boolean;
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

export function campaignView(c: SimCampaign, baseUrl: string) {
  return {
    self: `${baseUrl}/adminapi/campaign/${c.campaignId}`,
    campaignId: c.campaignId,
    campaignName: c.campaignName,
    enabled: c.enabled !== false,
    description: c.description ?? 'Callback campaign',
    startTime: c.startTime,
    endTime: c.endTime,
    campaignType: 'IVR',
    dialerType: 'PROGRESSIVE',
    typeSpecificInfo: {
      obIvrProgressive: {
        campaignCallingNum: c.callingNumber,
        applicationTrigger: { '@name': 'CallbackIVR', refURL: `${baseUrl}/adminapi/trigger/1` },
        maxDialAttempts: c.maxDialAttempts,
        callbackTimeLimit: 15,
        noAnswerRingLimit: 15,
        linesPerPort: 1,
        retryNoAnswerDelay: c.retryNoAnswerDelay,
        retryBusySignalDelay: c.retryBusySignalDelay,
        ansMachineTreatment: 'ABANDON',
      },
    },
  };
}

const withoutAttrs = (v: ReturnType<typeof campaignView>) => {
  const { applicationTrigger, ...ivr } = v.typeSpecificInfo.obIvrProgressive;
  return { ...v, typeSpecificInfo: { obIvrProgressive: { ...ivr, applicationTrigger: { name: applicationTrigger['@name'], refURL: applicationTrigger.refURL } } } };
};

export function campaignListXml(list: SimCampaign[], baseUrl: string): string {
  const campaigns = list.map((c) => withoutAttrs(campaignView(c, baseUrl)));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${builder.build({ campaigns: { campaign: campaigns } })}`;
}

export function campaignXml(c: SimCampaign, baseUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${builder.build({ campaign: withoutAttrs(campaignView(c, baseUrl)) })}`;
}

export const campaignJson = (c: SimCampaign, baseUrl: string) => withoutAttrs(campaignView(c, baseUrl));

/** UCCX-like error body: <apiErrors><apiError>… */
export function apiErrorXml(type: string, message: string, data = ''): string {
  const esc = (s: string) => s.replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch] as string);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><apiErrors><apiError><errorType>${esc(type)}</errorType><errorMessage>${esc(message)}</errorMessage><errorData>${esc(data)}</errorData></apiError></apiErrors>`;
}
