import { css } from 'lit';

export default css`
  :host { display: block; }
  form { display: flex; gap: 6px; align-items: end; flex-wrap: wrap; }
  form > div { flex: 1 1 180px; }
`;
