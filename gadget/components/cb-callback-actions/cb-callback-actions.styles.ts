import { css } from 'lit';

export default css`
  :host { display: block; }
  .buttons { display: flex; gap: 4px; flex-wrap: wrap; }
  .panel { margin-top: 6px; display: flex; gap: 6px; align-items: end; flex-wrap: wrap; }
  .panel > div { flex: 1 1 160px; }
`;
