// Shequ Flow: a task that was urged (催办) since it was created, or that a return (退回) created, is
// marked in the task list (已催办 / 被退回, with who and why as the tooltip) and on the open task (a
// line under its header). Reads GET /api/tasks/marks?taskId=… → [{taskId, urgedAt, urgedBy,
// urgeNote, returned, returnedBy, returnReason, badges: [{kind, label}]}] for the marked tasks the
// user may read. badges are what the task's family shows, e.g. an incident's light (正常 green,
// 黄灯督办 yellow, 红灯督办 red) and 紧急 for an emergency, in colour before the task's name.

import { decorate } from './shequ-task-decor.js';
import { fmtTime } from './shequ-api.js';

function urgeText(m) {
  return `${m.urgedBy || ''} ${fmtTime(m.urgedAt)} 催办${m.urgeNote ? '：' + m.urgeNote : ''}`.trim();
}

function returnText(m) {
  return `${m.returnedBy || ''}退回${m.returnReason ? '：' + m.returnReason : ''}`;
}

function badge(kind, label, text) {
  const b = document.createElement('span');
  b.className = 'shequ-mark shequ-mark-' + kind;
  b.textContent = label;
  b.title = text;
  b.setAttribute('aria-label', label + '，' + text);
  return b;
}

function marksOf(m) {
  const out = ((m && m.badges) || []).map(b => ['badge-' + b.kind, b.label, b.label]);
  if (m && m.returned) out.push(['returned', '被退回', returnText(m)]);
  if (m && m.urgedAt) out.push(['urged', '已催办', urgeText(m)]);
  return out;
}

decorate({
  name: 'shequ-marks',
  url: '/api/tasks/marks',
  style: `
.shequ-mark { display: inline-block; margin-right: 4px; padding: 0 5px; border-radius: 3px; font-size: 12px;
  line-height: 17px; font-weight: normal; vertical-align: middle; cursor: help; }
.shequ-mark-urged { color: #8a4b00; background: #ffe8cc; border: 1px solid #e69100; }
.shequ-mark-returned { color: #a4161a; background: #fde2e2; border: 1px solid #d9534f; }
.shequ-task-marks { clear: both; margin: 4px 0 8px; padding: 6px 10px; border-left: 3px solid #e69100;
  background: #fff7ec; color: #333; }
.shequ-task-marks div { margin: 2px 0; }
.shequ-mark-badge-green { color: #1e6b2e; background: #e3f4e6; border: 1px solid #5cb85c; }
.shequ-mark-badge-yellow { color: #7a5a00; background: #fff3c4; border: 1px solid #e0b000; }
.shequ-mark-badge-red { color: #fff; background: #d9534f; border: 1px solid #b52b27; font-weight: 600; }
.shequ-mark-badge-urgent { color: #fff; background: #a4161a; border: 1px solid #7a0f12; font-weight: 600; }
.tasks-list li.task.shequ-urgent { border-left: 4px solid #a4161a; }`,
  list(item, m, id) {
    const title = item.querySelector('h4.task');
    if (!title) return;
    const key = JSON.stringify(marksOf(m));
    let box = item.querySelector('.shequ-list-marks');
    if (box && box.getAttribute('data-marks') === key) return;
    if (box) box.remove();
    if (!marksOf(m).length) return;
    box = document.createElement('span');
    box.className = 'shequ-list-marks';
    box.setAttribute('data-marks', key);
    marksOf(m).forEach(([kind, label, text]) => box.appendChild(badge(kind, label, text)));
    title.insertBefore(box, title.firstChild);
    item.classList.toggle('shequ-urgent', marksOf(m).some(([kind]) => kind === 'badge-urgent' || kind === 'badge-red'));
  },
  detail(meta, m, id) {
    let box = document.querySelector('.shequ-task-marks');
    const key = id + JSON.stringify(marksOf(m));
    if (box && box.getAttribute('data-marks') === key) return;
    if (box) box.remove();
    if (!id || !marksOf(m).length) return;
    box = document.createElement('div');
    box.className = 'shequ-task-marks';
    box.setAttribute('data-marks', key);
    box.setAttribute('role', 'status');
    marksOf(m).forEach(([kind, label, text]) => {
      const line = document.createElement('div');
      line.appendChild(badge(kind, label, text));
      const words = kind === 'urged' ? urgeText(m) : kind === 'returned' ? '本任务由' + returnText(m)
        : kind === 'badge-urgent' ? '紧急事件，请优先处置' : '督办灯：' + label;
      line.appendChild(document.createTextNode(' ' + words));
      box.appendChild(line);
    });
    meta.after(box);
  }
});

export default [];
