// Shequ Flow: the inbox of a Chinese office inside Camunda Tasklist (issue 10). Plain ES module,
// no build step, loaded through customScripts in config.js. It gives Tasklist:
//  - plugin "审批记录" (tasklist.task.detail): the case of the open task, its status, the number of
//    submissions and the timeline (GET /api/cases/{key}, /timeline), resubmissions marked 第N次提交;
//  - plugin "我的申请 / 已办 / 抄送我的" (tasklist.navbar.action): lists from GET /api/cases/mine,
//    /api/tasks/done and /api/cc, with 催办, 撤回, 审批单 and 审批记录 per case;
//  - on the open task (a bar above the tabs, kept in step with the task by a MutationObserver):
//    the case in one line and the operations 退回, 转办, 委派, 加签, 抄送, 催办, 撤回, 打印审批单
//    (CONTRACTS.md "Approval operations"); the server's Chinese message is shown as it comes;
//  - a 需先认领 banner on an unclaimed group task, whose button claims it with Tasklist's own claim;
//  - 常用意见 beside the approval comment (form field key `comment`);
//  - after 完成 a confirmation of what happened and where the case went (GET /api/cases/{key}/progress);
//    an unticked 重新提交 on a revise form, and a refusal, ask first;
//  - Tasklist's own buttons that the guards refuse for staff (due/follow-up dates, comments, new
//    tasks, candidate groups) hidden for everyone but administrators; print styles.
// Everything a user reads is Chinese. All calls use the Tasklist login (session cookie) and the
// webapps' CSRF token (X-XSRF-TOKEN), which the product API accepts.

const ENGINE = '/camunda/api/engine/engine/default';

const STOCK_PHRASES = [
  '同意。',
  '情况属实，同意。',
  '同意，请按规定办理。',
  '材料不全，请补充。',
  '不符合规定，不同意。',
  '请说明理由后重新提交。'
];

// ------------------------------------------------------------------ small helpers

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const message = json && (json.message || json.error) ? (json.message || json.error) : null;
    throw new ApiError(response.status, message || describeStatus(response.status));
  }
  return json;
}

function describeStatus(status) {
  if (status === 401) return '登录已失效，请刷新页面后重新登录。';
  if (status === 403) return '您无权进行此项操作。';
  if (status === 404) return '没有找到该事项或任务，可能已被他人处理。';
  if (status === 409) return '事项状态已变化，请刷新后重试。';
  if (status === 429) return '操作过于频繁，请稍后再试。';
  return '操作失败（错误代码 ' + status + '），请稍后重试或联系管理员。';
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function fmtTime(v) {
  if (!v) return '';
  const s = String(v);
  const m = s.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/);
  if (m) {
    // Offsets (engine dates) are shown in the browser's time; local date-times as they are.
    if (/[+-]\d{2}:?\d{2}$|Z$/.test(s)) {
      const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!isNaN(d)) {
        const p = n => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
      }
    }
    return m[1] + ' ' + m[2];
  }
  return s;
}

function taskIdFromUrl() {
  const m = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

const taskCache = new Map();

/** The open task and its case's business key (the task-local column variable listNo). */
async function taskInfo(taskId) {
  if (taskCache.has(taskId)) return taskCache.get(taskId);
  const promise = (async () => {
    const task = await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}`);
    let businessKey = null;
    try {
      const v = await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}/localVariables/listNo`);
      businessKey = v && v.value;
    } catch (e) {
      businessKey = null;
    }
    return { task, businessKey };
  })();
  taskCache.set(taskId, promise);
  promise.catch(() => taskCache.delete(taskId));
  return promise;
}

let me = null;
/** The logged-in user and his webapps (GET /camunda/api/admin/auth/user/default), asked again after a login. */
async function currentUser(force) {
  if (!me || force) {
    me = call('GET', '/camunda/api/admin/auth/user/default').catch(() => {
      me = null;
      return { userId: null, authorizedApps: [] };
    });
  }
  return me;
}

/** Tasklist's refused buttons stay hidden unless the logged-in user is an administrator. */
function applyRole() {
  document.body.classList.add('shequ-staff');
  currentUser(true).then(u => {
    if (u && (u.authorizedApps || []).includes('admin')) document.body.classList.remove('shequ-staff');
  });
}

// ------------------------------------------------------------------ styles

const CSS = `
body.shequ-staff .create-task-action,
body.shequ-staff .task-actions .createCommentLink,
body.shequ-staff [cam-tasklist-task-meta] ul.meta.dates,
body.shequ-staff [cam-tasklist-task-meta] li.groups > span { display: none !important; }
.shequ-task-bar { margin: 4px 0 10px; padding: 8px 10px; background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 3px; }
.shequ-case-line { font-size: 13px; color: #333; margin-bottom: 6px; }
.shequ-case-line b { font-weight: 600; }
.shequ-case-line .shequ-sep { color: #aaa; margin: 0 6px; }
.shequ-badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; background: #e8eef7; color: #24528a; margin-left: 4px; }
.shequ-badge.shequ-resubmit { background: #fff1d6; color: #8a5a00; }
.shequ-badge.shequ-closed { background: #e6e6e6; color: #555; }
.shequ-ops .btn { margin: 2px 6px 2px 0; }
.shequ-ops .shequ-danger { color: #b5152b; border-color: #e3b0b7; }
.shequ-claim-banner { margin: 6px 0 8px; padding: 10px 12px; background: #fff8e1; border: 1px solid #f0d58c; border-radius: 3px; font-size: 14px; }
.shequ-claim-banner button { margin-left: 12px; }
.shequ-phrases { margin: 4px 0 6px; font-size: 12px; }
.shequ-phrases span.shequ-phrases-label { color: #666; margin-right: 4px; }
.shequ-phrases button { margin: 2px 4px 2px 0; padding: 1px 8px; font-size: 12px; border: 1px solid #c9d3df; background: #fff; border-radius: 10px; cursor: pointer; }
.shequ-phrases button:hover { background: #eef3fa; }
.shequ-phrases button[disabled] { opacity: .5; cursor: not-allowed; }
.shequ-timeline { width: 100%; border-collapse: collapse; font-size: 13px; }
.shequ-timeline th, .shequ-timeline td { border-bottom: 1px solid #e5e5e5; padding: 6px 8px; text-align: left; vertical-align: top; }
.shequ-timeline th { background: #f5f7fa; font-weight: 600; white-space: nowrap; }
.shequ-timeline tr.shequ-round td { background: #fffaf0; font-weight: 600; color: #8a5a00; }
.shequ-timeline .shequ-yes { color: #1e7b34; }
.shequ-timeline .shequ-no { color: #b5152b; }
.shequ-record { padding: 12px 16px; }
.shequ-record h4 { margin: 4px 0 10px; }
.shequ-record dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 4px 14px; margin-bottom: 14px; font-size: 13px; }
.shequ-record dt { color: #666; font-weight: normal; }
.shequ-record dd { margin: 0; }
.shequ-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.35); z-index: 2000; display: flex; align-items: flex-start; justify-content: center; padding-top: 70px; }
.shequ-dialog { background: #fff; border-radius: 4px; box-shadow: 0 8px 30px rgba(0,0,0,.3); width: 560px; max-width: 94vw; max-height: 84vh; display: flex; flex-direction: column; }
.shequ-dialog.shequ-wide { width: 1120px; }
.shequ-dialog header { padding: 12px 16px; border-bottom: 1px solid #e5e5e5; font-size: 17px; font-weight: 600; }
.shequ-dialog .shequ-body { padding: 14px 16px; overflow: auto; font-size: 14px; }
.shequ-dialog footer { padding: 10px 16px; border-top: 1px solid #e5e5e5; text-align: right; }
.shequ-dialog footer .btn { margin-left: 8px; }
.shequ-dialog label { display: block; font-weight: 600; margin: 10px 0 4px; }
.shequ-dialog .shequ-hint { color: #666; font-size: 12px; margin-top: 3px; }
.shequ-dialog .shequ-error { color: #b5152b; margin-top: 10px; white-space: pre-wrap; }
.shequ-dialog .shequ-people { max-height: 180px; overflow: auto; border: 1px solid #ddd; padding: 4px 8px; border-radius: 3px; }
.shequ-dialog .shequ-people label { font-weight: normal; margin: 2px 0; }
.shequ-tabs { margin-bottom: 10px; border-bottom: 1px solid #ddd; }
.shequ-tabs a { display: inline-block; padding: 6px 14px; cursor: pointer; color: #333; text-decoration: none; border-bottom: 2px solid transparent; }
.shequ-tabs a.active { border-bottom-color: #b5152b; font-weight: 600; }
.shequ-list { width: 100%; border-collapse: collapse; font-size: 13px; }
.shequ-list th, .shequ-list td { border-bottom: 1px solid #e5e5e5; padding: 6px 6px; text-align: left; vertical-align: top; white-space: nowrap; }
.shequ-list td.shequ-wrap { white-space: normal; min-width: 160px; }
.shequ-list th { background: #f5f7fa; white-space: nowrap; }
.shequ-list td .btn { padding: 1px 6px; font-size: 12px; margin: 1px 2px; }
.shequ-list .shequ-overdue { color: #b5152b; font-weight: 600; }
.shequ-done { position: fixed; top: 70px; right: 20px; width: 420px; z-index: 1900; background: #fff; border: 1px solid #8cc59a; border-left: 5px solid #1e7b34; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 12px 14px; font-size: 14px; border-radius: 3px; }
.shequ-done h5 { margin: 0 0 6px; font-size: 15px; font-weight: 600; color: #1e7b34; }
.shequ-done ul { margin: 4px 0 0 18px; padding: 0; }
.shequ-done .close { position: absolute; top: 6px; right: 10px; }
.shequ-inbox-nav { cursor: pointer; white-space: nowrap; }
@media print {
  [cam-widget-header], footer, .column-left, .column-center, .task-filters, .tasks-list, .shequ-ops, .shequ-phrases,
  .shequ-claim-banner, .nav-tabs, .form-actions, .task-actions, .shequ-done, .page-notifications, .region-toggle,
  .maximize, .reset-regions, [cam-tasklist-task-meta], .shequ-show-record { display: none !important; }
  a[href]:after { content: none !important; }
  .column-right, .task-details { position: static !important; width: 100% !important; left: 0 !important; }
  .three-cols-layout-columns, .site-wrap, .page-wrap { position: static !important; overflow: visible !important; }
}
`;

function installStyles() {
  if (document.getElementById('shequ-inbox-styles')) return;
  document.head.appendChild(el('style', { id: 'shequ-inbox-styles' }, CSS));
}

// ------------------------------------------------------------------ dialogs

/**
 * A modal dialog. `buttons` are {label, kind: 'primary'|'danger'|'default', action}; an action may
 * return a promise; a rejected promise's message is shown in the dialog, which stays open.
 */
function dialog({ title, body, buttons, wide }) {
  return new Promise(resolve => {
    const error = el('div', { class: 'shequ-error', role: 'alert' });
    const overlay = el('div', { class: 'shequ-overlay' });
    const close = value => {
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      resolve(value);
    };
    const onKey = e => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close(null);
      }
    };
    const footer = el('footer', {});
    for (const b of buttons || [{ label: '关闭', kind: 'default' }]) {
      const btn = el('button', {
        type: 'button',
        class: 'btn ' + (b.kind === 'primary' ? 'btn-primary' : b.kind === 'danger' ? 'btn-danger' : 'btn-default'),
        'data-shequ-button': b.label
      }, b.label);
      btn.addEventListener('click', async () => {
        if (!b.action) {
          close(b.value === undefined ? null : b.value);
          return;
        }
        error.textContent = '';
        footer.querySelectorAll('button').forEach(x => { x.disabled = true; });
        try {
          const result = await b.action();
          if (result !== false) close(result === undefined ? true : result);
        } catch (e) {
          error.textContent = e && e.message ? e.message : String(e);
        } finally {
          footer.querySelectorAll('button').forEach(x => { x.disabled = false; });
        }
      });
      footer.appendChild(btn);
    }
    const box = el('div', { class: 'shequ-dialog' + (wide ? ' shequ-wide' : ''), role: 'dialog', 'aria-modal': 'true' },
      el('header', {}, title),
      el('div', { class: 'shequ-body' }, body, error),
      footer);
    overlay.appendChild(box);
    overlay.addEventListener('click', e => { if (e.target === overlay) close(null); });
    document.addEventListener('keydown', onKey, true);
    document.body.appendChild(overlay);
    const first = box.querySelector('select, input, textarea');
    if (first) first.focus();
  });
}

function message(title, text) {
  return dialog({ title, body: el('div', {}, text), buttons: [{ label: '确定', kind: 'primary' }] });
}

function confirmDialog(title, text, okLabel, danger) {
  return dialog({
    title,
    body: el('div', {}, text),
    buttons: [
      { label: '取消', kind: 'default', value: false },
      { label: okLabel || '确定', kind: danger ? 'danger' : 'primary', action: () => true }
    ]
  }).then(v => v === true);
}

function required(value, field) {
  if (!value || !String(value).trim()) throw new Error('请填写' + field + '。');
  return String(value).trim();
}

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

// ------------------------------------------------------------------ operations

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
        label: '确定退回', kind: 'danger', action: async () => {
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
    return message(label, `没有可以${label}的人员：只能${label}给同一单位同一岗位的其他人员，本岗位没有其他人，或您不能办理这项任务。`);
  }
  const picker = personPicker(people);
  const reason = el('textarea', { class: 'form-control', rows: 2, name: 'reason' });
  const hint = kind === 'transfer'
    ? '转办后任务交给对方办理，您不再经手。只能转给同一单位同一岗位的人员。'
    : '委派后对方办理完毕，任务回到您手中由您最后决定。只能委派给同一单位同一岗位的人员。';
  const done = await dialog({
    title: label,
    body: el('div', {}, el('div', { class: 'shequ-hint' }, hint),
      el('label', {}, label + '给'), picker.node, el('label', {}, label + '理由'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定' + label, kind: 'primary', action: async () => {
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
        label: '确定加签', kind: 'primary', action: async () => {
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

async function opUrge(businessKey, refresh) {
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

async function opWithdraw(businessKey, after) {
  const reason = el('textarea', { class: 'form-control', rows: 2, name: 'reason' });
  const done = await dialog({
    title: '撤回 ' + businessKey,
    body: el('div', {},
      el('div', { class: 'shequ-hint' }, '申请人撤回：申请作废，尚未办理的审批全部取消。审批人撤回：您的审批意见作废，事项回到您这一步重新审批。此操作不能恢复，确定要撤回吗？'),
      el('label', {}, '撤回理由'), reason),
    buttons: [
      { label: '取消' },
      {
        label: '确定撤回', kind: 'danger', action: async () => {
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

function openSheet(businessKey) {
  window.open(`/api/cases/${encodeURIComponent(businessKey)}/sheet`, '_blank', 'noopener');
}

// ------------------------------------------------------------------ the record (timeline)

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

function submissionBadge(c) {
  if (!c || !c.submission || c.submission < 2) return null;
  return el('span', { class: 'shequ-badge shequ-resubmit', title: '申请人修改后重新提交' }, `第${c.submission}次提交`);
}

async function renderRecord(node, businessKey) {
  node.innerHTML = '';
  node.appendChild(el('div', { class: 'shequ-hint' }, '正在加载审批记录……'));
  try {
    const [c, timeline] = await Promise.all([
      call('GET', `/api/cases/${encodeURIComponent(businessKey)}`),
      call('GET', `/api/cases/${encodeURIComponent(businessKey)}/timeline`)
    ]);
    node.innerHTML = '';
    node.appendChild(el('div', { class: 'shequ-record' },
      el('h4', {}, `审批记录 ${c.businessKey}`, submissionBadge(c)),
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

function showRecordDialog(businessKey) {
  const body = el('div', {});
  renderRecord(body, businessKey);
  return dialog({ title: '审批记录', body, wide: true, buttons: [{ label: '关闭' }] });
}

// ------------------------------------------------------------------ the bar above the task's tabs

async function renderTaskBar(bar, taskId) {
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
    group ? op('委派', () => opHandOn(ctx, 'delegate'), { id: 'delegate', title: '请同岗位的同事代办，办完回到您手中' }) : null,
    approval ? op('加签', () => opAddSigner(ctx), { id: 'add-signer', title: '在本环节前或后增加一位审批人' }) : null,
    approval || group ? op('抄送', () => opCc(ctx), { id: 'cc', title: '把事项告知其他人员' }) : null,
    ctx.businessKey && revise ? op('撤回申请', () => opWithdraw(ctx.businessKey, () => { window.location.hash = '#/'; window.location.reload(); }),
      { id: 'withdraw', danger: true, title: '撤回这项申请，不再办理' }) : null,
    ctx.businessKey ? op('打印审批单', async () => openSheet(ctx.businessKey), { id: 'print', title: '在新窗口打开 A4 审批单' }) : null);
  bar.append(line, ops);
}

function showRecord() {
  const tab = [...document.querySelectorAll('.task-details .nav-tabs a')].find(a => a.textContent.trim() === '审批记录');
  if (tab) tab.click();
}

// ------------------------------------------------------------------ claim banner, phrases, completion

function claimBanner(details) {
  const claim = details.querySelector('[cam-tasklist-task-meta] button.claim');
  const tabs = details.querySelector('.tabbed-content');
  let banner = details.querySelector('.shequ-claim-banner');
  if (claim && tabs) {
    if (!banner) {
      const groups = (details.querySelector('[cam-tasklist-task-meta] li.groups a') || {}).textContent;
      banner = el('div', { class: 'shequ-claim-banner', role: 'status' },
        el('b', {}, '需先认领：'),
        `这项任务由${groups ? '「' + groups.trim() + '」' : '本岗位'}共同办理，认领后才能填写和完成；认领后同岗位的其他人员不会重复办理。`,
        el('button', {
          type: 'button', class: 'btn btn-primary btn-sm',
          onclick: () => { const c = details.querySelector('[cam-tasklist-task-meta] button.claim'); if (c) c.click(); }
        }, '认领并办理'));
      tabs.parentNode.insertBefore(banner, tabs);
    }
  } else if (banner) {
    banner.remove();
  }
}

function commentArea(root) {
  return [...root.querySelectorAll('textarea.fjs-textarea')].find(t => /_comment_\d+$/.test(t.id));
}

function fieldInput(root, key) {
  return [...root.querySelectorAll('input, textarea')].find(t => new RegExp('_' + key + '_\\d+$').test(t.id));
}

function phrases(details) {
  const area = commentArea(details);
  if (!area) return;
  const field = area.closest('.fjs-form-field');
  let box = field.querySelector('.shequ-phrases');
  if (!box) {
    box = el('div', { class: 'shequ-phrases' }, el('span', { class: 'shequ-phrases-label' }, '常用意见：'),
      STOCK_PHRASES.map(p => el('button', {
        type: 'button', 'data-phrase': p,
        onclick: () => {
          const target = commentArea(details);
          if (!target || target.disabled || target.readOnly || details.querySelector('[cam-tasklist-task-meta] button.claim')) return;
          target.value = p;
          target.dispatchEvent(new Event('input', { bubbles: true }));
          target.dispatchEvent(new Event('change', { bubbles: true }));
          target.focus();
        }
      }, p)));
    area.parentNode.insertBefore(box, area);
  }
  const unclaimed = !!details.querySelector('[cam-tasklist-task-meta] button.claim');
  box.querySelectorAll('button').forEach(b => {
    b.disabled = unclaimed || area.disabled || area.readOnly;
    b.title = b.disabled ? '需先认领任务' : '填入审批意见';
  });
}

let bypassNextComplete = false;

async function beforeComplete(event) {
  const button = event.target.closest && event.target.closest('button[ng-click="complete()"]');
  if (!button || !button.closest('.task-details')) return;
  const taskId = taskIdFromUrl();
  if (bypassNextComplete) {
    bypassNextComplete = false;
    watchCompletion(taskId);
    return;
  }
  const details = button.closest('.task-details');
  const resubmit = fieldInput(details, 'resubmit');
  const approved = fieldInput(details, 'approved');
  const comment = commentArea(details);
  let question = null;
  if (resubmit && resubmit.type === 'checkbox' && !resubmit.checked) {
    question = { title: '撤回申请', text: '不勾选将撤回申请，确定吗？', ok: '确定撤回', danger: true };
  } else if (approved && approved.type === 'checkbox' && !approved.checked) {
    if (comment && !comment.value.trim()) {
      event.preventDefault();
      event.stopImmediatePropagation();
      await message('请填写审批意见', '未勾选「同意」即为不同意，不同意须填写审批意见（可点「常用意见」）。');
      return;
    }
    question = { title: '不同意', text: '未勾选「同意」：将作为不同意，退回申请人。确定吗？', ok: '确定不同意', danger: true };
  }
  if (!question) {
    watchCompletion(taskId);
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  if (await confirmDialog(question.title, question.text, question.ok, question.danger)) {
    bypassNextComplete = true;
    button.click();
  }
}

/** After 完成: waits until the task is gone, then says what happened and where the case is now. */
async function watchCompletion(taskId) {
  if (!taskId) return;
  let info;
  try {
    info = await taskInfo(taskId);
  } catch (e) {
    return;
  }
  for (let i = 0; i < 40; i++) {
    await new Promise(r => setTimeout(r, 500));
    try {
      await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}`);
    } catch (e) {
      if (e.status === 404) {
        await showDone(info);
        return;
      }
    }
  }
}

async function showDone(info) {
  document.querySelectorAll('.shequ-done').forEach(x => x.remove());
  const lines = [];
  let headline = `已办理「${info.task.name}」。`;
  if (info.businessKey) {
    try {
      const p = await call('GET', `/api/cases/${encodeURIComponent(info.businessKey)}/progress`);
      headline += ` 事项 ${p.businessKey} 当前状态：${p.statusLabel || p.status}。`;
      if (p.openTasks && p.openTasks.length) {
        lines.push('下一步：');
        for (const t of p.openTasks) {
          const who = t.assigneeName || (t.roles && t.roles.length ? t.roles.join('、') : '待分派');
          lines.push(`${t.name} — ${who}`);
        }
      } else if (p.closed) {
        lines.push('事项已办结，没有待办的环节。');
      } else {
        lines.push('暂无待办环节。');
      }
    } catch (e) {
      lines.push(e.message);
    }
  }
  const next = lines[0] === '下一步：' ? lines.slice(1) : null;
  const box = el('div', { class: 'shequ-done', role: 'status', 'data-task': info.task.id },
    el('button', { type: 'button', class: 'close', 'aria-label': '关闭', onclick: () => box.remove() }, '×'),
    el('h5', {}, '办理完成'),
    el('div', {}, headline),
    next ? el('div', { style: 'margin-top:6px' }, '下一步：') : null,
    next ? el('ul', {}, next.map(l => el('li', {}, l))) : lines.map(l => el('div', {}, l)));
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 60000);
}

function syncTaskDetails() {
  const details = document.querySelector('.task-details [cam-tasklist-task]');
  if (!details) return;
  const taskId = taskIdFromUrl();
  const tabs = details.querySelector('.tabbed-content');
  if (!taskId || !tabs) return;
  claimBanner(details);
  let bar = details.querySelector('.shequ-task-bar');
  if (!bar) {
    bar = el('div', { class: 'shequ-task-bar' });
    tabs.parentNode.insertBefore(bar, tabs);
  }
  if (bar.getAttribute('data-task') !== taskId) {
    // Another task is opened: the confirmation of the previous one has been read.
    document.querySelectorAll('.shequ-done').forEach(x => { if (x.getAttribute('data-task') !== taskId) x.remove(); });
    bar.setAttribute('data-task', taskId);
    renderTaskBar(bar, taskId);
  }
  phrases(details);
}

let observerInstalled = false;
function installObserver() {
  if (observerInstalled) return;
  observerInstalled = true;
  installStyles();
  document.body.classList.add('shequ-staff');
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      try {
        syncTaskDetails();
      } catch (e) {
        console.error('shequ-inbox', e);
      }
    });
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'class'] });
  document.addEventListener('click', beforeComplete, true);
}

// ------------------------------------------------------------------ 我的申请 / 已办 / 抄送我的

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
    open ? btn('撤回', () => opWithdraw(key, reload), true) : null,
    btn('审批单', () => openSheet(key)),
    btn('记录', () => showRecordDialog(key))
  ];
}

const LISTS = {
  mine: {
    label: '我的申请',
    url: '/api/cases/mine',
    empty: '您还没有提交过申请。',
    columns: [
      ['编号', i => i.businessKey],
      ['事项', i => subjectOf(i), true],
      ['提交时间', i => fmtTime(i.createdAt)],
      ['状态', i => i.statusLabel],
      ['当前环节', i => holdersOf(i), true],
      ['期限', i => deadlineCell(earliestDue(i))]
    ],
    actions: caseRowActions
  },
  done: {
    label: '已办',
    url: '/api/tasks/done',
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
function earliestDue(item) {
  const dues = item.currentSteps.map(t => t.due).filter(Boolean).sort();
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

function deadlineCell(deadline) {
  if (!deadline) return '';
  return el('span', { class: isOverdue(deadline) ? 'shequ-overdue' : '' }, fmtTime(deadline) + (isOverdue(deadline) ? '（已超期）' : ''));
}

function btn(label, action, danger) {
  return el('button', {
    type: 'button', class: 'btn btn-default btn-xs' + (danger ? ' shequ-danger' : ''), 'data-op': label,
    onclick: () => Promise.resolve(action()).catch(e => message('操作失败', e.message))
  }, label);
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
  // Cells first; a column no row fills (the server does not give it) is left out.
  const empty = v => v === null || v === undefined || v === '';
  const cells = items.map(i => list.columns.map(c => c[1](i)));
  const shown = list.columns.map((c, k) => cells.some(row => !empty(row[k])));
  container.appendChild(el('table', { class: 'shequ-list', 'data-list': name },
    el('thead', {}, el('tr', {}, list.columns.filter((c, k) => shown[k]).map(c => el('th', {}, c[0])), el('th', {}, '操作'))),
    el('tbody', {}, items.map((i, n) => el('tr', { 'data-key': i.businessKey },
      list.columns.map((c, k) => shown[k]
        ? el('td', { class: c[2] ? 'shequ-wrap' : null }, empty(cells[n][k]) ? '' : cells[n][k])
        : null),
      el('td', { style: 'white-space:nowrap' }, list.actions(i, reload)))))));
}

function openLists(start) {
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

// ------------------------------------------------------------------ plugins

export default [
  {
    id: 'shequ-case-record',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    render: (node, { taskId }) => {
      installObserver();
      const box = el('div', { class: 'shequ-record-tab' });
      node.appendChild(box);
      taskInfo(taskId).then(info => {
        if (!info.businessKey) {
          box.appendChild(el('div', { class: 'shequ-record' }, '这项任务不属于任何登记的事项。'));
          return;
        }
        renderRecord(box, info.businessKey);
      }).catch(e => box.appendChild(el('div', { class: 'shequ-record shequ-error' }, e.message)));
    },
    properties: { label: '审批记录' }
  },
  ...[['mine', 'glyphicon-inbox', 230], ['done', 'glyphicon-ok', 220], ['cc', 'glyphicon-share-alt', 210]].map(([name, icon, priority]) => ({
    id: 'shequ-list-' + name,
    pluginPoint: 'tasklist.navbar.action',
    priority,
    render: node => {
      installObserver();
      // The navbar renders after each login (Tasklist is one page): learn who is logged in now.
      if (name === 'mine') applyRole();
      node.appendChild(el('a', { href: '', class: 'shequ-inbox-nav', 'data-list': name,
        onclick: ev => { ev.preventDefault(); openLists(name); } },
      el('span', { class: 'glyphicon ' + icon }), ' ' + LISTS[name].label));
    },
    properties: { label: LISTS[name].label }
  }))
];

// Styles and the task watcher also start when the module loads, before any plugin renders.
if (document.body) {
  installObserver();
} else {
  document.addEventListener('DOMContentLoaded', installObserver);
}
