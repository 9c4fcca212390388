import { css } from 'lit';

export default css`
  :host { display: block; }
  section { border: 1px solid #d5dbe1; border-radius: 3px; padding: 6px 8px; margin-top: 4px; }
  .title { font-weight: 600; margin: 0 0 2px; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
  .actions .error { flex: 1 1 100%; margin: 0; }
`;
