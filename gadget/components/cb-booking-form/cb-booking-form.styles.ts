import { css } from 'lit';

export default css`
  :host { display: block; }
  form { display: grid; gap: 10px; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
  fieldset { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; margin: 0; }
  legend { font-weight: 600; padding: 0 4px; }
  .radio { display: flex; gap: 6px; align-items: center; font-weight: normal; }
  .radio input { width: auto; }
  .field-error { color: #b00020; margin: 2px 0 0; font-size: 12px; }
  .notice { padding: 6px 8px; border-radius: 3px; }
  .notice.success { background: #e8f5e9; color: #1b3d1e; }
  .notice.warning { background: #fff8e1; color: #4a3800; }
  .notice.failure { background: #ffebee; color: #5c1010; }
  .actions { display: flex; gap: 8px; align-items: center; }
  button[aria-disabled='true'] { opacity: 0.55; cursor: progress; }
`;
