import { css } from 'lit';

export default css`
  .dates { list-style: none; padding: 0; margin: 4px 0; display: grid; gap: 2px; }
  .dates li { display: flex; gap: 8px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
  .add { display: grid; grid-template-columns: 1fr auto; gap: 6px; align-items: end; }
  .preview { max-height: 240px; overflow-y: auto; }
  .preview li { justify-content: flex-start; }
  time { font-family: monospace; }
`;
