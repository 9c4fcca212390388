// How the desktop presents a callback call that the Callback IVR script queued to an agent. Cisco
// documents the BA* call variables (BAAccountNumber, BACustomerNumber, …) for Outbound Option
// *agent* calls; an IVR-campaign call reaches the agent through the script's Select Resource like an
// inbound ACD call, carrying only what the script set with Set Enterprise Call Info. The script
// guide has it set one call variable (default callVariable10) to the account number before queueing.
import type { PresentedCall } from './call-hub.ts';

/** Default of the simulator's `accountVariable` (the gadget preference of the same name). */
export const DEFAULT_ACCOUNT_VARIABLE = 'callVariable10';

/** What the UCCX simulator's dialer reports when the script routed a call (its `routed` event). */
export interface RoutedCallback {
  accountNumber: string;
  /** The contact's variables as UCCX holds them (BA* names); only the number is used here. */
  callVariables: Record<string, string>;
}

export interface IvrPresentationOptions {
  /** The call variable the script sets (callVariable1..10); default callVariable10. */
  accountVariable?: string;
}

/**
 * The dialog an IVR-routed callback call shows at the agent: call type ACD_IN, the customer's
 * number (as UCCX dialled it) as the calling party, no BA* variables, the account number in the
 * script's call variable. Call variables hold at most 40 bytes (Finesse Dialog API parameters).
 */
export function ivrRoutedPresentation(routed: RoutedCallback, options: IvrPresentationOptions = {}): PresentedCall {
  const variable = options.accountVariable || DEFAULT_ACCOUNT_VARIABLE;
  return {
    callType: 'ACD_IN',
    fromAddress: routed.callVariables.BACustomerNumber ?? '',
    callVariables: { [variable]: routed.accountNumber.slice(0, 40) },
  };
}
