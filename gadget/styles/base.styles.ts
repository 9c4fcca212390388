import { css } from 'lit';

/** Shared look of the gadget's components (Finesse-like: compact, high contrast, visible focus). */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font: 13px/1.4 Arial, Helvetica, sans-serif;
    color: #1c2530;
  }
  *, *::before, *::after { box-sizing: inherit; }
  [hidden] { display: none !important; }
  label { font-weight: 600; display: block; margin-bottom: 2px; }
  input, select, textarea, button { font: inherit; }
  input, select, textarea {
    width: 100%;
    padding: 4px 6px;
    border: 1px solid #8a96a3;
    border-radius: 3px;
    background: #fff;
    color: inherit;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: #b00020; }
  button {
    padding: 4px 10px;
    border: 1px solid #0d5cab;
    border-radius: 3px;
    background: #fff;
    color: #0d5cab;
    cursor: pointer;
  }
  button.primary { background: #0d5cab; color: #fff; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  :focus-visible { outline: 2px solid #ff9800; outline-offset: 1px; }
  .error { color: #b00020; }
  .hint { color: #4a5663; font-size: 12px; }
  .ok { color: #1b5e20; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #d5dbe1; vertical-align: top; }
  th { font-weight: 600; background: #f2f4f7; }
  table.cards td { overflow-wrap: anywhere; }
  .cell-notes { color: #4a5663; font-style: italic; }
  /* Lists (table.cards) turn into one card per callback when their host (a container) is narrow,
     as in a 300 px Finesse column: no sideways scrolling, every action stays in view. */
  @container (max-width: 600px) {
    table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
    table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    /* A card puts its fields side by side where two or three fit; the actions take a whole line. */
    table.cards tr[data-id] { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 2px 8px; border: 1px solid #d5dbe1; border-radius: 4px; padding: 4px 8px; margin-top: 6px; }
    table.cards td.card-wide { grid-column: 1 / -1; }
    table.cards tr.detail { padding: 0 0 0 8px; }
    table.cards td { border-bottom: none; padding: 2px 0; }
    table.cards td[data-label]::before { content: attr(data-label); display: block; font-size: 11px; font-weight: 600; color: #4a5663; }
  }
`;
