import { css } from 'lit';

export default css`
  /* The host is the container the card layout of the lists (base.styles.ts) measures. */
  :host { display: block; container-type: inline-size; }
  h3 { font-size: 13px; margin: 8px 0 4px; }
  h3 .count { font-weight: normal; color: #4a5663; }
  h3:focus { outline: 2px solid #ff9800; }
  .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(130px, 100%), 1fr)); gap: 6px; border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; margin: 0 0 8px; }
  .filters legend { font-weight: 600; }
  .counts { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 0 0 8px; }
  .counts button { border-radius: 12px; padding: 2px 10px; }
  .counts button[aria-pressed='true'] { background: #0d5cab; color: #fff; }
  .live { font-size: 12px; margin: 0 0 6px; }
  .live.on::before { content: '● '; color: #2e7d32; }
  .live.off::before { content: '● '; color: #9e9e9e; }
  tr.changed { animation: flash 1.5s ease-out; }
  @keyframes flash { from { background: #fff59d; } to { background: transparent; } }
`;
