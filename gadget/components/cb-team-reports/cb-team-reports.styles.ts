import { css } from 'lit';

export default css`
  :host { display: block; margin-top: 12px; }
  details { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; }
  summary { font-weight: 600; cursor: pointer; }
  form { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: end; margin: 6px 0; }
  form > div { display: flex; flex-direction: column; min-width: 0; }
  input[type='date'] { max-width: 100%; min-width: 0; }
  .chart { overflow-x: auto; }
`;
