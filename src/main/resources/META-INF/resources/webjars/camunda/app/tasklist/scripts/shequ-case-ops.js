// Shequ Flow, Tasklist inbox (issue 10): what can be done to a case from a task or from a list —
// 催办 (POST /api/cases/{key}/urge), 撤回 (POST /api/cases/{key}/withdraw, after a confirmation with a
// reason) and the printable 审批单 (GET /api/cases/{key}/sheet in a new window). Each answers
// {message} (InboxOperations.Result, ApprovalOperations.Outcome), shown as the server words it.

import { call } from './shequ-api.js';
import { el, dialog, message, required } from './shequ-dialog.js';

export async function opUrge(businessKey, refresh) {
  const note = el('textarea', { class: 'form-control', rows: 2, name: 'note', placeholder: '如：请尽快审批，谢谢。' });
  const done = await dialog({
    title: '催办 ' + businessKey,
    body: el('div', {}, el('div', { class: 'shequ-hint' }, '提醒当前办理人尽快处理；同一事项一小时内只能催办一次。'),
      el('label', {}, '催办留言'), note),
    buttons: [
      { label: '取消' },
      {
        label: '确定催办', kind: 'primary', action: async () => {
          const r = await call('POST', `/api/cases/${encodeURIComponent(businessKey)}/urge`, { note: note.value.trim() });
          return (r && r.message) || '已催办，当前办理人会收到提醒。';
        }
      }
    ]
  });
  if (done) {
    await message('操作成功', done);
    if (refresh) refresh();
  }
}

export async function opWithdraw(businessKey, after) {
  const reason = el('textarea', { class: 'form-control', rows: 2, name: 'reason' });
  const done = await dialog({
    title: '撤回 ' + businessKey,
    body: el('div', {},
      el('div', { class: 'shequ-hint' }, '申请人撤回：申请作废，尚未办理的审批全部取消。审批人撤回：您的审批意见作废，事项回到您这一步重新审批。此操作不能恢复，确定要撤回吗？'),
      el('label', {}, '撤回理由'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定撤回', kind: 'danger', check: () => required(reason.value, '撤回理由'), action: async () => {
          const r = await call('POST', `/api/cases/${encodeURIComponent(businessKey)}/withdraw`, { reason: required(reason.value, '撤回理由') });
          return (r && r.message) || `已撤回 ${businessKey}。`;
        }
      }
    ]
  });
  if (done) {
    let status = '';
    try {
      const c = await call('GET', `/api/cases/${encodeURIComponent(businessKey)}`);
      status = c.statusLabel ? ` 当前状态：${c.statusLabel}。` : '';
    } catch (e) {
      status = '';
    }
    await message('操作成功', done + status);
    if (after) after();
  }
}

export function openSheet(businessKey) {
  window.open(`/api/cases/${encodeURIComponent(businessKey)}/sheet`, '_blank', 'noopener');
}
