import { css } from 'lit';

export default css`
  :host { display: block; }
  .week { display: flex; align-items: center; gap: 6px; margin-bottom: 4px; }
  .week .range { flex: 1; text-align: center; margin: 0; font-weight: 600; }
  .week button { min-width: 36px; font-size: 16px; line-height: 1; padding: 4px 8px; }
  .days { display: grid; grid-template-columns: repeat(auto-fill, minmax(56px, 1fr)); gap: 4px; margin-bottom: 8px; }
  .day { min-width: 0; padding: 4px 2px; text-align: center; line-height: 1.2; }
  .day[aria-pressed='true'] { background: #0d5cab; color: #fff; }
  .slots { display: grid; grid-template-columns: repeat(auto-fill, minmax(92px, 1fr)); gap: 4px; }
  .slot { min-width: 0; text-align: left; line-height: 1.2; border-width: 1px 1px 1px 5px; }
  .slot small { display: block; font-size: 11px; }
  .slot .agent { font-size: 11px; }
  .slot.high { border-left-color: #2e7d32; background: #e8f5e9; color: #1b3d1e; }
  .slot.mid { border-left-color: #f9a825; background: #fff8e1; color: #4a3800; }
  .slot.low { border-left-color: #c62828; background: #ffebee; color: #5c1010; }
  .slot.closed { border-color: #b0b8c1; background: #eceff1; color: #37474f; grid-column: 1 / -1; opacity: 1; }
  .slot[aria-pressed='true'] { outline: 3px solid #0d5cab; outline-offset: 0; font-weight: 700; }
  .day.high { border-bottom: 4px solid #2e7d32; }
  .day.mid { border-bottom: 4px solid #f9a825; }
  .day.low { border-bottom: 4px solid #c62828; }
  .day.none { border-bottom: 4px solid #b0b8c1; }
`;
