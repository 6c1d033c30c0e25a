// Shequ Flow, 台账 in Tasklist (issue 20): one entry in the header (in the menu on a phone) that opens
// the office's ledgers and registers — 请假, 开支, 集体财物外借, 居民登记簿, 事件登记簿 and 居住证明 —
// each a tab over its list route of the product API, with that route's filters, its paging
// (page, size: core.cases.Paging) and 导出 Excel (the same filters with format=xlsx, every page).
// Which tabs a person has is asked of the API: a route that answers 403 (or 401) is not shown.
// The columns are the JSON fields the routes return (LeaveLedgerController.LedgerItem,
// ExpenseLedgerController.Item, PropertyLoanLedgerController.Item, ResidentController.Item,
// IncidentController.Item, CertificateRegister.Item); identity numbers are shown as the API gives
// them (masked by the one personal-data policy for those who may not read them whole).
// The options of the select filters (status, category, light, resident type) are read from
// GET /api/ledgers/choices (core.cases.LedgerChoices): codes with their Chinese names, kept where the
// product keeps them (the families' statuses, the incident start form, IncidentBadges).
// A community filter is offered to those who see more than one community (the street roles): the
// communities of the rows they see. Everything a user reads is Chinese.

import { call, fmtTime } from './shequ-api.js';
import { el, dialog } from './shequ-dialog.js';
import { whenReady } from './shequ-watch.js';

const SIZES = [10, 20, 50, 100];

const money = v => (v === null || v === undefined || v === '') ? '' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const period = (a, b) => a ? (b && b !== a ? `${a} 至 ${b}` : a) : '';

// Filters: [name (the query parameter), label, kind: select | text | month | date | check]; a select's
// options are the API's choices for that ledger and parameter.
const COMMUNITY = ['communityId', '社区', 'community'];
const MINE = ['mine', '只看本人的申请', 'check'];

export const LEDGERS = {
  leave: {
    label: '请假台账', url: '/api/leave/ledger', row: i => i.request, key: i => i.request.businessKey,
    filters: [COMMUNITY, ['month', '提交月份', 'month'], ['status', '状态', 'select'], MINE],
    columns: [
      ['事项编号', i => i.request.businessKey],
      ['申请人', i => i.request.applicantName],
      ['社区', i => i.request.communityName],
      ['请假类型', i => i.leaveTypeLabel],
      ['请假日期', i => period(i.request.startDate, i.request.endDate)],
      ['天数', i => i.request.days],
      ['事由', i => i.request.reason, true],
      ['状态', i => i.statusLabel],
      ['应销假日期', i => i.request.reportBackDue],
      ['销假日期', i => i.request.returnedOn]
    ]
  },
  expenses: {
    label: '开支台账', url: '/api/expenses/ledger', row: i => i.expense, key: i => i.expense.businessKey,
    filters: [COMMUNITY, ['month', '提交月份', 'month'], ['status', '状态', 'select'], MINE],
    totals: p => p.totals ? `合计金额 ${money(p.totals.amount)} 元，实付 ${money(p.totals.paidAmount)} 元` : '',
    columns: [
      ['事项编号', i => i.expense.businessKey],
      ['经办人', i => i.expense.applicantName],
      ['社区', i => i.expense.communityName],
      ['类别', i => i.categoryLabel],
      ['用途', i => i.expense.purpose, true],
      ['金额（元）', i => money(i.expense.amount)],
      ['状态', i => i.statusLabel],
      ['提交时间', i => fmtTime(i.expense.submittedAt)],
      ['实付金额（元）', i => money(i.expense.paidAmount)],
      ['付款日期', i => i.expense.paidOn]
    ]
  },
  loans: {
    label: '集体财物外借台账', url: '/api/property-loans/ledger', row: i => i.loan, key: i => i.loan.businessKey,
    filters: [COMMUNITY, ['month', '提交月份', 'month'], ['status', '状态', 'select'], MINE],
    columns: [
      ['事项编号', i => i.loan.businessKey],
      ['经办人', i => i.loan.applicantName],
      ['社区', i => i.loan.communityName],
      ['物品', i => i.loan.item, true],
      ['借用人', i => i.loan.borrower],
      ['借用期间', i => period(i.loan.loanFrom, i.loan.loanUntil)],
      ['状态', i => i.statusLabel],
      ['应归还日期', i => i.loan.returnDue],
      ['归还日期', i => i.loan.returnedOn],
      ['归还状况', i => i.conditionLabel]
    ]
  },
  residents: {
    label: '居民登记簿', url: '/api/residents', row: i => i.resident, key: i => String(i.resident.id),
    filters: [COMMUNITY, ['name', '姓名', 'text'], ['idNumber', '身份证号', 'text'], ['address', '住址', 'text'],
      ['residentType', '人口类型', 'select'], ['status', '状态', 'select']],
    columns: [
      ['姓名', i => i.resident.personName],
      ['身份证号', i => i.resident.idNumber],
      ['性别', i => i.sexLabel],
      ['社区', i => i.resident.communityName],
      ['住址', i => i.resident.address, true],
      ['人口类型', i => i.residentTypeLabel],
      ['迁入日期', i => i.resident.arrivedOn],
      ['迁出日期', i => i.resident.departedOn],
      ['状态', i => i.statusLabel]
    ]
  },
  incidents: {
    label: '事件登记簿', url: '/api/incidents', row: i => i.incident, key: i => i.incident.businessKey,
    filters: [COMMUNITY, ['category', '类别', 'select'], ['status', '状态', 'select'], ['light', '督办灯', 'select']],
    columns: [
      ['事项编号', i => i.incident.businessKey],
      ['上报人', i => i.incident.applicantName],
      ['社区', i => i.incident.communityName],
      ['类别', i => i.categoryLabel],
      ['标题', i => i.incident.title, true],
      ['地点', i => i.incident.location, true],
      ['状态', i => i.statusLabel],
      ['督办灯', i => i.lightLabel],
      ['上报时间', i => fmtTime(i.incident.submittedAt)],
      ['办结时间', i => fmtTime(i.incident.handledAt)]
    ]
  },
  certificates: {
    label: '居住证明', url: '/api/address-certificates', row: i => i.certificate, key: i => i.certificate.certificateNo,
    filters: [COMMUNITY, ['name', '姓名', 'text'], ['certificateNo', '证明编号', 'text'],
      ['from', '开具日期起', 'date'], ['until', '开具日期止', 'date']],
    columns: [
      ['证明编号', i => i.certificate.certificateNo],
      ['姓名', i => i.certificate.personName],
      ['身份证号', i => i.certificate.idNumber],
      ['社区', i => i.certificate.communityName],
      ['住址', i => i.certificate.address, true],
      ['证明用途', i => i.certificate.purpose, true],
      ['查验材料', i => i.documentsLabel, true],
      ['开具时间', i => fmtTime(i.certificate.issuedAt)],
      ['开具人', i => i.certificate.issuedByName]
    ]
  }
};

/** The query string of a ledger's filters (only those given), without page and size. */
function query(values) {
  return Object.entries(values).filter(([, v]) => v !== '' && v !== false && v !== undefined && v !== null)
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v === true ? 'true' : v)).join('&');
}

/**
 * The ledgers this person may read, each with the first page the API gave (size 100, no filter):
 * a route that refuses (401, 403) is left out; its rows give the communities for the filter.
 */
async function readable() {
  const names = Object.keys(LEDGERS);
  const answers = await Promise.all(names.map(n => call('GET', LEDGERS[n].url + '?size=100')
    .then(page => ({ name: n, page }), e => ({ name: n, error: e }))));
  return answers.filter(a => a.page || (a.error && a.error.status !== 401 && a.error.status !== 403));
}

/** The select filters' options of every ledger: {ledger: {param: [{code, label}]}}; none if the API fails. */
function choices() {
  return call('GET', '/api/ledgers/choices').catch(() => ({}));
}

function communitiesOf(ledger, page) {
  const seen = new Map();
  for (const i of (page && page.items) || []) {
    const r = ledger.row(i);
    if (r && r.communityId && !seen.has(r.communityId)) seen.set(r.communityId, r.communityName || r.communityId);
  }
  return [...seen.entries()];
}

/** One ledger's page: the filters, 查询 and 重置, 导出 Excel, the rows, the pager. */
function ledgerView(name, first, choices) {
  const ledger = LEDGERS[name];
  const communities = communitiesOf(ledger, first);
  const state = { page: 1, size: 20, values: {} };
  const inputs = {};
  const form = el('form', { class: 'shequ-ledger-filters', 'data-ledger': name, onsubmit: ev => { ev.preventDefault(); search(); } });
  for (const [param, label, kind] of ledger.filters) {
    let input;
    if (kind === 'community') {
      if (communities.length < 2) continue;
      input = el('select', { name: param, class: 'form-control input-sm' }, el('option', { value: '' }, '全部社区'),
        communities.map(([id, n]) => el('option', { value: id }, n)));
    } else if (kind === 'select') {
      input = el('select', { name: param, class: 'form-control input-sm' }, el('option', { value: '' }, '全部'),
        ((choices[name] || {})[param] || []).map(c => el('option', { value: c.code }, c.label)));
    } else if (kind === 'check') {
      input = el('input', { type: 'checkbox', name: param });
      inputs[param] = input;
      form.appendChild(el('label', { class: 'shequ-ledger-check' }, input, ' ' + label));
      continue;
    } else {
      input = el('input', { type: kind === 'text' ? 'search' : kind, name: param, class: 'form-control input-sm',
        placeholder: kind === 'month' ? 'yyyy-MM' : kind === 'date' ? 'yyyy-MM-dd' : '' });
    }
    inputs[param] = input;
    form.appendChild(el('label', { class: 'shequ-ledger-field' }, el('span', {}, label), input));
  }
  const sizeSelect = el('select', { name: 'size', class: 'form-control input-sm' },
    SIZES.map(s => el('option', { value: String(s), selected: s === state.size }, String(s))));
  form.appendChild(el('label', { class: 'shequ-ledger-field' }, el('span', {}, '每页条数'), sizeSelect));
  form.appendChild(el('span', { class: 'shequ-ledger-buttons' },
    el('button', { type: 'submit', class: 'btn btn-primary btn-sm', 'data-op': '查询' }, '查询'),
    el('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-op': '重置', onclick: () => { form.reset(); search(); } }, '重置')));

  const exportLink = el('a', { class: 'btn btn-default btn-sm', download: '', 'data-op': '导出 Excel' }, '导出 Excel');
  const summary = el('span', { class: 'shequ-ledger-summary' });
  const body = el('div', { class: 'shequ-ledger-rows' });
  const pager = el('div', { class: 'shequ-ledger-pager' });
  const view = el('div', { class: 'shequ-ledger', 'data-ledger': name }, form,
    el('div', { class: 'shequ-export' }, exportLink, summary), body, pager);

  function readForm() {
    const values = {};
    for (const [param, input] of Object.entries(inputs)) {
      values[param] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    return values;
  }

  function search() {
    state.values = readForm();
    state.size = Number(sizeSelect.value) || 20;
    state.page = 1;
    load();
  }

  async function load() {
    const q = query(state.values);
    exportLink.setAttribute('href', ledger.url + '?' + (q ? q + '&' : '') + 'format=xlsx');
    body.innerHTML = '';
    pager.innerHTML = '';
    summary.textContent = '';
    body.appendChild(el('div', { class: 'shequ-hint' }, '正在加载……'));
    let page;
    try {
      page = await call('GET', `${ledger.url}?${q ? q + '&' : ''}page=${state.page}&size=${state.size}`);
    } catch (e) {
      body.innerHTML = '';
      body.appendChild(el('div', { class: 'shequ-error' }, e.message));
      return;
    }
    body.innerHTML = '';
    const pages = Math.max(1, Math.ceil(page.total / state.size));
    summary.textContent = `共 ${page.total} 条` + (ledger.totals && ledger.totals(page) ? '；' + ledger.totals(page) : '');
    if (!page.items.length) {
      body.appendChild(el('div', { class: 'shequ-hint shequ-empty' }, '没有符合条件的记录。'));
      return;
    }
    const empty = v => v === null || v === undefined || v === '';
    const cells = page.items.map(i => ledger.columns.map(c => c[1](i)));
    body.appendChild(el('table', { class: 'shequ-list', 'data-ledger': name },
      el('thead', {}, el('tr', {}, ledger.columns.map(c => el('th', {}, c[0])))),
      el('tbody', {}, page.items.map((i, n) => el('tr', { 'data-key': ledger.key(i) },
        ledger.columns.map((c, k) => el('td', { class: c[2] ? 'shequ-wrap' : null, 'data-label': c[0] },
          empty(cells[n][k]) ? '' : String(cells[n][k]))))))));
    const go = p => { state.page = p; load(); };
    pager.appendChild(el('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-op': '上一页',
      disabled: state.page <= 1, onclick: () => go(state.page - 1) }, '上一页'));
    pager.appendChild(el('span', { class: 'shequ-ledger-page' }, `第 ${state.page} / ${pages} 页`));
    pager.appendChild(el('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-op': '下一页',
      disabled: state.page >= pages, onclick: () => go(state.page + 1) }, '下一页'));
  }

  load();
  return view;
}

const CSS = `
.shequ-ledger-nav { cursor: pointer; white-space: nowrap; }
.shequ-ledger-filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 6px 12px; margin-bottom: 8px; }
.shequ-ledger-field { display: flex; flex-direction: column; font-weight: normal; margin: 0; font-size: 12px; color: #555; }
.shequ-ledger-field .form-control { width: 150px; height: 30px; }
.shequ-ledger-check { font-weight: normal; margin: 0 0 6px; }
.shequ-ledger-buttons .btn { margin-right: 6px; }
.shequ-ledger .shequ-export { display: flex; align-items: center; gap: 12px; margin-bottom: 6px; }
.shequ-ledger-summary { color: #555; }
.shequ-ledger-rows { overflow-x: auto; }
.shequ-ledger-pager { display: flex; align-items: center; gap: 10px; margin-top: 8px; }
@media (max-width: 767px) {
  html .shequ-ledger-filters { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px 8px; }
  html .shequ-ledger-field { min-width: 0; }
  html .shequ-ledger-field .form-control { width: 100%; min-width: 0; }
  html .shequ-ledger-buttons { grid-column: 1 / -1; }
  html .shequ-ledger .shequ-export { flex-wrap: wrap; }
  html .shequ-ledger-rows { overflow-x: hidden; }
}`;

function installStyles() {
  if (document.getElementById('shequ-ledger-styles')) return;
  document.head.appendChild(el('style', { id: 'shequ-ledger-styles' }, CSS));
}

/** The 台账 dialog: a tab for each ledger the person may read. */
export async function openLedgers(start) {
  installStyles();
  const content = el('div', {}, el('div', { class: 'shequ-hint' }, '正在加载……'));
  const tabs = el('div', { class: 'shequ-tabs shequ-ledger-tabs' });
  const shown = dialog({ title: '台账', body: el('div', {}, tabs, content), wide: true, buttons: [{ label: '关闭' }] });
  const [ledgers, options] = await Promise.all([readable(), choices()]);
  content.innerHTML = '';
  if (!ledgers.length) {
    content.appendChild(el('div', { class: 'shequ-hint shequ-empty' }, '您没有可查看的台账。'));
    return shown;
  }
  const views = {};
  const show = name => {
    tabs.querySelectorAll('a').forEach(a => a.classList.toggle('active', a.getAttribute('data-ledger') === name));
    const first = ledgers.find(l => l.name === name);
    if (!views[name]) views[name] = ledgerView(name, first.page, options);
    content.innerHTML = '';
    content.appendChild(views[name]);
  };
  for (const { name } of ledgers) {
    tabs.appendChild(el('a', { 'data-ledger': name, onclick: () => show(name) }, LEDGERS[name].label));
  }
  show(ledgers.some(l => l.name === start) ? start : ledgers[0].name);
  return shown;
}

whenReady(installStyles);

export default [{
  id: 'shequ-ledgers',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    node.appendChild(el('a', { href: '', class: 'shequ-ledger-nav', 'data-nav': 'ledgers',
      onclick: ev => { ev.preventDefault(); openLedgers(); } },
    el('span', { class: 'glyphicon glyphicon-book' }), ' 台账'));
  },
  properties: { label: '台账' }
}];
