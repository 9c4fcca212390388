import { css } from 'lit';

export default css`
  td.what { font-family: monospace; word-break: break-word; }
`;
