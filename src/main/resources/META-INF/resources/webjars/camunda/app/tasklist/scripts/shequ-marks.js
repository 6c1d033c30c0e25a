// Shequ Flow: a task that was urged (催办) since it was created, or that a return (退回) created, is
// marked in the task list (已催办 / 被退回, with who and why as the tooltip) and on the open task (a
// line under its header). Reads GET /api/tasks/marks?taskId=… → [{taskId, urgedAt, urgedBy,
// urgeNote, returned, returnedBy, returnReason}] for the marked tasks the user may read.

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
  const out = [];
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
.shequ-task-marks div { margin: 2px 0; }`,
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
      line.appendChild(document.createTextNode(' ' + (kind === 'urged' ? urgeText(m) : '本任务由' + returnText(m))));
      box.appendChild(line);
    });
    meta.after(box);
  }
});

export default [];
