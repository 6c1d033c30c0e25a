// Shequ Flow, Tasklist inbox (issue 10): 我的申请 / 已办 / 抄送我的 — one dialog with three tabs over
// GET /api/cases/mine, /api/tasks/done and /api/cc (InboxLists.Page of MyCase, DoneTask, CcItem;
// the first page, newest first), with 催办, 撤回, 作废 (where MyCase.voidable), 审批单 and 记录 per case. 已办 reads each case's
// status now, applicant and closing time from GET /api/cases/{key}.

import { call, fmtTime } from './shequ-api.js';
import { el, dialog, btn } from './shequ-dialog.js';
import { opUrge, opWithdraw, openSheet } from './shequ-case-ops.js';
import { opVoid } from './shequ-void.js';
import { showRecordDialog } from './shequ-record.js';

function isOverdue(deadline) {
  if (!deadline) return false;
  const d = new Date(String(deadline).replace(' ', 'T'));
  return !isNaN(d) && d < new Date();
}

/** 当前环节 of 我的申请: each open step (InboxLists.Step) with whom it is with. */
function holdersOf(item) {
  return item.currentSteps.map(t => `${t.taskName || ''}${t.holders ? '（' + t.holders + '）' : ''}`).join('；');
}

/** The buttons of a row of 我的申请 or 已办: urge and withdraw while the case is open, the sheet, the record. */
function caseRowActions(i, reload) {
  const key = i.businessKey;
  const open = !i.closedAt;
  return [
    open ? btn('催办', () => opUrge(key, reload)) : null,
    // An approved request is no longer withdrawn but voided (作废), where the server allows it.
    open && !i.voidable ? btn('撤回', () => opWithdraw(key, reload), true) : null,
    i.voidable ? btn('作废', () => opVoid(key, reload), true) : null,
    btn('审批单', () => openSheet(key)),
    btn('记录', () => showRecordDialog(key))
  ];
}

export const LISTS = {
  mine: {
    label: '我的申请',
    url: '/api/cases/mine',
    exportable: true,
    empty: '您还没有提交过申请。',
    columns: [
      ['编号', i => i.businessKey],
      ['事项', i => subjectOf(i), true],
      ['提交时间', i => fmtTime(i.createdAt)],
      ['状态', i => i.statusLabel],
      ['当前环节', i => holdersOf(i), true],
      ['期限', i => deadlineCell(earliestStep(i))]
    ],
    actions: caseRowActions
  },
  done: {
    label: '已办',
    url: '/api/tasks/done',
    exportable: true,
    empty: '您还没有办理过任务。',
    // The done list names the task, not the case's state now: read it from each case (one page).
    enrich: items => withCaseStatus(items),
    columns: [
      ['编号', i => i.businessKey],
      ['环节', i => i.taskName, true],
      ['申请人', i => i.applicantName],
      ['事项', i => subjectOf(i), true],
      ['我的处理', i => i.decisionLabel],
      ['办理时间', i => fmtTime(i.at)],
      ['当前状态', i => i.statusLabel]
    ],
    actions: caseRowActions
  },
  cc: {
    label: '抄送我的',
    url: '/api/cc',
    empty: '暂时没有抄送给您的事项。',
    columns: [
      ['编号', i => i.businessKey],
      ['事项', i => subjectOf(i), true],
      ['抄送人', i => i.fromName],
      ['附言', i => i.note, true],
      ['抄送时间', i => fmtTime(i.at)],
      ['状态', i => i.statusLabel]
    ],
    actions: i => [btn('审批单', () => openSheet(i.businessKey)), btn('记录', () => showRecordDialog(i.businessKey))]
  }
};

/** 事项: the family and the subject, e.g. 请假：事假 1 天. */
function subjectOf(i) {
  return [i.familyLabel, i.subject].filter(Boolean).join('：');
}

/** The earliest due date of the case's open steps (local date-times sort as text). */
/** The open step (InboxLists.Step) due first, or null. */
function earliestStep(item) {
  const dues = item.currentSteps.filter(t => t.due).sort((a, b) => String(a.due).localeCompare(String(b.due)));
  return dues[0] || null;
}

/**
 * A done task (InboxLists.DoneTask) names the task, not the case: its status now, applicant and
 * closing time are read from each case (GET /api/cases/{key}, CaseView), one call per case.
 */
async function withCaseStatus(items) {
  const keys = [...new Set(items.map(i => i.businessKey))];
  const found = {};
  await Promise.all(keys.map(k => call('GET', `/api/cases/${encodeURIComponent(k)}`)
    .then(c => { found[k] = c; }, () => null)));
  return items.map(i => found[i.businessKey]
    ? Object.assign({}, i, {
      statusLabel: found[i.businessKey].statusLabel,
      applicantName: found[i.businessKey].applicantName,
      closedAt: found[i.businessKey].closedAt
    })
    : i);
}

function deadlineCell(step) {
  if (!step) return '';
  const deadline = step.due;
  return el('span', { class: isOverdue(deadline) ? 'shequ-overdue' : '' }, fmtTime(deadline) + (isOverdue(deadline) ? '（已超期）' : ''),
    step.provisional ? el('span', { class: 'shequ-provisional', title: step.note }, '暂定') : '');
}

async function renderList(container, name) {
  const list = LISTS[name];
  container.innerHTML = '';
  container.appendChild(el('div', { class: 'shequ-hint' }, '正在加载……'));
  let items;
  try {
    // One page (InboxLists.Page: page, size, total, items), newest first.
    items = (await call('GET', list.url)).items;
  } catch (e) {
    container.innerHTML = '';
    container.appendChild(el('div', { class: 'shequ-error' }, e.message));
    return;
  }
  if (list.enrich) items = await list.enrich(items);
  container.innerHTML = '';
  if (!items.length) {
    container.appendChild(el('div', { class: 'shequ-hint shequ-empty' }, list.empty));
    return;
  }
  const reload = () => renderList(container, name);
  if (list.exportable) {
    // The whole list (every page) as an Excel file: the route's ?format=xlsx (Exports).
    container.appendChild(el('div', { class: 'shequ-export' },
      el('a', { href: list.url + '?format=xlsx', download: '', class: 'btn btn-default btn-sm' }, '导出 Excel')));
  }
  // Each cell names its column (data-label): on a phone a row is a card (shequ-phone.js).
  // Cells first; a column no row fills (the server does not give it) is left out.
  const empty = v => v === null || v === undefined || v === '';
  const cells = items.map(i => list.columns.map(c => c[1](i)));
  const shown = list.columns.map((c, k) => cells.some(row => !empty(row[k])));
  container.appendChild(el('table', { class: 'shequ-list', 'data-list': name },
    el('thead', {}, el('tr', {}, list.columns.filter((c, k) => shown[k]).map(c => el('th', {}, c[0])), el('th', {}, '操作'))),
    el('tbody', {}, items.map((i, n) => el('tr', { 'data-key': i.businessKey },
      list.columns.map((c, k) => shown[k]
        ? el('td', { class: c[2] ? 'shequ-wrap' : null, 'data-label': c[0] }, empty(cells[n][k]) ? '' : cells[n][k])
        : null),
      el('td', { class: 'shequ-actions', style: 'white-space:nowrap' }, list.actions(i, reload)))))));
}

export function openLists(start) {
  const content = el('div', {});
  const tabs = el('div', { class: 'shequ-tabs' });
  const show = name => {
    tabs.querySelectorAll('a').forEach(a => a.classList.toggle('active', a.getAttribute('data-list') === name));
    renderList(content, name);
  };
  for (const name of Object.keys(LISTS)) {
    tabs.appendChild(el('a', { 'data-list': name, onclick: () => show(name) }, LISTS[name].label));
  }
  show(start);
  return dialog({ title: '我的事项', body: el('div', {}, tabs, content), wide: true, buttons: [{ label: '关闭' }] });
}
