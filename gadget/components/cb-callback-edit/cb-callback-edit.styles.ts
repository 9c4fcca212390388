import { css } from 'lit';

export default css`
  :host { display: block; }
  form { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 6px 10px; }
  .wide { grid-column: 1 / -1; }
  .field .error { margin: 2px 0 0; font-size: 12px; }
  textarea { min-height: 3.5em; resize: vertical; }
  .buttons { grid-column: 1 / -1; display: flex; gap: 6px; flex-wrap: wrap; }
  .form-error { grid-column: 1 / -1; margin: 0; }
`;
