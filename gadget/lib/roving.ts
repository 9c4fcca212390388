// Roving focus for a group of buttons: one tab stop, arrow keys / Home / End move inside it.

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** Moves the focus among `items` for an arrow/Home/End key; returns the newly focused item or null. */
export function rovingKeydown(e: KeyboardEvent, items: HTMLElement[], active: Element | null): HTMLElement | null {
  const move = MOVES[e.key];
  if (!move || items.length === 0) return null;
  e.preventDefault();
  const current = Math.max(0, items.indexOf(active as HTMLElement));
  const next = items[move(current, items.length)];
  for (const item of items) item.tabIndex = item === next ? 0 : -1;
  next.focus();
  return next;
}
