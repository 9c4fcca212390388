import { css } from 'lit';

export default css`
  :host { display: block; border: 1px solid #0d5cab; border-radius: 3px; padding: 8px; margin: 6px 0; background: #f5f9fd; }
  h3 { margin: 0 0 6px; font-size: 14px; }
  .choices { display: flex; flex-direction: column; gap: 4px; margin-bottom: 6px; }
  .choices label { font-weight: normal; display: flex; gap: 6px; align-items: baseline; margin: 0; }
  .choices input { width: auto; }
  .buttons { display: flex; gap: 6px; flex-wrap: wrap; }
`;
