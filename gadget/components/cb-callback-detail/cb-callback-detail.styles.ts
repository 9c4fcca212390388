import { css } from 'lit';

export default css`
  :host { display: block; border: 1px solid #d5dbe1; border-radius: 3px; padding: 8px; margin: 6px 0; background: #fafbfc; }
  .head { display: flex; gap: 6px; align-items: start; justify-content: space-between; }
  .head h4 { margin: 0 0 6px; min-width: 0; overflow-wrap: anywhere; }
  .close { flex: none; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 8px; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
  ol { margin: 0; padding-left: 18px; }
  li { margin-bottom: 2px; }
  .when { color: #4a5663; }
  .actions { display: flex; gap: 4px; flex-wrap: wrap; align-items: start; margin: 0 0 8px; }
  .actions cb-callback-actions { flex: 1 1 auto; min-width: 0; }
  cb-callback-edit { margin: 0 0 8px; }
`;
