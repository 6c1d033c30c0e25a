// Shequ Flow, Tasklist inbox (issue 10): 审批记录 — the case (GET /api/cases/{key}, CaseView: status,
// applicant, community, submissions, and while open its deadlines with the 暂定 mark) and its
// timeline (GET /api/cases/{key}/timeline, TimelineEntry), grouped by submission (第N次提交). Shown
// in the task's 审批记录 tab and in a dialog from the lists. Issue 17: 已校验 beside the title when the
// timeline's hash chain checks (GET /api/cases/{key}/timeline/verify), 校验未通过 when it does not.
// Issue 19: the record carries its case (data-key, data-family, data-applicant, data-closed), and
// shequ-files.js puts the case's attachments (附件) below its facts.

import { call, fmtTime } from './shequ-api.js';
import { el, dialog } from './shequ-dialog.js';

function roundsOf(timeline) {
  let round = 0;
  return timeline.map(e => {
    if (e.action === 'submitted' || e.action === 'resubmitted' || e.action === 'opened') round += 1;
    return Object.assign({ round }, e);
  });
}

function decisionCell(e) {
  if (e.approved === true) return el('span', { class: 'shequ-yes' }, e.actionLabel || '同意');
  if (e.approved === false) return el('span', { class: 'shequ-no' }, e.actionLabel || '不同意');
  return e.actionLabel || e.action;
}

function timelineTable(timeline) {
  const rows = [];
  for (const e of roundsOf(timeline)) {
    if (e.action === 'submitted' || e.action === 'resubmitted' || e.action === 'opened') {
      rows.push(el('tr', { class: 'shequ-round' }, el('td', { colspan: 5 },
        e.round > 1 ? `第${e.round}次提交（重新提交）` : `第${e.round}次提交`)));
    }
    rows.push(el('tr', {},
      el('td', { style: 'white-space:nowrap' }, fmtTime(e.at)),
      el('td', {}, e.userName || e.userId || '系统'),
      el('td', {}, decisionCell(e)),
      el('td', {}, e.taskName || ''),
      el('td', {}, e.comment || '')));
  }
  return el('table', { class: 'shequ-timeline' },
    el('thead', {}, el('tr', {}, el('th', {}, '时间'), el('th', {}, '办理人'), el('th', {}, '操作'),
      el('th', {}, '环节'), el('th', {}, '意见'))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 5 }, '暂无记录'))));
}

export function submissionBadge(c) {
  if (!c || !c.submission || c.submission < 2) return null;
  return el('span', { class: 'shequ-badge shequ-resubmit', title: '申请人修改后重新提交' }, `第${c.submission}次提交`);
}

/** 已校验 when the timeline's chain checks, 校验未通过 (with the first broken link) when not, nothing on error. */
export function verifiedBadge(check) {
  if (!check) return null;
  if (check.intact) {
    return el('span', { class: 'shequ-badge shequ-verified', title: `共 ${check.entries} 条记录，均未被改动` }, '已校验');
  }
  return el('span', { class: 'shequ-badge shequ-tampered', title: check.problem || '' }, '校验未通过');
}

export async function renderRecord(node, businessKey) {
  node.innerHTML = '';
  node.appendChild(el('div', { class: 'shequ-hint' }, '正在加载审批记录……'));
  try {
    const [c, timeline, check] = await Promise.all([
      call('GET', `/api/cases/${encodeURIComponent(businessKey)}`),
      call('GET', `/api/cases/${encodeURIComponent(businessKey)}/timeline`),
      call('GET', `/api/cases/${encodeURIComponent(businessKey)}/timeline/verify`).catch(() => null)
    ]);
    node.innerHTML = '';
    // Issue 19: the case's attachments (shequ-files.js) go below the facts, after the dl.
    node.appendChild(el('div', { class: 'shequ-record', 'data-key': c.businessKey, 'data-family': c.family,
      'data-applicant': c.applicantId, 'data-closed': c.closedAt ? 'true' : null },
      el('h4', {}, `审批记录 ${c.businessKey}`, submissionBadge(c), verifiedBadge(check)),
      el('dl', {},
        el('dt', {}, '事项'), el('dd', {}, `${c.familyLabel || ''}：${c.subject || ''}`),
        el('dt', {}, '状态'), el('dd', {}, c.statusLabel || c.status || ''),
        el('dt', {}, '申请人'), el('dd', {}, c.applicantName || c.applicantId || '系统'),
        el('dt', {}, '社区'), el('dd', {}, c.communityName || '—'),
        el('dt', {}, '提交时间'), el('dd', {}, fmtTime(c.createdAt)),
        el('dt', {}, '提交次数'), el('dd', {}, c.submission > 1 ? `第${c.submission}次提交` : '首次提交'),
        ...(c.closedAt ? [] : (c.deadlines || []).flatMap(d => [
          el('dt', {}, d.label),
          el('dd', {}, fmtTime(d.dueAt), d.provisional
            ? el('span', { class: 'shequ-provisional', title: d.note }, '暂定') : '')]))),
      timelineTable(timeline || [])));
  } catch (e) {
    node.innerHTML = '';
    node.appendChild(el('div', { class: 'shequ-record shequ-error' }, e.message));
  }
}

export function showRecordDialog(businessKey) {
  const body = el('div', {});
  renderRecord(body, businessKey);
  return dialog({ title: '审批记录', body, wide: true, buttons: [{ label: '关闭' }] });
}

export function showRecord() {
  const tab = [...document.querySelectorAll('.task-details .nav-tabs a')].find(a => a.textContent.trim() === '审批记录');
  if (tab) tab.click();
}
