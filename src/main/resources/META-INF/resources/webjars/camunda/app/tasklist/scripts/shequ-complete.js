// Shequ Flow, Tasklist inbox (issue 10): deciding a task — 常用意见 above the approval comment (form
// field key `comment`); before 完成, an unticked 重新提交 on a revise form and a refusal (同意 unticked)
// ask first, and a refusal without a comment is stopped; after 完成, once the task is gone, a
// confirmation of what was done and where the case is now (GET /api/cases/{key}/progress,
// CaseProgressController.Progress). A task delegated to the user (委派) is not decided by him: 完成
// hands his opinion back to the owner (DelegationResolved), so an unticked 同意 asks nothing but an
// opinion, and the confirmation comes when the task is back with the owner. Whether the task is a
// delegated one is read from the task (taskInfo): 完成 pressed before it has been read waits for it
// (the button is busy meanwhile, a second press does nothing) and then asks what fits the task.

import { ENGINE, call, taskIdFromUrl, taskInfo, taskInfoNow } from './shequ-api.js';
import { el, message, confirmDialog } from './shequ-dialog.js';

const STOCK_PHRASES = [
  '同意。',
  '情况属实，同意。',
  '同意，请按规定办理。',
  '材料不全，请补充。',
  '不符合规定，不同意。',
  '请说明理由后重新提交。'
];

function commentArea(root) {
  return [...root.querySelectorAll('textarea.fjs-textarea')].find(t => /_comment_\d+$/.test(t.id));
}

function fieldInput(root, key) {
  return [...root.querySelectorAll('input, textarea')].find(t => new RegExp('_' + key + '_\\d+$').test(t.id));
}

export function phrases(details) {
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
          if (!target || target.disabled || target.readOnly || details.querySelector('.disabled-form')) return;
          target.value = p;
          target.dispatchEvent(new Event('input', { bubbles: true }));
          target.dispatchEvent(new Event('change', { bubbles: true }));
          target.focus();
        }
      }, p)));
    area.parentNode.insertBefore(box, area);
  }
  // An unclaimed task of the user's post is filled and completed at once (shequ-claim.js); a form
  // Tasklist keeps disabled (a task the user may not work on) keeps its phrases disabled too.
  const locked = !!details.querySelector('.disabled-form');
  box.querySelectorAll('button').forEach(b => {
    b.disabled = locked || area.disabled || area.readOnly;
    b.title = b.disabled ? '这项任务现在不能由您填写' : '填入审批意见';
  });
}

let bypassNextComplete = false;
let loading = null;

/** 完成 pressed before the task has been read: reads it (the button busy), then presses it again. */
async function loadThenPress(event, button, taskId) {
  event.preventDefault();
  event.stopImmediatePropagation();
  if (loading) return;
  loading = taskId;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('shequ-busy');
  try {
    await taskInfo(taskId);
  } catch (e) {
    await message('暂时无法完成', '未能读取这项任务（' + e.message + '），请稍后再点「完成」。');
    return;
  } finally {
    loading = null;
    button.removeAttribute('aria-busy');
    button.classList.remove('shequ-busy');
  }
  // Still the same task, and the button still on the page: press it again, now with the task known.
  if (taskIdFromUrl() === taskId && button.isConnected && !button.disabled) button.click();
}

export async function beforeComplete(event) {
  const button = event.target.closest && event.target.closest('button[ng-click="complete()"]');
  if (!button || !button.closest('.task-details')) return;
  const taskId = taskIdFromUrl();
  if (bypassNextComplete) {
    bypassNextComplete = false;
    watchCompletion(taskId);
    return;
  }
  const known = taskId ? taskInfoNow(taskId) : null;
  // A delegate must not be asked about a refusal (nor an owner spared it) because the task was not read yet.
  if (taskId && (!known || loading)) {
    await loadThenPress(event, button, taskId);
    return;
  }
  const details = button.closest('.task-details');
  const delegated = !!(known && known.task.delegationState === 'PENDING');
  const resubmit = fieldInput(details, 'resubmit');
  const approved = fieldInput(details, 'approved');
  const comment = commentArea(details);
  let question = null;
  if (resubmit && resubmit.type === 'checkbox' && !resubmit.checked) {
    question = { title: '撤回申请', text: '不勾选将撤回申请，确定吗？', ok: '确定撤回', danger: true };
  } else if (delegated) {
    if (comment && !comment.value.trim()) {
      event.preventDefault();
      event.stopImmediatePropagation();
      await message('请填写处理意见', '这项任务是委派给您的：请写明您的意见，提交后交回委派人决定。');
      return;
    }
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
  const delegated = info.task.delegationState === 'PENDING';
  for (let i = 0; i < 40; i++) {
    await new Promise(r => setTimeout(r, 500));
    try {
      const now = await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}`);
      // A delegated task stays: handed back, it is the owner's again.
      if (delegated && (now.delegationState === 'RESOLVED' || now.assignee !== info.task.assignee)) {
        await showDone(info, true);
        return;
      }
    } catch (e) {
      if (e.status === 404) {
        await showDone(info);
        return;
      }
    }
  }
}

async function showDone(info, handedBack) {
  document.querySelectorAll('.shequ-done').forEach(x => x.remove());
  const lines = [];
  let headline = handedBack
    ? `已提交「${info.task.name}」的处理意见，任务已交回${info.delegatedBy || '委派人'}决定。`
    : `已办理「${info.task.name}」。`;
  // Handed back, the case is no longer the delegate's to read.
  if (info.businessKey && !handedBack) {
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
