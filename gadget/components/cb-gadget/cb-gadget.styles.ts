import { css } from 'lit';

export default css`
  :host { display: block; padding: 8px; background: #fff; }
  [role='tablist'] { display: flex; flex-wrap: wrap; gap: 2px; border-bottom: 2px solid #0d5cab; margin-bottom: 8px; }
  [role='tab'] { border: 1px solid #b0bec5; border-bottom: none; border-radius: 3px 3px 0 0; background: #eef1f4; color: #1c2530; padding: 5px 12px; }
  [role='tab'][aria-selected='true'] { background: #0d5cab; color: #fff; border-color: #0d5cab; }
  .user { display: block; text-align: right; font-size: 12px; color: #4a5663; margin-bottom: 4px; }
`;
