// Charts for the service dashboard, drawn from the figures' own tables: each <table data-chart="bar|stacked|line|
// doughnut"> gives its row headers as labels and its cells' data-value as the numbers, so a chart can never show a
// figure its table does not. data-series lists the columns to plot (all when empty); data-percent marks percentages.
// Without JavaScript, or if Chart.js cannot load, the tables alone are the report.

// GOV.UK colour palette, in an order that keeps neighbouring series distinct.
const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#912b88', '#d4351c', '#28a197', '#6f72af', '#b58840', '#505a5f',
  '#f499be'];

function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/static/chartjs/chart.umd.min.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

function readTable(table) {
  const headers = [...table.tHead.rows[0].cells].slice(1).map((th) => th.textContent.trim());
  const wanted = (table.dataset.series || '').split(',').filter((s) => s !== '').map(Number);
  const columns = wanted.length ? wanted : headers.map((_, i) => i);
  const labels = [];
  const values = columns.map(() => []);
  for (const row of table.tBodies[0].rows) {
    const cells = [...row.cells];
    if (cells[0].tagName !== 'TH') continue; // the "nothing in this period" row
    labels.push(cells[0].textContent.trim());
    columns.forEach((c, i) => {
      const raw = cells[c + 1] ? cells[c + 1].dataset.value : '';
      values[i].push(raw === '' || raw === undefined ? null : Number(raw));
    });
  }
  return { labels, datasets: columns.map((c, i) => ({ label: headers[c], data: values[i] })) };
}

function chartConfig(kind, data, percent) {
  const doughnut = kind === 'doughnut';
  data.datasets.forEach((d, i) => {
    d.backgroundColor = doughnut ? COLOURS.slice(0, d.data.length) : COLOURS[i % COLOURS.length];
    d.borderColor = doughnut ? '#ffffff' : COLOURS[i % COLOURS.length];
  });
  const suffix = percent ? '%' : '';
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: doughnut || data.datasets.length > 1, position: 'bottom' },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.formattedValue}${suffix}` } },
    },
  };
  if (!doughnut) {
    const stacked = kind === 'stacked';
    options.scales = { x: { stacked }, y: { stacked, beginAtZero: true } };
  }
  return { type: doughnut ? 'doughnut' : kind === 'line' ? 'line' : 'bar', data, options };
}

export async function drawCharts() {
  const Chart = await loadChartJs();
  for (const table of document.querySelectorAll('table[data-chart]')) {
    const holder = document.querySelector(`[data-chart-for="${table.id}"]`);
    if (!holder) continue;
    const data = readTable(table);
    if (data.labels.length === 0) continue;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.caption ? table.caption.textContent.trim() : '');
    holder.appendChild(canvas);
    holder.hidden = false;
    // The table beside the chart carries the numbers for screen readers; the chart is a picture of it.
    new Chart(canvas, chartConfig(table.dataset.chart, data, table.dataset.percent === 'true'));
  }
}
