// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// The service dashboard draws a chart from each table marked data-chart; the tables stay as they are.
if (document.querySelector('table[data-chart]')) {
  import('/static/hearth/dashboard.js').then((m) => m.drawCharts()).catch(() => {});
}
