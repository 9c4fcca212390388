import { css } from 'lit';

export default css`
  .days { display: grid; grid-template-columns: minmax(80px, max-content) 1fr; gap: 4px 8px; align-items: center; }
  .days label { margin: 0; }
  .days .field-error { grid-column: 2; }
`;
