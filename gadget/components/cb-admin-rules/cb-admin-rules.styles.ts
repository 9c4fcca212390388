import { css } from 'lit';

export default css`
  :host { display: block; }
  form { display: grid; gap: 8px; max-width: 480px; }
  .field-error { color: #b00020; font-size: 12px; }
`;
