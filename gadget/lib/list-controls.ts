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
