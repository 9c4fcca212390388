import { css } from 'lit';

export default css`
  /* The host is the container the card layout of the lists (base.styles.ts) measures. */
  :host { display: block; container-type: inline-size; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 4px; justify-content: flex-end; margin-bottom: 6px; }
  .toolbar input { flex: 1 1 160px; min-width: 0; }
  .toolbar select { flex: 0 1 auto; width: auto; max-width: 100%; }
  h3:focus { outline: 2px solid #ff9800; }
  .alert { background: #fff3cd; border-left: 5px solid #f9a825; color: #4a3800; padding: 6px 8px; font-weight: 600; }
  section { margin-bottom: 10px; }
  h3 { font-size: 13px; margin: 8px 0 4px; }
  h3 .count { font-weight: normal; color: #4a5663; }
  section.overdue h3 { color: #b00020; }
  section.dueSoon h3 { color: #8a5a00; }
  .status { white-space: nowrap; }
`;
