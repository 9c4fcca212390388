import { createContext } from '@lit/context';

/** The call at the agent's desktop (a Finesse dialog), reduced to what the gadget needs. */
export interface CurrentCall {
  dialogId: string;
  /** Finesse callType, e.g. OUTBOUND, ACD_IN, INBOUND. */
  callType: string;
  direction: 'outbound' | 'inbound';
  fromAddress: string;
  dnis: string;
  /** The flattened call variables (callVariable1..10, user.*, BA*). */
  variables: Record<string, string>;
  /** BAAccountNumber: set on outbound campaign calls, including callback calls. */
  accountNumber: string | null;
  /** The number to call back: BACustomerNumber on outbound calls, else the caller's number. */
  customerNumber: string;
  /** BABuddyName */
  customerName: string;
  /** BACampaign */
  campaign: string | null;
}

export const callContext = createContext<CurrentCall | null | undefined>(Symbol('cb-call'));
