// Shequ Flow: provisional deadlines in Tasklist (CAL-2). A task's due date counted across a year
// without the State Council's holiday schedule is only an estimate: the task list marks it 暂定 beside
// the due date, with the server's note as its tooltip, and the open task shows its due date (hidden
// with the editable dates for staff) with the same mark. Reads GET /api/tasks/deadlines?taskId=…,
// which answers [{taskId, due, provisional, note}] for the tasks the user may read. The 暂定 style is
// also used by 审批记录 (shequ-record.js) for the case's own deadlines.

import { decorate } from './shequ-task-decor.js';

function fmt(localDateTime) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(localDateTime || '');
  return m ? `${m[1]} ${m[2]}` : '';
}

function badge(info) {
  const b = document.createElement('span');
  b.className = 'shequ-provisional';
  b.textContent = '暂定';
  b.title = info.note;
  b.setAttribute('aria-label', info.note);
  return b;
}

decorate({
  name: 'shequ-deadlines',
  url: '/api/tasks/deadlines',
  style: `
.shequ-task-due { display: block; clear: both; margin: 2px 0 8px; text-align: right; white-space: nowrap; color: #333; }
.shequ-provisional {
  display: inline-block; margin-left: 4px; padding: 0 4px; border: 1px solid #b8860b; border-radius: 3px;
  color: #7a5a00; background: #fff8e1; font-size: 12px; line-height: 16px; cursor: help; }`,
  list(item, info) {
    const due = item.querySelector('.due-date');
    if (!due) return;
    const mark = due.querySelector('.shequ-provisional');
    if (info && info.provisional && !mark) due.appendChild(badge(info));
    if ((!info || !info.provisional) && mark) mark.remove();
  },
  detail(meta, info, id) {
    let line = document.querySelector('.shequ-task-due');
    if (!id || !info) {
      if (line) line.remove();
      return;
    }
    if (line && line.getAttribute('data-task') === id) return;
    if (line) line.remove();
    line = document.createElement('div');
    line.className = 'shequ-task-due';
    line.setAttribute('data-task', id);
    line.appendChild(document.createTextNode('办理期限：' + fmt(info.due)));
    if (info.provisional) line.appendChild(badge(info));
    meta.after(line);
  }
});

export default [];
