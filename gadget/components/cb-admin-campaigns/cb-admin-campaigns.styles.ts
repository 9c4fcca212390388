import { css } from 'lit';

export default css`
  :host { display: block; }
  .list { margin-bottom: 12px; }
  form { display: grid; gap: 8px; max-width: 640px; }
  .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px; }
  fieldset { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; }
  legend { font-weight: 600; }
  .rule { display: grid; grid-template-columns: 1fr 80px 1fr auto; gap: 6px; align-items: end; margin-bottom: 4px; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  .field-error { color: #b00020; font-size: 12px; }
  output { font-family: monospace; }
`;
