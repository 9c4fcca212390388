import { css } from 'lit';

export default css`
  :host { display: block; }
  .status { min-height: 1.4em; margin: 2px 0 0; }
`;
