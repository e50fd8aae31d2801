// Draws the research page's charts from the JSON the page embeds; the tables are rendered by the hub.
(function () {
  'use strict';

  var COLOURS = ['#1f5fa8', '#b42318', '#1b7f4b', '#9a6700', '#6941c6', '#0e7490', '#c2410c', '#4d7c0f'];

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) {
      return;
    }
    var old = Chart.getChart(canvas);
    if (old) {
      old.destroy();
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    new Chart(canvas, config);
  }

  function fidelity() {
    var d = data('fidelity-data');
    if (!d) {
      return;
    }
    draw('fidelity-chart', {
      type: 'bar',
      data: {
        labels: d.items,
        datasets: d.teams.map(function (t, i) {
          return { label: t.team, data: t.anchors, backgroundColor: COLOURS[i % COLOURS.length] };
        })
      },
      options: { scales: { y: { min: 0, max: 5, ticks: { stepSize: 1 } } } }
    });
  }

  function months() {
    var d = data('month-data');
    if (!d) {
      return;
    }
    draw('month-chart', {
      type: 'line',
      data: {
        labels: d.months,
        datasets: d.series.map(function (s, i) {
          return { label: s.label, data: s.values, borderColor: COLOURS[i % COLOURS.length], spanGaps: false,
            yAxisID: i === 0 ? 'count' : 'rate' };
        })
      },
      options: { scales: { count: { position: 'left', beginAtZero: true }, rate: { position: 'right', beginAtZero: true } } }
    });
  }

  function survival() {
    var d = data('survival-data');
    if (!d) {
      return;
    }
    draw('survival-chart', {
      type: 'line',
      data: {
        labels: d.days,
        datasets: d.groups.map(function (g, i) {
          return { label: g.group, data: g.survival, borderColor: COLOURS[i % COLOURS.length], stepped: true,
            spanGaps: false, pointRadius: 2 };
        })
      },
      options: { scales: { x: { title: { display: true, text: 'days from referral' } },
        y: { min: 0, max: 1, title: { display: true, text: 'without a competitive job' } } } }
    });
  }

  function timeline() {
    var d = data('timeline-data');
    if (!d) {
      return;
    }
    draw('timeline-chart', {
      type: 'scatter',
      data: {
        datasets: d.kinds.map(function (k, i) {
          return { label: k.kind, data: k.points, backgroundColor: COLOURS[i % COLOURS.length], pointRadius: 4 };
        })
      },
      options: {
        scales: {
          x: { title: { display: true, text: 'days from the start of the case' }, beginAtZero: true },
          y: { reverse: true, ticks: { stepSize: 1, callback: function (v) { return d.cases[v] || ''; } },
            min: -0.5, max: d.cases.length - 0.5 }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fidelity();
    months();
    survival();
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.target && e.target.id === 'timeline') {
      timeline();
    }
  });
})();
