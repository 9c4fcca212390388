import { css } from 'lit';

export default css`
  :host { display: block; }
  .list { overflow-x: auto; margin-bottom: 12px; }
  form { display: grid; gap: 8px; max-width: 640px; }
  fieldset { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
  legend { font-weight: 600; }
  input:not([type='checkbox']) { max-width: 100%; min-width: 0; box-sizing: border-box; }
  .key { border: 2px solid #8a6d00; border-radius: 3px; padding: 6px 8px; max-width: 640px; }
  .key input { width: 100%; font-family: monospace; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  .revoked { color: #4a5663; }
`;
