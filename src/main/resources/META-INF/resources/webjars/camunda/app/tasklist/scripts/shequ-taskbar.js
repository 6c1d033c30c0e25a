// Shequ Flow, Tasklist inbox (issue 10): the bar above the open task's tabs — the case in one line
// and the operations that fit the task (CONTRACTS.md "Approval operations"): 退回
// (GET /api/tasks/{id}/return-targets, POST .../return), 转办 and 委派 (POST .../transfer|delegate),
// 加签 (POST .../add-signer), 抄送 (POST .../cc), 撤回申请 on the applicant's revise task, 打印审批单.
// People pickers list whom the server allows (GET /api/tasks/{id}/targets?for=…). Also the 待认领
// banner of an unclaimed group task (fill and 完成 at once, or claim first with Tasklist's own claim).

import { ENGINE, call, taskInfo } from './shequ-api.js';
import { el, dialog, message, required } from './shequ-dialog.js';
import { opWithdraw, openSheet } from './shequ-case-ops.js';
import { submissionBadge, showRecord } from './shequ-record.js';

/** Whom the holder may pick (GET /api/tasks/{id}/targets?for=transfer|delegate|cc); [] when not known. */
async function peopleFor(taskId, kind) {
  try {
    const list = await call('GET', `/api/tasks/${encodeURIComponent(taskId)}/targets?for=${kind}`);
    return Array.isArray(list) ? list : [];
  } catch (e) {
    return [];
  }
}

function personLabel(p) {
  return p.unitName ? `${p.name}（${p.unitName}）` : `${p.name}（${p.userId}）`;
}

function personSelect(list, emptyLabel) {
  const select = el('select', { class: 'form-control', name: 'userId' },
    el('option', { value: '' }, emptyLabel || '请选择人员'),
    list.map(p => el('option', { value: p.userId }, personLabel(p))));
  return select;
}

/** A person picker: a list of the people offered, or typing a user id when none is offered. */
function personPicker(list) {
  if (list && list.length) return { node: personSelect(list), value: n => n.value };
  const input = el('input', { class: 'form-control', name: 'userId', placeholder: '输入用户名，如 chen.staff' });
  return { node: input, value: n => n.value };
}

function afterTaskLeft(text) {
  return message('操作成功', text).then(() => {
    window.location.hash = '#/';
    window.location.reload();
  });
}

async function opReturn(ctx) {
  let targets = [];
  try {
    targets = await call('GET', `/api/tasks/${encodeURIComponent(ctx.taskId)}/return-targets`);
  } catch (e) {
    return message('无法退回', e.message);
  }
  // [{targetActivityId, name}] (ApprovalOperations.Target)
  if (!targets.length) return message('无法退回', '这项任务之前没有可以退回的环节。');
  const select = el('select', { class: 'form-control', name: 'target' },
    targets.map(t => el('option', { value: t.targetActivityId }, t.name)));
  const reason = el('textarea', { class: 'form-control', rows: 3, name: 'reason', placeholder: '说明退回的原因' });
  const done = await dialog({
    title: '退回',
    body: el('div', {}, el('label', {}, '退回到'), select, el('label', {}, '退回理由'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定退回', kind: 'danger', check: () => required(reason.value, '退回理由'), action: async () => {
          const r = await call('POST', `/api/tasks/${encodeURIComponent(ctx.taskId)}/return`,
            { targetActivityId: select.value, reason: required(reason.value, '退回理由') });
          return (r && r.message) || `已退回到「${select.options[select.selectedIndex].textContent}」。`;
        }
      }
    ]
  });
  if (done) await afterTaskLeft(done);
}

async function opHandOn(ctx, kind) {
  const label = kind === 'transfer' ? '转办' : '委派';
  const people = await peopleFor(ctx.taskId, kind);
  if (!people.length) {
    return message(label, kind === 'transfer'
      ? '没有可以转办的人员：只能转办给同一单位同一岗位的其他人员，本岗位没有其他人，或您不能办理这项任务。'
      : '没有可以委派的人员：只能委派给同一岗位的同事或本单位您的下级（不含申请人本人），现在没有这样的人员，或您不能办理这项任务。');
  }
  const picker = personPicker(people);
  const reason = el('textarea', { class: 'form-control', rows: 2, name: 'reason' });
  const hint = kind === 'transfer'
    ? '转办后任务交给对方办理，您不再经手。只能转给同一单位同一岗位的人员。'
    : '委派后对方提出意见、办理完毕，任务回到您手中由您最后决定。可以委派给同一岗位的同事，或本单位您的下级。';
  const done = await dialog({
    title: label,
    body: el('div', {}, el('div', { class: 'shequ-hint' }, hint),
      el('label', {}, label + '给'), picker.node, el('label', {}, label + '理由'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定' + label, kind: 'primary',
        check: () => { required(picker.value(picker.node), label + '对象'); required(reason.value, label + '理由'); },
        action: async () => {
          const userId = required(picker.value(picker.node), label + '对象');
          const r = await call('POST', `/api/tasks/${encodeURIComponent(ctx.taskId)}/${kind}`, { userId, reason: required(reason.value, label + '理由') });
          const opt = picker.node.options ? picker.node.options[picker.node.selectedIndex] : null;
          return (r && r.message) || `已${label}给 ${opt ? opt.textContent : userId}。`;
        }
      }
    ]
  });
  if (done) await afterTaskLeft(done);
}

async function opAddSigner(ctx) {
  // Whom the case may bring in (the CC list: its community and the street roles its family allows);
  // the server refuses anyone already on the round.
  const picker = personPicker(await peopleFor(ctx.taskId, 'cc'));
  const position = el('select', { class: 'form-control', name: 'position' },
    el('option', { value: 'before' }, '前加签：先请对方审批，再由我审批'),
    el('option', { value: 'after' }, '后加签：我审批后，再请对方审批'));
  const reason = el('textarea', { class: 'form-control', rows: 2, name: 'reason' });
  const done = await dialog({
    title: '加签',
    body: el('div', {}, el('label', {}, '加签方式'), position, el('label', {}, '加签人员'), picker.node,
      el('label', {}, '说明'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定加签', kind: 'primary', check: () => required(picker.value(picker.node), '加签人员'), action: async () => {
          const userId = required(picker.value(picker.node), '加签人员');
          const r = await call('POST', `/api/tasks/${encodeURIComponent(ctx.taskId)}/add-signer`,
            { userId, position: position.value, reason: reason.value.trim() });
          const opt = picker.node.options ? picker.node.options[picker.node.selectedIndex] : null;
          return { who: opt ? opt.textContent : userId, position: position.value, message: r && r.message };
        }
      }
    ]
  });
  if (!done) return;
  if (done.position === 'before') {
    await afterTaskLeft(done.message || `已前加签：请 ${done.who} 先审批，之后再由您审批。`);
  } else {
    await message('操作成功', done.message || `已后加签：您审批后，再请 ${done.who} 审批。`);
    ctx.refresh();
  }
}

async function opCc(ctx) {
  const people = await peopleFor(ctx.taskId, 'cc');
  const note = el('textarea', { class: 'form-control', rows: 2, name: 'note' });
  let body;
  let chosen;
  if (people.length) {
    const box = el('div', { class: 'shequ-people' },
      people.map(p => el('label', {}, el('input', { type: 'checkbox', value: p.userId }), ' ' + personLabel(p))));
    body = box;
    chosen = () => [...box.querySelectorAll('input:checked')].map(i => i.value);
  } else {
    const input = el('input', { class: 'form-control', name: 'userIds', placeholder: '用户名，多个用逗号分隔' });
    body = input;
    chosen = () => input.value.split(/[,，\s]+/).filter(Boolean);
  }
  const done = await dialog({
    title: '抄送',
    body: el('div', {}, el('div', { class: 'shequ-hint' }, '抄送只是告知，对方可在「抄送我的」中查看，不参与审批。'),
      el('label', {}, '抄送给'), body, el('label', {}, '附言'), note),
    buttons: [
      { label: '取消' },
      {
        label: '确定抄送', kind: 'primary', action: async () => {
          const userIds = chosen();
          if (!userIds.length) throw new Error('请选择抄送人员。');
          const r = await call('POST', `/api/tasks/${encodeURIComponent(ctx.taskId)}/cc`, { userIds, note: note.value.trim() });
          return (r && r.message) || `已抄送给 ${userIds.length} 人。`;
        }
      }
    ]
  });
  if (done) {
    await message('操作成功', done);
    ctx.refresh();
  }
}

export async function renderTaskBar(bar, taskId) {
  bar.innerHTML = '';
  let info;
  try {
    info = await taskInfo(taskId);
  } catch (e) {
    bar.appendChild(el('div', { class: 'shequ-error' }, e.message));
    return;
  }
  const ctx = { taskId, task: info.task, businessKey: info.businessKey, refresh: () => renderTaskBar(bar, taskId) };
  const line = el('div', { class: 'shequ-case-line' });
  if (ctx.businessKey) {
    try {
      const c = await call('GET', `/api/cases/${encodeURIComponent(ctx.businessKey)}`);
      line.append(...[
        el('b', {}, c.businessKey),
        el('span', { class: 'shequ-sep' }, '·'), `${c.familyLabel || ''}：${c.subject || ''}`,
        el('span', { class: 'shequ-sep' }, '·'), `申请人 ${c.applicantName || '系统'}`,
        el('span', { class: 'shequ-sep' }, '·'), '状态 ',
        el('span', { class: 'shequ-badge' + (c.closedAt ? ' shequ-closed' : '') }, c.statusLabel || c.status),
        submissionBadge(c),
        el('span', { class: 'shequ-sep' }, '·'),
        el('a', { href: '', class: 'shequ-show-record', onclick: ev => { ev.preventDefault(); showRecord(); } }, '查看审批记录')
      ].filter(Boolean));
    } catch (e) {
      line.append(el('b', {}, ctx.businessKey), el('span', { class: 'shequ-sep' }, '·'), e.message);
    }
  }
  const op = (label, action, opts = {}) => el('button', {
    type: 'button', class: 'btn btn-default btn-sm' + (opts.danger ? ' shequ-danger' : ''),
    'data-op': opts.id, title: opts.title, onclick: () => action().catch(e => message('操作失败', e.message))
  }, label);
  // Which operations this task offers: an approval task answers its return targets; a group task
  // has candidate groups; the applicant's own revise task may withdraw the request.
  const [targets, links] = await Promise.all([
    call('GET', `/api/tasks/${encodeURIComponent(taskId)}/return-targets`).catch(() => null),
    call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}/identity-links`).catch(() => [])
  ]);
  const approval = Array.isArray(targets);
  const group = (links || []).some(l => l.type === 'candidate' && l.groupId);
  const revise = /^revise/i.test(ctx.task.taskDefinitionKey || '');
  const ops = el('div', { class: 'shequ-ops' },
    approval && targets.length ? op('退回', () => opReturn(ctx), { id: 'return', title: '退回到之前已办理的环节' }) : null,
    group ? op('转办', () => opHandOn(ctx, 'transfer'), { id: 'transfer', title: '交给同岗位的同事办理' }) : null,
    group ? op('委派', () => opHandOn(ctx, 'delegate'), { id: 'delegate', title: '请同岗位的同事或本单位的下级先提出意见，办完回到您手中' }) : null,
    approval ? op('加签', () => opAddSigner(ctx), { id: 'add-signer', title: '在本环节前或后增加一位审批人' }) : null,
    approval || group ? op('抄送', () => opCc(ctx), { id: 'cc', title: '把事项告知其他人员' }) : null,
    ctx.businessKey && revise ? op('撤回申请', () => opWithdraw(ctx.businessKey, () => { window.location.hash = '#/'; window.location.reload(); }),
      { id: 'withdraw', danger: true, title: '撤回这项申请，不再办理' }) : null,
    ctx.businessKey ? op('打印审批单', async () => openSheet(ctx.businessKey), { id: 'print', title: '在新窗口打开 A4 审批单' }) : null);
  bar.append(line, ops);
}

export function claimBanner(details) {
  const claim = details.querySelector('[cam-tasklist-task-meta] button.claim');
  const tabs = details.querySelector('.tabbed-content');
  let banner = details.querySelector('.shequ-claim-banner');
  // Tasklist's own 认领 (its line of the task header) is not shown beside the banner's.
  if (claim && tabs) {
    const native = claim.closest('li');
    if (native && !native.classList.contains('shequ-native-claim')) native.classList.add('shequ-native-claim');
    if (!banner) {
      // Issue 18, 认领并办理 (shequ-claim.js): the form can be filled at once; 完成 claims and completes.
      const groups = (details.querySelector('[cam-tasklist-task-meta] li.groups a') || {}).textContent;
      banner = el('div', { class: 'shequ-claim-banner', role: 'status' },
        el('b', {}, '待认领：'),
        `这项任务由${groups ? '「' + groups.trim() + '」' : '本岗位'}共同办理。直接填写并点「完成」，即由您认领并办理`,
        // On a phone the banner keeps to its first sentence (shequ-phone.js), the form starts sooner.
        el('span', { class: 'shequ-claim-more' }, '；如要先接下再慢慢办，可点「认领」，同岗位的其他人员就不会重复办理'), '。',
        el('button', {
          type: 'button', class: 'btn btn-default btn-sm',
          onclick: () => { const c = details.querySelector('[cam-tasklist-task-meta] button.claim'); if (c) c.click(); }
        }, '认领'));
      tabs.parentNode.insertBefore(banner, tabs);
    }
  } else if (banner) {
    banner.remove();
  }
}
