// Shequ Flow, Tasklist inbox (issue 18): 作废 of an approved request whose effect has not started
// (a leave before its first working day, an expense before it is booked) from 我的申请 — a dialog
// asks for the reason and posts POST /api/cases/{key}/void {reason}; the answer
// (ApprovalOperations.Outcome: message, statusLabel) or the server's refusal is shown as worded.
// 我的申请 shows the button only where the server says the case is voidable (InboxLists.MyCase.voidable).

import { call } from './shequ-api.js';
import { el, dialog, message, required } from './shequ-dialog.js';

/** Longest reason the server takes (ApprovalOperations.MAX_REASON). */
const MAX_REASON = 1000;

export async function opVoid(businessKey, after) {
  const reason = el('textarea', { class: 'form-control', rows: 3, name: 'voidReason', maxlength: String(MAX_REASON),
    placeholder: '如：行程取消，不再请假。' });
  const done = await dialog({
    title: '作废 ' + businessKey,
    body: el('div', {},
      el('div', { class: 'shequ-hint' }, '作废已批准但尚未生效的申请（请假尚未开始、开支尚未报账）。作废后申请不再有效，'
        + '尚未办理的后续环节（如销假、报账）一并取消，审批人会收到通知。此操作不能恢复。'),
      el('label', {}, '作废理由（必填）'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定作废', kind: 'danger', check: () => {
          const text = required(reason.value, '作废理由');
          if (text.length > MAX_REASON) throw new Error(`作废理由不能超过 ${MAX_REASON} 个字。`);
        },
        action: async () => {
          const text = reason.value.trim();
          const r = await call('POST', `/api/cases/${encodeURIComponent(businessKey)}/void`, { reason: text });
          return ((r && r.message) || `已作废 ${businessKey}。`) + (r && r.statusLabel ? ` 当前状态：${r.statusLabel}。` : '');
        }
      }
    ]
  });
  if (done) {
    await message('操作成功', done);
    if (after) after();
  }
}
