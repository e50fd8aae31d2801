// The dashboard's own script: the throughput chart and the discard dialog. htmx does the polling.
(function () {
  'use strict';

  function startChart() {
    var canvas = document.getElementById('throughput-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        elements: { point: { radius: 0 } },
        scales: {
          x: { ticks: { maxTicksLimit: 8 } },
          y: { beginAtZero: true, title: { display: true, text: 'records/s' } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    var interval = parseInt(canvas.dataset.intervalMs, 10) || 5000;

    function label(iso) {
      var d = new Date(iso);
      return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    }

    function refresh() {
      fetch(canvas.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) {
            return;
          }
          var times = {};
          var datasets = [];
          Object.keys(data.routes).sort().forEach(function (route) {
            var points = data.routes[route].filter(function (p) { return p.recordsPerSecond !== null; });
            if (points.length === 0) {
              return;
            }
            points.forEach(function (p) { times[p.at] = true; });
            datasets.push({ label: route, points: points });
          });
          var labels = Object.keys(times).sort();
          chart.data.labels = labels.map(label);
          chart.data.datasets = datasets.map(function (d) {
            var byTime = {};
            d.points.forEach(function (p) { byTime[p.at] = p.recordsPerSecond; });
            return {
              label: d.label,
              data: labels.map(function (t) { return byTime.hasOwnProperty(t) ? byTime[t] : null; }),
              spanGaps: true,
              borderWidth: 2,
              tension: 0
            };
          });
          chart.update('none');
        })
        .catch(function () { /* the next poll tries again */ });
    }

    refresh();
    window.setInterval(refresh, interval);
  }

  function wireDiscardDialog() {
    var dialog = document.getElementById('discard-dialog');
    var form = document.getElementById('discard-form');
    if (!dialog || !form) {
      return;
    }
    document.addEventListener('click', function (event) {
      var button = event.target.closest('[data-discard-id]');
      if (button) {
        form.reset();
        form.elements.id.value = button.getAttribute('data-discard-id');
        dialog.showModal();
        form.elements.reason.focus();
        return;
      }
      if (event.target.closest('[data-close-dialog]')) {
        dialog.close();
      }
    });
    form.addEventListener('htmx:afterRequest', function () {
      dialog.close();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    startChart();
    wireDiscardDialog();
  });
}());
