// Shequ Flow: the notice bell in Tasklist's header (issue 18). The bell shows how many of the user's
// notices are unread (GET /api/notifications/unread-count, read again every minute and when the
// window gets the focus); a click opens the latest 50 (GET /api/notifications), unread ones first in
// bold. Opening a notice marks it read (POST /api/notifications/{id}/read) and shows its case's
// 审批记录; 全部标为已读 marks them all (POST /api/notifications/read-all).

import { call, fmtTime } from './shequ-api.js';
import { el, dialog } from './shequ-dialog.js';
import { showRecordDialog } from './shequ-record.js';

const CSS = `
.shequ-bell { position: relative; display: inline-block; }
.shequ-bell .shequ-bell-count { position: absolute; top: -6px; right: -10px; min-width: 18px; padding: 0 5px;
  border-radius: 9px; background: #d9534f; color: #fff; font-size: 11px; line-height: 18px; text-align: center; }
.shequ-bell .shequ-bell-count[hidden] { display: none; }
.shequ-notices { list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow-y: auto; }
.shequ-notices li { padding: 8px 6px; border-bottom: 1px solid #eee; cursor: pointer; overflow-wrap: anywhere; }
.shequ-notices li:hover { background: #f5f7fa; }
.shequ-notices li.shequ-unread .shequ-notice-text { font-weight: 600; }
.shequ-notices li.shequ-unread::before { content: ''; display: inline-block; width: 8px; height: 8px; margin-right: 6px;
  border-radius: 4px; background: #d9534f; vertical-align: middle; }
.shequ-notice-meta { font-size: 12px; color: #777; margin-top: 2px; }
.shequ-notices-empty { color: #777; padding: 12px 0; }`;

const counters = new Set();
let styled = false;

async function refreshCount() {
  let unread = 0;
  try {
    unread = (await call('GET', '/api/notifications/unread-count')).unread || 0;
  } catch (e) {
    return; // not logged in, or offline: keep what is shown
  }
  counters.forEach(c => {
    c.textContent = unread > 99 ? '99+' : String(unread);
    c.hidden = unread === 0;
    const bell = c.closest('a');
    if (bell) bell.setAttribute('aria-label', unread ? `通知，${unread} 条未读` : '通知');
  });
}

function item(n, reload) {
  const li = el('li', { class: n.readAt ? '' : 'shequ-unread', 'data-notice': n.id, tabindex: '0' },
    el('div', { class: 'shequ-notice-text' }, n.message),
    el('div', { class: 'shequ-notice-meta' }, fmtTime(n.createdAt), n.businessKey ? '　事项 ' + n.businessKey : ''));
  const open = async () => {
    if (!n.readAt) {
      try {
        await call('POST', `/api/notifications/${encodeURIComponent(n.id)}/read`);
        n.readAt = new Date().toISOString();
        li.classList.remove('shequ-unread');
        refreshCount();
      } catch (e) {
        // the notice is shown anyway
      }
    }
    if (n.businessKey) showRecordDialog(n.businessKey);
  };
  li.addEventListener('click', open);
  li.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
  return li;
}

async function openNotices() {
  const list = el('ul', { class: 'shequ-notices' });
  const fill = async () => {
    list.textContent = '';
    const notices = await call('GET', '/api/notifications');
    if (!notices.length) {
      list.appendChild(el('li', { class: 'shequ-notices-empty' }, '暂无通知。'));
      return;
    }
    notices.forEach(n => list.appendChild(item(n, fill)));
  };
  try {
    await fill();
  } catch (e) {
    list.appendChild(el('li', { class: 'shequ-notices-empty' }, e.message));
  }
  await dialog({
    title: '我的通知',
    body: list,
    buttons: [
      { label: '全部标为已读', kind: 'default', action: async () => { await call('POST', '/api/notifications/read-all'); await fill(); refreshCount(); return false; } },
      { label: '关闭', kind: 'primary' }
    ]
  });
  refreshCount();
}

let polling = false;
function startPolling() {
  if (polling) return;
  polling = true;
  setInterval(refreshCount, 60000);
  window.addEventListener('focus', refreshCount);
}

export default [{
  id: 'shequ-notices-bell',
  pluginPoint: 'tasklist.navbar.action',
  priority: 240,
  render: node => {
    if (!styled) {
      styled = true;
      document.head.appendChild(el('style', {}, CSS));
    }
    const count = el('span', { class: 'shequ-bell-count', hidden: true }, '0');
    counters.add(count);
    node.appendChild(el('a', { href: '', class: 'shequ-bell shequ-inbox-nav', 'aria-label': '通知', title: '我的通知',
      onclick: ev => { ev.preventDefault(); openNotices(); } },
    el('span', { class: 'glyphicon glyphicon-bell' }), ' 通知', count));
    startPolling();
    refreshCount();
  },
  properties: { label: '通知' }
}];
