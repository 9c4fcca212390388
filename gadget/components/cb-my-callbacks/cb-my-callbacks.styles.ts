import { css } from 'lit';

export default css`
  :host { display: block; }
  .toolbar { display: flex; justify-content: flex-end; margin-bottom: 6px; }
  .alert { background: #fff3cd; border-left: 5px solid #f9a825; color: #4a3800; padding: 6px 8px; font-weight: 600; }
  section { margin-bottom: 10px; }
  h3 { font-size: 13px; margin: 8px 0 4px; }
  h3 .count { font-weight: normal; color: #4a5663; }
  section.overdue h3 { color: #b00020; }
  section.dueSoon h3 { color: #8a5a00; }
  .status { white-space: nowrap; }
`;
