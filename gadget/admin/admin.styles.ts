// Shared look of the admin components. Tables stack into labelled rows in a narrow column (a
// Finesse admin gadget can be 300 px wide), so no control is pushed off the side.
import { css } from 'lit';

export const adminStyles = css`
  :host { display: block; container-type: inline-size; }
  form { display: grid; gap: 8px; max-width: 640px; }
  .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 8px; }
  fieldset { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; min-width: 0; }
  legend { font-weight: 600; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  .field-error { color: #b00020; font-size: 12px; }
  .list { margin-bottom: 12px; }
  input[type='checkbox'] { width: auto; vertical-align: middle; }
  label.inline { display: inline; font-weight: 400; }
  .tag { font-size: 11px; color: #1b5e20; }
  .list td .actions { gap: 4px; }
  @container (max-width: 520px) {
    .list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .list, .list tbody, .list tr, .list td { display: block; width: 100%; }
    .list tr { border-bottom: 1px solid #d5dbe1; padding: 4px 0; }
    .list td { border: 0; padding: 2px 4px; overflow-wrap: anywhere; }
    .list td[data-label]::before { content: attr(data-label) ': '; font-weight: 600; }
  }
`;
