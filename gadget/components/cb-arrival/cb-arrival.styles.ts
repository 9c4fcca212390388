import { css } from 'lit';

export default css`
  :host { display: block; }
  section { border: 2px solid #0d5cab; border-radius: 4px; padding: 8px 10px; background: #e3f2fd; margin-bottom: 10px; }
  h2 { font-size: 15px; margin: 0 0 4px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .notes { white-space: pre-wrap; background: #fff; border: 1px solid #c5d5e6; padding: 4px 6px; border-radius: 3px; }
`;
