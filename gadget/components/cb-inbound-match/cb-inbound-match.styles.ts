import { css } from 'lit';

export default css`
  :host { display: block; }
  section { border: 2px solid #8a5a00; border-radius: 4px; padding: 8px 10px; background: #fff8e1; margin-bottom: 10px; }
  h2 { font-size: 15px; margin: 0 0 4px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { border-top: 1px solid #e0c98f; padding: 6px 0; }
  li:first-child { border-top: none; }
  .actions { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
  .notes { white-space: pre-wrap; margin: 2px 0; }
`;
