// Shequ Flow, issue 20: the 业务统计 dashboard for leaders in Cockpit. The first thing on Cockpit's
// start page (plugin point cockpit.dashboard), and a page of its own (#/statistics, in the header as
// 业务统计) with a printable view. Figures from GET /api/statistics/summary and /overdue: only the
// cases the viewer may see; a family he sees nothing of is not shown. Charts by Apache ECharts
// (the webjar, served by the app itself), drawn as SVG so that their numbers are text.

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
let echartsModule = null;

function loadCharts() {
  if (!echartsModule) {
    echartsModule = import(ECHARTS);
  }
  return echartsModule;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat(Infinity).forEach((c) => {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

function get(path) {
  return fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then((r) =>
    r.json().catch(() => ({})).then((body) => {
      if (!r.ok) {
        const error = new Error(body.message || ('加载失败（' + r.status + '）'));
        error.status = r.status;
        throw error;
      }
      return body;
    }));
}

function monthLabel(m) {
  const [y, mm] = m.split('-');
  return y + '年' + Number(mm) + '月';
}

function pct(rate) {
  return rate && rate.percent !== null && rate.percent !== undefined ? rate.percent + '%' : '—';
}

function fmt(value) {
  return value === null || value === undefined ? '—' : String(value);
}

function yuan(amount) {
  return Number(amount).toFixed(2);
}

function dateTime(text) {
  return text ? text.replace('T', ' ').slice(0, 16) : '—';
}

// The filter lives in the page address (?from=&to=&community=), so a view can be printed, shared and reloaded.
function filterFromHash() {
  const query = (window.location.hash.split('?')[1] || '');
  const params = new URLSearchParams(query);
  return {from: params.get('from') || '', to: params.get('to') || '', community: params.get('community') || ''};
}

function query(filter) {
  const params = new URLSearchParams();
  Object.entries(filter).forEach(([k, v]) => v && params.set(k, v));
  return params.toString();
}

// The months to pick from: the last five years to next month, and the chosen ones (Chinese names on
// every browser, unlike <input type=month>).
function monthSelect(name, label, value) {
  const now = new Date();
  const months = [];
  for (let i = -1; i < 60; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.push(d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'));
  }
  if (value && !months.includes(value)) months.push(value);
  months.sort().reverse();
  return el('select', {name, 'aria-label': label},
    months.map((m) => el('option', {value: m, selected: m === value}, monthLabel(m))));
}

const FAMILY_COLOURS = ['#3b6eb5', '#e08a2c', '#4a9b5f', '#b5443b', '#7a5bb5', '#2c9fa8', '#9b8a2c', '#a84a86'];

function chartBox(id, title, height) {
  return el('div', {class: 'shequ-stats-chart'},
    el('h4', {}, title),
    el('div', {class: 'shequ-stats-canvas', 'data-chart': id, style: 'height:' + (height || 300) + 'px'}));
}

function drawChart(root, id, option, charts) {
  const box = root.querySelector('[data-chart="' + id + '"]');
  if (!box) return;
  charts.push(loadCharts().then((echarts) => {
    const chart = echarts.init(box, null, {renderer: 'svg'});
    chart.setOption(Object.assign({animation: false, textStyle: {fontFamily: 'sans-serif'}}, option));
    box.__chart = chart;
    return chart;
  }));
}

function familyCards(summary) {
  return el('div', {class: 'shequ-stats-cards'}, summary.families.map((f) => {
    const t = f.total;
    const rows = [['受理', t.filed, 'filed']];
    if (f.approval) {
      rows.push(['审结', t.decided, 'decided'], ['批准', t.approved, 'approved'], ['退回/不予批准', t.refused, 'refused']);
    }
    rows.push(['在办', t.open, 'open']);
    if (f.approval) rows.push(['平均审结用时（工作日）', fmt(t.averageDecisionWorkingDays), 'working-days']);
    rows.push(['逾期', f.overdue, 'overdue']);
    return el('div', {class: 'shequ-stats-card', 'data-family': f.family},
      el('h4', {}, f.label),
      el('dl', {}, rows.map(([label, value, key]) => [el('dt', {}, label), el('dd', {'data-figure': key}, fmt(value))])));
  }));
}

function monthlyOption(summary) {
  return {
    tooltip: {trigger: 'axis'},
    legend: {top: 0, type: 'scroll'},
    grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: summary.months.map(monthLabel)},
    yAxis: {type: 'value', minInterval: 1},
    color: FAMILY_COLOURS,
    series: summary.families.map((f) => ({
      name: f.label, type: 'bar', stack: 'filed',
      label: {show: true, formatter: (p) => (p.value ? String(p.value) : '')},
      data: summary.months.map((m) => f.cells.filter((c) => c.month === m).reduce((s, c) => s + c.filed, 0))
    }))
  };
}

function outcomeOption(summary) {
  const families = summary.families;
  const bar = (name, colour, pick) => ({
    name, type: 'bar', stack: 'outcome', itemStyle: {color: colour},
    label: {show: true, formatter: (p) => (p.value ? String(p.value) : '')},
    data: families.map(pick)
  });
  return {
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
    yAxis: {type: 'category', data: families.map((f) => f.label), inverse: true},
    xAxis: {type: 'value', minInterval: 1},
    series: [
      bar('批准', '#4a9b5f', (f) => (f.approval ? f.total.approved : 0)),
      bar('退回/不予批准', '#b5443b', (f) => (f.approval ? f.total.refused : 0)),
      // Not yet decided, so that the three parts add up to the cases filed: an approved leave that
      // waits for its report back is open, but decided. Families without a decision: still open.
      bar('未审结', '#e0b12c', (f) => (f.approval ? f.total.filed - f.total.decided : f.total.open))
    ]
  };
}

function communityOption(summary) {
  const communities = [];
  summary.families.forEach((f) => f.cells.forEach((c) => {
    if (!communities.some((x) => x.id === c.community)) communities.push({id: c.community, name: c.communityName});
  }));
  return {
    tooltip: {trigger: 'axis'},
    legend: {top: 0, type: 'scroll'},
    grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: communities.map((c) => c.name)},
    yAxis: {type: 'value', minInterval: 1},
    color: FAMILY_COLOURS,
    series: summary.families.map((f) => ({
      name: f.label, type: 'bar',
      label: {show: true, position: 'top', formatter: (p) => (p.value ? String(p.value) : '')},
      data: communities.map((c) => f.cells.filter((x) => x.community === c.id).reduce((s, x) => s + x.filed, 0))
    }))
  };
}

function incidentCategoryOption(incidents) {
  return {
    tooltip: {trigger: 'item'},
    series: [{
      type: 'pie', radius: ['35%', '65%'],
      label: {formatter: '{b}：{c}'},
      data: incidents.byCategory.map((c) => ({name: c.label, value: c.count}))
    }]
  };
}

function incidentLightOption(incidents) {
  const colours = {GREEN: '#4a9b5f', YELLOW: '#e0b12c', RED: '#b5443b'};
  return {
    tooltip: {trigger: 'axis'},
    grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: incidents.openByLight.map((l) => l.label)},
    yAxis: {type: 'value', minInterval: 1},
    series: [{
      type: 'bar', label: {show: true, position: 'top'},
      data: incidents.openByLight.map((l) => ({value: l.count, itemStyle: {color: colours[l.code]}}))
    }]
  };
}

function leaveOption(leave) {
  const people = [];
  leave.byPerson.forEach((l) => {
    if (!people.some((p) => p.id === l.person)) people.push({id: l.person, name: l.name});
  });
  const types = [];
  leave.byPerson.forEach((l) => {
    if (!types.some((t) => t.code === l.type)) types.push({code: l.type, label: l.typeLabel});
  });
  return {
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
    yAxis: {type: 'category', data: people.map((p) => p.name), inverse: true},
    xAxis: {type: 'value'},
    color: FAMILY_COLOURS,
    series: types.map((t) => ({
      name: t.label, type: 'bar', stack: 'days',
      label: {show: true, formatter: (p) => (p.value ? String(p.value) : '')},
      data: people.map((p) => leave.byPerson.filter((l) => l.person === p.id && l.type === t.code)
        .reduce((s, l) => s + Number(l.days), 0))
    }))
  };
}

function table(headers, rows, attrs) {
  return el('div', {class: 'shequ-stats-table'},
    el('table', Object.assign({class: 'table table-condensed'}, attrs || {}),
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: headers.length}, '无')))));
}

function detailTable(summary) {
  const rows = [];
  summary.families.forEach((f) => f.cells.forEach((c) => rows.push(el('tr', {'data-family': f.family},
    el('td', {}, f.label), el('td', {}, c.communityName), el('td', {}, monthLabel(c.month)),
    el('td', {}, fmt(c.filed)), el('td', {}, f.approval ? fmt(c.decided) : '—'),
    el('td', {}, f.approval ? fmt(c.approved) : '—'), el('td', {}, f.approval ? fmt(c.refused) : '—'),
    el('td', {}, fmt(c.open)), el('td', {}, f.approval ? fmt(c.averageDecisionWorkingDays) : '—')))));
  return table(['事项类别', '社区', '月份', '受理', '审结', '批准', '退回/不予批准', '在办', '平均审结用时（工作日）'], rows,
    {'data-table': 'detail'});
}

function overdueTable(overdue) {
  const rows = overdue.items.map((i) => el('tr', {'data-key': i.businessKey},
    el('td', {}, el('a', {href: i.sheet, target: '_blank', rel: 'noopener', title: '打开审批单'}, i.businessKey)),
    el('td', {}, i.familyLabel), el('td', {}, i.communityName), el('td', {}, i.subject),
    el('td', {}, i.step || '—'), el('td', {}, dateTime(i.dueAt)),
    el('td', {}, i.lightLabel ? el('span', {class: 'shequ-light shequ-light-' + i.light}, i.lightLabel) : '—')));
  return table(['编号', '事项类别', '社区', '事项', '当前环节', '办理期限', '督办'], rows, {'data-table': 'overdue'});
}

function render(root, summary, overdue, page, onFilter) {
  root.innerHTML = '';
  const charts = [];
  const from = monthSelect('from', '开始月份', summary.from);
  const to = monthSelect('to', '结束月份', summary.to);
  const community = el('select', {name: 'community', 'aria-label': '社区'},
    el('option', {value: ''}, '全部社区'),
    summary.communities.map((c) => el('option', {value: c.id, selected: c.id === summary.community}, c.name)));
  const form = el('form', {class: 'shequ-stats-filter', onsubmit: (e) => {
    e.preventDefault();
    onFilter({from: from.value, to: to.value, community: community.value});
  }},
  el('label', {}, '期间 ', from), el('span', {}, ' 至 '), el('label', {}, to),
  el('label', {}, ' 社区 ', community),
  el('button', {type: 'submit', class: 'btn btn-primary btn-sm'}, '查询'),
  el('button', {type: 'button', class: 'btn btn-default btn-sm', onclick: () => window.print()}, '打印'));

  const place = summary.community
    ? (summary.communities.find((c) => c.id === summary.community) || {name: summary.community}).name : '全部社区';
  root.appendChild(el('div', {class: 'shequ-stats-head'},
    page ? el('h3', {}, '业务统计') : null,
    el('p', {class: 'shequ-stats-scope'}, monthLabel(summary.from) + ' 至 ' + monthLabel(summary.to) + '，' + place
      + '。只统计您有权查看的事项；逾期数为当前仍在办、已过办理期限的事项。'),
    form));
  root.appendChild(familyCards(summary));
  const grid = el('div', {class: 'shequ-stats-grid'},
    chartBox('monthly', '各类事项按月受理件数'),
    chartBox('outcome', '审结情况（批准、退回、未审结）', 40 + 44 * Math.max(3, summary.families.length)),
    chartBox('community', '各社区受理件数'));
  root.appendChild(grid);
  drawChart(root, 'monthly', monthlyOption(summary), charts);
  drawChart(root, 'outcome', outcomeOption(summary), charts);
  drawChart(root, 'community', communityOption(summary), charts);

  if (summary.incidents) {
    const i = summary.incidents;
    root.appendChild(el('h3', {}, '事件上报'));
    root.appendChild(el('p', {class: 'shequ-stats-rates'},
      '共 ', el('strong', {'data-figure': 'incidents-total'}, String(i.total)), ' 件，在办 ', String(i.open),
      ' 件；按时签收率 ', el('strong', {'data-figure': 'signed-in-time'}, pct(i.signedInTime)),
      '（', String(i.signedInTime.withinLimit), '/', String(i.signedInTime.due), '），按时办结率 ',
      el('strong', {'data-figure': 'settled-in-time'}, pct(i.settledInTime)),
      '（', String(i.settledInTime.withinLimit), '/', String(i.settledInTime.due), '）。'));
    root.appendChild(el('div', {class: 'shequ-stats-grid'},
      chartBox('incident-category', '事件按类别'), chartBox('incident-light', '在办事件督办灯')));
    drawChart(root, 'incident-category', incidentCategoryOption(i), charts);
    drawChart(root, 'incident-light', incidentLightOption(i), charts);
  }
  if (summary.leave) {
    const l = summary.leave;
    root.appendChild(el('h3', {}, '请假天数（已批准，按开始日期）'));
    root.appendChild(el('p', {}, '合计 ', el('strong', {'data-figure': 'leave-days'}, String(l.totalDays)), ' 天。'));
    if (l.byPerson.length) {
      root.appendChild(el('div', {class: 'shequ-stats-grid'},
        chartBox('leave', '按人员和假别（天）', 60 + 36 * new Set(l.byPerson.map((x) => x.person)).size)));
      drawChart(root, 'leave', leaveOption(l), charts);
    }
    root.appendChild(table(['人员', '社区', '假别', '次数', '天数'], l.byPerson.map((x) => el('tr', {'data-person': x.person},
      el('td', {}, x.name), el('td', {}, x.communityName || '—'), el('td', {}, x.typeLabel), el('td', {}, String(x.requests)),
      el('td', {}, String(x.days)))), {'data-table': 'leave'}));
  }
  if (summary.expenses) {
    const e = summary.expenses;
    root.appendChild(el('h3', {}, '开支审批'));
    root.appendChild(table(['', '申请件数', '批准件数', '批准金额（元）'], [
      el('tr', {'data-expense': 'within'}, el('td', {}, '主任审批权限内（500 元及以下）'), el('td', {}, String(e.withinAuthority.filed)),
        el('td', {}, String(e.withinAuthority.approved)), el('td', {}, yuan(e.withinAuthority.approvedTotal))),
      el('tr', {'data-expense': 'above'}, el('td', {}, '超过 500 元（报社会事务办审批）'), el('td', {}, String(e.aboveAuthority.filed)),
        el('td', {}, String(e.aboveAuthority.approved)), el('td', {}, yuan(e.aboveAuthority.approvedTotal)))],
    {'data-table': 'expenses'}));
    root.appendChild(el('p', {}, '居民代表会议票决：需票决 ', String(e.votes.needed), ' 件，通过 ', String(e.votes.passed),
      ' 件，未通过 ', String(e.votes.failed), ' 件。'));
  }
  if (summary.monthlyReports) {
    const m = summary.monthlyReports;
    root.appendChild(el('h3', {}, '月度报账与财务公开'));
    root.appendChild(el('p', {}, '共 ', String(m.reports), ' 份；按时报账 ', pct(m.reportedOnTime), '（',
      String(m.reportedOnTime.withinLimit), '/', String(m.reportedOnTime.due), '），按时公开 ', pct(m.postedOnTime), '（',
      String(m.postedOnTime.withinLimit), '/', String(m.postedOnTime.due), '）。按时：在所报月份的下一个月内完成。'));
  }
  root.appendChild(el('h3', {}, '逾期清单'));
  root.appendChild(el('p', {class: 'shequ-stats-note'}, '点编号打开该事项的审批单（办理经过）。'));
  root.appendChild(overdueTable(overdue));
  root.appendChild(el('h3', {}, '明细（按事项类别、社区和月份）'));
  root.appendChild(detailTable(summary));

  Promise.all(charts).then((list) => {
    root.setAttribute('data-charts', String(list.length));
    const resize = () => list.forEach((c) => c.resize());
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
  }).catch((e) => {
    root.appendChild(el('div', {class: 'alert alert-warning'}, '图表未能加载：' + e.message));
  });
}

function mount(node, {page}) {
  const root = el('div', {class: 'shequ-stats' + (page ? ' shequ-stats-page' : '')});
  node.appendChild(root);
  const load = (filter) => {
    root.setAttribute('data-loading', 'true');
    const q = query(filter);
    return Promise.all([get('/api/statistics/summary?' + q),
      get('/api/statistics/overdue' + (filter.community ? '?community=' + encodeURIComponent(filter.community) : ''))])
      .then(([summary, overdue]) => {
        render(root, summary, overdue, page, (next) => {
          if (page) {
            window.location.hash = '#/statistics?' + query(next);
          }
          load(next);
        });
        root.removeAttribute('data-loading');
      })
      .catch((e) => {
        root.removeAttribute('data-loading');
        if (e.status === 403 && !page) {
          return; // someone who sees no case (an administrator without a post): the engine dashboard only
        }
        root.innerHTML = '';
        root.appendChild(el('div', {class: 'alert alert-warning', role: 'alert'}, '业务统计：' + e.message));
      });
  };
  load(page ? filterFromHash() : {});
}

// Cockpit puts the dashboard's plugins in a section below its engine figures; leaders should see
// 业务统计 first, so that section moves to the top of the start page once it is in the document.
function firstOnDashboard(node, attempt) {
  const section = node.closest && node.closest('section');
  const dashboard = section && section.parentElement;
  if (section && dashboard && dashboard.classList.contains('dashboard')) {
    if (dashboard.firstElementChild !== section) {
      dashboard.insertBefore(section, dashboard.firstElementChild);
    }
    section.classList.add('shequ-stats-section');
    return;
  }
  if (attempt < 50) {
    setTimeout(() => firstOnDashboard(node, attempt + 1), 100);
  }
}

export default [
  {
    // The start page: 业务统计 first, above Cockpit's own engine figures, which are explained.
    id: 'shequStatisticsDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 200,
    render: (node) => {
      mount(node, {page: false});
      node.appendChild(el('p', {class: 'shequ-stats-engine-note'},
        '下方为流程引擎的运行情况，供系统管理员维护使用：“运行故障”指流程执行出错，需管理员处理，与“事件上报”业务无关。'));
      firstOnDashboard(node, 0);
    }
  },
  {
    id: 'shequStatisticsPage',
    pluginPoint: 'cockpit.route',
    properties: {path: '/statistics'},
    render: (node) => mount(node, {page: true})
  },
  {
    id: 'shequStatisticsNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: '#/statistics',
      label: '业务统计',
      checkActive: (path) => path.indexOf('#/statistics') > -1
    },
    render: (node) => node.appendChild(el('a', {href: '#/statistics'}, '业务统计'))
  }
];
