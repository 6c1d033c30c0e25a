// Shequ Flow, the office's working day (issue 18): a count on every Tasklist filter. Tasklist shows
// a count only beside the opened filter; here every filter of the list carries how many tasks it
// holds for the logged-in user (Camunda's GET /filter?resourceType=Task&itemCount=true, each
// filter's itemCount), read again when the task list changes (a task done, claimed or handed on),
// every minute and when the window
// gets the focus. Tasklist's own counter is hidden so that no filter shows two numbers.

import { ENGINE, call } from './shequ-api.js';

export const COUNT_CSS = `
.task-filters .counter { display: none !important; }
.shequ-filter-count { display: inline-block; min-width: 20px; margin-left: 6px; padding: 0 6px; border-radius: 10px;
  background: #e8eef7; color: #24528a; font-size: 12px; line-height: 18px; text-align: center; font-weight: 600; }
.shequ-filter-count.shequ-some { background: #d9534f; color: #fff; }`;

let counts = null;
let pending = null;
let lastSignature = null;

/** The filter's name as Tasklist renders it: the link's own text, without our count or its counter. */
function filterName(link) {
  return [...link.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.nodeValue).join('').trim();
}

function paint() {
  if (!counts) return;
  document.querySelectorAll('.task-filters h4.name a').forEach(link => {
    const name = filterName(link);
    if (!counts.has(name)) return;
    const n = counts.get(name);
    let badge = link.querySelector('.shequ-filter-count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'shequ-filter-count';
      link.appendChild(badge);
    }
    if (badge.textContent !== String(n)) badge.textContent = String(n);
    badge.classList.toggle('shequ-some', name === '待办' && n > 0);
    badge.setAttribute('aria-label', `${n} 项`);
    badge.title = `共 ${n} 项`;
  });
}

/** Reads every filter's count now (one request at a time) and paints it. */
export function refreshCounts() {
  if (pending) return pending;
  pending = call('GET', `${ENGINE}/filter?resourceType=Task&itemCount=true`)
    .then(list => {
      counts = new Map((list || []).map(f => [f.name, f.itemCount || 0]));
      paint();
    })
    .catch(() => {})
    .finally(() => { pending = null; });
  return pending;
}

/**
 * Called on every change of the page: paints what is known, and reads the counts again when the
 * task list shows other tasks (one was completed, claimed, handed on) or the filters appeared.
 */
export function syncCounts() {
  const filters = document.querySelector('.task-filters h4.name a');
  if (!filters) return;
  paint();
  // The tasks listed and what the list says of them (a claim shows the assignee there).
  const listed = [...document.querySelectorAll('.tasks-list li.task')].map(li => li.textContent.replace(/\s+/g, ' ')).join('|');
  const signature = document.querySelectorAll('.task-filters h4.name a').length + '|' + listed;
  if (signature !== lastSignature) {
    lastSignature = signature;
    setTimeout(refreshCounts, 300);
  }
}

let polling = false;
export function pollCounts() {
  if (polling) return;
  polling = true;
  setInterval(refreshCounts, 60000);
  window.addEventListener('focus', refreshCounts);
}
