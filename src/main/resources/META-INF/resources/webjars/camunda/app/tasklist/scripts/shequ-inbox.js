// Shequ Flow: the inbox of a Chinese office inside Camunda Tasklist (issue 10). Plain ES modules,
// no build step; this entry is loaded through customScripts in config.js ('scripts/shequ-inbox') and
// imports the others from this folder:
//  - shequ-api.js      calls (session + CSRF token), errors, dates, the open task and its case;
//  - shequ-dialog.js   el(), dialogs, buttons;        shequ-styles.js   styles and print styles;
//  - shequ-record.js   审批记录 (tab and dialog);       shequ-lists.js    我的申请 / 已办 / 抄送我的;
//  - shequ-taskbar.js  the bar above the task: the case line, 退回 转办 委派 加签 抄送 撤回申请 打印审批单,
//                      and the 需先认领 banner;
//  - shequ-case-ops.js 催办, 撤回, 审批单 of a case (from the bar and the lists);
//  - shequ-void.js 作废 of an approved request not yet in effect (from 我的申请);
//  - shequ-complete.js 常用意见, the questions before 完成 and the confirmation after it.
// This entry exports the plugins — "审批记录" (tasklist.task.detail) and the three navbar links
// (tasklist.navbar.action) — and keeps the bar, banner and 常用意见 in step with the open task with
// the page's watcher (shequ-watch.js). Tasklist's buttons that the guards refuse for staff stay hidden for everyone
// but administrators. Everything a user reads is Chinese.

import { currentUser, taskIdFromUrl, taskInfo } from './shequ-api.js';
import { el } from './shequ-dialog.js';
import { installStyles } from './shequ-styles.js';
import { renderRecord } from './shequ-record.js';
import { renderTaskBar, claimBanner } from './shequ-taskbar.js';
import { phrases, beforeComplete } from './shequ-complete.js';
import { LISTS, openLists } from './shequ-lists.js';
import { watch, whenReady } from './shequ-watch.js';

/** Tasklist's refused buttons stay hidden unless the logged-in user is an administrator. */
function applyRole() {
  document.body.classList.add('shequ-staff');
  currentUser(true).then(u => {
    if (u && (u.authorizedApps || []).includes('admin')) document.body.classList.remove('shequ-staff');
  });
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

let installed = false;

function installObserver() {
  if (installed) return;
  installed = true;
  installStyles();
  document.body.classList.add('shequ-staff');
  // Also when Tasklist enables or disables 完成 or changes a class (a tab opened).
  watch('shequ-inbox', syncTaskDetails, { attributes: ['disabled', 'class'] });
  document.addEventListener('click', beforeComplete, true);
}

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
whenReady(installObserver);
