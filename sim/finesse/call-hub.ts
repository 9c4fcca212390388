// The telephony side of the Finesse simulator: the dialogs (calls) present at each agent, pushed
// to the agent's open desktop page over server-sent events. The host page turns them into the
// Dialog objects of its finesse.js shim, as the real Finesse notifier turns CTI events into dialogs.
import { EventEmitter } from 'node:events';

export interface PresentedCall {
  /** OUTBOUND (agent outbound, BA* variables), INBOUND, or ACD_IN (queued by a script to the agent). */
  callType: 'OUTBOUND' | 'INBOUND' | 'ACD_IN';
  fromAddress: string;
  dnis?: string;
  callVariables: Record<string, string>;
}

/** A call as the desktop sees it: a Finesse dialog. */
export interface SimDialog extends PresentedCall {
  id: string;
  agentId: string;
  state: 'ACTIVE';
  startedAt: string;
}

export type HubEvent = { type: 'call'; dialog: SimDialog } | { type: 'end'; dialogId: string; agentId: string };

export class CallHub {
  private readonly dialogs = new Map<string, SimDialog[]>();
  private readonly events = new EventEmitter();
  private next = 1;

  constructor() {
    this.events.setMaxListeners(0);
  }

  /** Presents a call at an agent's desktop; returns the new dialog. */
  present(agentId: string, call: PresentedCall): SimDialog {
    const dialog: SimDialog = {
      id: String(this.next++ + 16_000_000),
      agentId,
      callType: call.callType,
      fromAddress: call.fromAddress,
      dnis: call.dnis,
      callVariables: { ...call.callVariables },
      state: 'ACTIVE',
      startedAt: new Date().toISOString(),
    };
    this.dialogs.set(agentId, [...this.active(agentId), dialog]);
    this.events.emit(agentId, { type: 'call', dialog } satisfies HubEvent);
    return dialog;
  }

  /** Ends one call of the agent, or all of them without a dialog id. Returns how many ended. */
  end(agentId: string, dialogId?: string): number {
    const current = this.active(agentId);
    const ending = dialogId ? current.filter((d) => d.id === dialogId) : current;
    this.dialogs.set(agentId, current.filter((d) => !ending.includes(d)));
    for (const d of ending) this.events.emit(agentId, { type: 'end', dialogId: d.id, agentId } satisfies HubEvent);
    return ending.length;
  }

  active(agentId: string): SimDialog[] {
    return this.dialogs.get(agentId) ?? [];
  }

  /** Follows one agent's calls; returns the unsubscribe function. */
  listen(agentId: string, listener: (e: HubEvent) => void): () => void {
    this.events.on(agentId, listener);
    return () => this.events.off(agentId, listener);
  }
}
