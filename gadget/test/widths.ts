// Narrow layouts: a Finesse column can be 300 px wide. These helpers put a component in a box of
// each width the gadget must work at and report what spills out of it (clipped or off-screen
// controls), walking into nested shadow roots.

/** The widths every view must work at: a narrow gadget column, half a screen, a wide column. */
export const WIDTHS = [300, 450, 700] as const;

const CONTROLS = 'button, input, select, textarea, a[href], [role="button"], [tabindex]:not([tabindex="-1"])';

function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

const visible = (el: Element) => {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
};

/** Describes each visible control that does not lie wholly inside box (1 px of rounding allowed). */
export function controlsOutside(box: Element, root: ParentNode = box): string[] {
  const limit = box.getBoundingClientRect();
  const out: string[] = [];
  for (const el of deepElements(root)) {
    if (!el.matches(CONTROLS) || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < limit.left - 1 || r.right > limit.right + 1) {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label}" spans ${Math.round(r.left - limit.left)}..${Math.round(r.right - limit.left)} px of ${Math.round(limit.width)}`);
    }
  }
  return out;
}

/** Sets the component's box to width px (a block, as a gadget column) and waits for layout. */
export async function setWidth(el: HTMLElement, width: number): Promise<void> {
  el.style.display = 'block';
  el.style.width = `${width}px`;
  el.style.boxSizing = 'border-box';
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** True when the component scrolls sideways inside its own box (a table wider than the column). */
export const scrollsSideways = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;
