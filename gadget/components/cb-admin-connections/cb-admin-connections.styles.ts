import { css } from 'lit';

export default css`
  .cards { list-style: none; padding: 0; margin: 0 0 8px; display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 8px; }
  .card { border: 1px solid #d5dbe1; border-left-width: 4px; border-radius: 3px; padding: 6px 8px; min-width: 0; }
  .card.ok { border-left-color: #1b5e20; }
  .card.failing { border-left-color: #b00020; }
  .card.unknown { border-left-color: #8a96a3; }
  h3 { font-size: 14px; margin: 0 0 4px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .state-ok { color: #1b5e20; }
  .state-failing { color: #b00020; }
`;
