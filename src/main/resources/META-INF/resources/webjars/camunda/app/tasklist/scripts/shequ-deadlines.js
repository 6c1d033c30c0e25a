// Shequ Flow: provisional deadlines in Tasklist (CAL-2). A task's due date counted across a year
// without the State Council's holiday schedule is only an estimate: the task list marks it 暂定 beside
// the due date, with the server's note as its tooltip, and the open task shows its due date (hidden
// with the editable dates for staff) with the same mark. Reads GET /api/tasks/deadlines?taskId=…,
// which answers [{taskId, due, provisional, note}] for the tasks the user may read. The 暂定 style is
// also used by 审批记录 (shequ-record.js) for the case's own deadlines.

const seen = new Map(); // taskId -> {due, provisional, note} or null (no due date / not readable)
const asked = new Set();

function taskIdOf(href) {
  const m = /[?&#]task=([^&#]+)/.exec(href || '');
  return m ? decodeURIComponent(m[1]) : null;
}

function currentTaskId() {
  return taskIdOf(window.location.hash) || taskIdOf(window.location.search);
}

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

async function load(ids) {
  const wanted = ids.filter(id => !asked.has(id)).slice(0, 50);
  if (!wanted.length) return;
  wanted.forEach(id => asked.add(id));
  const query = wanted.map(id => 'taskId=' + encodeURIComponent(id)).join('&');
  try {
    const response = await fetch('/api/tasks/deadlines?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    const found = await response.json();
    wanted.forEach(id => seen.set(id, null));
    found.forEach(d => seen.set(d.taskId, d));
  } catch (e) {
    wanted.forEach(id => asked.delete(id)); // ask again on the next change
    return;
  }
  mark();
}

function markList() {
  const missing = [];
  document.querySelectorAll('.tasks-list li.task').forEach(item => {
    const link = item.querySelector('h4.task a');
    const id = link && taskIdOf(link.getAttribute('href'));
    const due = item.querySelector('.due-date');
    if (!id || !due) return;
    if (!seen.has(id)) {
      missing.push(id);
      return;
    }
    const info = seen.get(id);
    const mark = due.querySelector('.shequ-provisional');
    if (info && info.provisional && !mark) due.appendChild(badge(info));
    if ((!info || !info.provisional) && mark) mark.remove();
  });
  return missing;
}

function markDetail() {
  const id = currentTaskId();
  const meta = document.querySelector('[cam-tasklist-task-meta]');
  if (!meta) return [];
  let line = document.querySelector('.shequ-task-due');
  if (!id) {
    if (line) line.remove();
    return [];
  }
  if (!seen.has(id)) return [id];
  const info = seen.get(id);
  if (!info) {
    if (line) line.remove();
    return [];
  }
  if (line && line.getAttribute('data-task') === id) return [];
  if (line) line.remove();
  line = document.createElement('div');
  line.className = 'shequ-task-due';
  line.setAttribute('data-task', id);
  line.appendChild(document.createTextNode('办理期限：' + fmt(info.due)));
  if (info.provisional) line.appendChild(badge(info));
  meta.after(line);
  return [];
}

function mark() {
  const missing = [...markList(), ...markDetail()];
  if (missing.length) load([...new Set(missing)]);
}

let scheduled = false;
function install() {
  const style = document.createElement('style');
  style.textContent = `
.shequ-task-due { display: block; clear: both; margin: 2px 0 8px; text-align: right; white-space: nowrap; color: #333; }
.shequ-provisional {
  display: inline-block; margin-left: 4px; padding: 0 4px; border: 1px solid #b8860b; border-radius: 3px;
  color: #7a5a00; background: #fff8e1; font-size: 12px; line-height: 16px; cursor: help; }`;
  document.head.appendChild(style);
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      try {
        mark();
      } catch (e) {
        console.error('shequ-deadlines', e);
      }
    });
  }).observe(document.body, { childList: true, subtree: true });
  // A task's due date can change (a return, a new step): forget what was read after a minute.
  setInterval(() => { seen.clear(); asked.clear(); mark(); }, 60000);
  mark();
}

if (document.body) {
  install();
} else {
  document.addEventListener('DOMContentLoaded', install);
}

export default [];
