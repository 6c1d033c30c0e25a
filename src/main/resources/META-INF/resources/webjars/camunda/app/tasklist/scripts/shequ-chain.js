// Shequ Flow, the office's working day (issue 18): the chain so far on the approval form, read-only,
// above the form's fields — who decided what and when, with their opinions (e.g. the justice
// office's opinion before the county bureau decides; the director's opinion and the representatives'
// vote before the social affairs office). Reads the case's timeline (GET /api/cases/{key}/timeline,
// TimelineEntry: at, userName, actionLabel, taskName, approved, comment, as the API masks them) and
// shows the entries of the current submission that decided or said something; the whole record stays
// in the 审批记录 tab.

import { call, fmtTime, taskInfo } from './shequ-api.js';
import { el } from './shequ-dialog.js';
import { showRecord } from './shequ-record.js';

export const CHAIN_CSS = `
.shequ-chain { margin: 0 0 12px; padding: 8px 10px; border: 1px solid #dde3ea; border-left: 3px solid #5b7db1;
  background: #f8fafc; border-radius: 3px; font-size: 13px; }
.shequ-chain h5 { margin: 0 0 6px; font-size: 14px; font-weight: 600; color: #333; }
.shequ-chain h5 small { font-weight: normal; color: #777; margin-left: 6px; }
.shequ-chain ol { margin: 0; padding: 0; list-style: none; }
.shequ-chain li { padding: 4px 0; border-top: 1px dashed #e3e8ee; }
.shequ-chain li:first-child { border-top: 0; }
.shequ-chain .shequ-chain-head { color: #555; }
.shequ-chain .shequ-chain-who { font-weight: 600; color: #222; margin-right: 6px; }
.shequ-chain .shequ-chain-when { color: #888; font-size: 12px; margin-left: 6px; white-space: nowrap; }
.shequ-chain .shequ-chain-opinion { margin-top: 2px; color: #222; overflow-wrap: anywhere; }
.shequ-chain .shequ-yes { color: #1e7b34; font-weight: 600; }
.shequ-chain .shequ-no { color: #b5152b; font-weight: 600; }
.shequ-chain .shequ-chain-empty { color: #777; }`;

const ROUND_START = new Set(['submitted', 'resubmitted', 'opened']);
/** Told on the timeline but no part of the chain of decisions (an attachment is listed in 附件 above). */
const NOT_DECISIONS = new Set(['urge', 'cc', 'file-added']);

/** The entries of the current submission that decided something or carry an opinion. */
export function chainOf(timeline) {
  let start = 0;
  (timeline || []).forEach((e, i) => { if (ROUND_START.has(e.action)) start = i; });
  const round = (timeline || []).slice(start);
  return {
    opened: round.length && ROUND_START.has(round[0].action) ? round[0] : null,
    submission: (timeline || []).filter(e => e.action === 'submitted' || e.action === 'resubmitted').length,
    steps: round.filter(e => !ROUND_START.has(e.action) && !NOT_DECISIONS.has(e.action)
      && (e.approved === true || e.approved === false || (e.comment && String(e.comment).trim())))
  };
}

function decision(e) {
  const label = e.actionLabel || e.action;
  if (e.approved === true) return el('span', { class: 'shequ-yes' }, label);
  if (e.approved === false) return el('span', { class: 'shequ-no' }, label);
  return el('span', {}, label);
}

function render(box, timeline) {
  const chain = chainOf(timeline);
  box.innerHTML = '';
  const more = el('a', { href: '', onclick: ev => { ev.preventDefault(); showRecord(); } }, '完整审批记录');
  box.append(el('h5', {}, '前序审批意见', el('small', {}, chain.submission > 1 ? `第${chain.submission}次提交 · ` : '', more)));
  if (chain.opened) {
    box.append(el('div', { class: 'shequ-chain-head' },
      `${chain.opened.userName || '系统'} ${chain.opened.actionLabel || ''}`,
      el('span', { class: 'shequ-chain-when' }, fmtTime(chain.opened.at))));
  }
  if (!chain.steps.length) {
    box.append(el('div', { class: 'shequ-chain-empty' }, '此前还没有审批意见。'));
    return;
  }
  box.append(el('ol', {}, chain.steps.map(e => el('li', { 'data-action': e.action },
    el('div', {},
      el('span', { class: 'shequ-chain-who' }, e.userName || '系统'),
      e.taskName ? `${e.taskName}：` : '', decision(e),
      el('span', { class: 'shequ-chain-when' }, fmtTime(e.at))),
    e.comment && String(e.comment).trim() ? el('div', { class: 'shequ-chain-opinion' }, `意见：${e.comment}`) : null))));
}

/**
 * Puts the chain above the form fields of the open task, once per task, when the task belongs to a
 * case the user may read. Read-only: plain text, nothing to type or press but the link to 审批记录.
 */
export function syncChain(details, taskId) {
  const form = details.querySelector('[cam-tasklist-form-camunda], [cam-tasklist-form-embedded], [cam-tasklist-form-generic]');
  if (!form) return;
  let box = details.querySelector('.shequ-chain');
  if (box && box.getAttribute('data-task') === taskId && box.nextElementSibling === form) return;
  if (box) box.remove();
  box = el('div', { class: 'shequ-chain', 'data-task': taskId, role: 'region', 'aria-label': '前序审批意见', hidden: true });
  form.parentNode.insertBefore(box, form);
  taskInfo(taskId).then(async info => {
    if (!info.businessKey) return;
    const timeline = await call('GET', `/api/cases/${encodeURIComponent(info.businessKey)}/timeline`);
    if (box.getAttribute('data-task') !== taskId || !box.isConnected) return;
    render(box, timeline);
    box.hidden = false;
  }).catch(() => {});
}
