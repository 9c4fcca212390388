// Callback report as a chart (Chart.js, a maintained charting library) and as the same figures in a
// table, so screen readers and CSV users get every number the chart shows.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Report } from '../../admin/admin-api.ts';
import { baseStyles } from '../../styles/base.styles.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const SERIES = [
  ['completed', '#1b5e20'],
  ['failed', '#b00020'],
  ['expired', '#8a6d00'],
  ['cancelled', '#4a5663'],
  ['active', '#0d5cab'],
] as const;

const pct = (v: number | null) => (v == null ? '—' : `${Math.round(v * 100)} %`);
const secs = (v: number | null) => (v == null ? '—' : `${v} s`);

@customElement('cb-report-chart')
export class CbReportChart extends LitElement {
  // In a narrow column the chart shrinks, the day table scrolls inside its own (focusable) region and
  // the figures' labels wrap: the component itself never scrolls sideways.
  static override styles = [baseStyles, css`
    :host { display: block; min-width: 0; }
    .chart { position: relative; height: 240px; width: 100%; max-width: 720px; }
    .table { max-width: 100%; overflow-x: auto; }
    dl { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 12px; }
    dt { overflow-wrap: anywhere; }
  `];

  @property({ attribute: false }) report: Report | null = null;
  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart: Chart | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('report') || !this.canvas || !this.report) return;
    const labels = this.report.byDay.map((d) => d.day);
    const datasets = SERIES.map(([key, color]) => ({ label: key, data: this.report!.byDay.map((d) => d[key]), backgroundColor: color, stack: 'callbacks' }));
    if (this.chart) {
      this.chart.data = { labels, datasets };
      this.chart.update();
    } else {
      this.chart = new Chart(this.canvas, { type: 'bar', data: { labels, datasets }, options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
    }
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`
      <div class="chart"><canvas role="img" aria-label="Callbacks per day by outcome (the table below has the same figures)"></canvas></div>
      <div class="table" tabindex="0" role="region" aria-label="Callbacks per day"><table>
        <caption>Callbacks per day</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Booked</th>${SERIES.map(([k]) => html`<th scope="col">${k}</th>`)}</tr></thead>
        <tbody>${r.byDay.map((d) => html`<tr><th scope="row">${d.day}</th><td>${d.booked}</td>${SERIES.map(([k]) => html`<td>${d[k]}</td>`)}</tr>`)}</tbody>
      </table></div>
      <dl>
        <dt>Imported within ${r.onTime.import.goalSeconds} s of the promise</dt><dd>${pct(r.onTime.import.withinGoal)} (p90 ${secs(r.onTime.import.p90)})</dd>
        <dt>Agent connected within ${r.onTime.connect.goalSeconds} s</dt><dd>${pct(r.onTime.connect.withinGoal)} (p90 ${secs(r.onTime.connect.p90)})</dd>
        <dt>Personal callbacks that fell back to the skill</dt><dd>${pct(r.fallbackRate)}</dd>
        <dt>Completed because the customer called in first</dt><dd>${pct(r.reachedInboundRate)}</dd>
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-report-chart': CbReportChart;
  }
}
