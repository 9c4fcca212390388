import { css } from 'lit';

export default css`
  :host { display: block; }
  .alert { display: flex; gap: 8px; align-items: center; justify-content: space-between; background: #fff3cd; border-left: 5px solid #f9a825; color: #4a3800; padding: 6px 8px; margin-bottom: 8px; font-weight: 600; }
  .alert.overdue { background: #ffebee; border-left-color: #c62828; color: #5c1010; }
`;
