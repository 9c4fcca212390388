// Small pieces the callback lists share: a search that runs once the user pauses, and focus put
// back on an element once the host has rendered (after a panel closes).
import type { ReactiveElement } from 'lit';

/** Calls `run` `ms` after the last `schedule()`; `cancel()` drops a pending call. */
export function debounced(run: () => void, ms = 300): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule: () => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Focuses the element `selector` finds in the host's shadow root once its next render is done. */
export async function focusAfterRender(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

type Actions = HTMLElement & { focusFirst?: () => boolean };

const rowIds = (host: ReactiveElement): string[] => [...host.renderRoot.querySelectorAll('tr[data-id]')].map((r) => r.getAttribute('data-id') as string);

/** A row's first action button, else its Details button; false when the row is gone. */
function focusRow(host: ReactiveElement, id: string): boolean {
  const row = host.renderRoot.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
  if (!row) return false;
  if ((row.querySelector('cb-callback-actions') as Actions | null)?.focusFirst?.()) return true;
  const detail = row.querySelector<HTMLElement>('[data-detail]');
  detail?.focus();
  return Boolean(detail);
}

/**
 * Where the focus goes after an action on row `id` (call before the list changes, await the result
 * after): a reschedule or reassign keeps it on the row while it is listed; a cancel, or a row that
 * left the list, moves it to the next row, else to the list's heading.
 */
export function focusAfterAction(host: ReactiveElement, id: string, action: string, heading: string): () => Promise<void> {
  const order = rowIds(host);
  const after = order.slice(order.indexOf(id) + 1);
  return async () => {
    await host.updateComplete;
    // The rows' own buttons render after the list does.
    await Promise.all([...host.renderRoot.querySelectorAll('cb-callback-actions')].map((a) => (a as unknown as ReactiveElement).updateComplete));
    if (action !== 'cancel' && focusRow(host, id)) return;
    for (const next of after) if (next !== id && focusRow(host, next)) return;
    host.renderRoot.querySelector<HTMLElement>(heading)?.focus();
  };
}

/** After "Load more": the focus goes to the first row that was not there before (else `fallback`). */
export async function focusFirstNew(host: ReactiveElement, before: Set<string>, fallback: string): Promise<void> {
  await host.updateComplete;
  const first = rowIds(host).find((id) => !before.has(id));
  const target = first ? host.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(first)}"] [data-detail]`) : null;
  (target ?? host.renderRoot.querySelector<HTMLElement>(fallback))?.focus();
}
