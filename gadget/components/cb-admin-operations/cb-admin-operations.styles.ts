import { css } from 'lit';

export default css`
  :host { display: block; }
  section { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; margin-bottom: 12px; max-width: 640px; }
  h2 { font-size: 15px; margin: 0 0 6px; }
  .row { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: end; }
  .row > div { display: flex; flex-direction: column; min-width: 0; }
  input, select { max-width: 100%; min-width: 0; }
  dl { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 6px 0; }
  dd { margin: 0; }
  progress { width: 100%; max-width: 320px; }
`;
