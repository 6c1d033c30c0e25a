// Shequ Flow: decorations of Tasklist's task list and open task from a product API that answers per
// task id (GET url?taskId=a&taskId=b → [{taskId, …}] for the tasks the user may read). Used by
// shequ-deadlines.js (暂定 due dates) and shequ-marks.js (催办 and 退回 marks). Each decoration keeps
// what it has read per task, asks only for tasks it has not seen (at most 50 at a time), follows
// Tasklist's DOM with the page's watcher (shequ-watch.js), and reads everything again after a minute.

import { watch, whenReady } from './shequ-watch.js';

function taskIdOf(href) {
  const m = /[?&#]task=([^&#]+)/.exec(href || '');
  return m ? decodeURIComponent(m[1]) : null;
}

export function currentTaskId() {
  return taskIdOf(window.location.hash) || taskIdOf(window.location.search);
}

/**
 * decorate({ name, url, style, list(item, info, id), detail(meta, info, id) }): `list` is called for
 * each task of the list with its entry (or null when the API has none for it), `detail` for the
 * open task (meta = Tasklist's task header) with its entry or null; both are called again whenever
 * the DOM changes, so they must be idempotent (mark what they add with the task id).
 */
export function decorate({ name, url, style, list, detail }) {
  const seen = new Map(); // taskId -> entry or null
  const asked = new Set();

  async function load(ids) {
    const wanted = ids.filter(id => !asked.has(id)).slice(0, 50);
    if (!wanted.length) return;
    wanted.forEach(id => asked.add(id));
    const query = wanted.map(id => 'taskId=' + encodeURIComponent(id)).join('&');
    try {
      const response = await fetch(url + '?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const found = await response.json();
      wanted.forEach(id => seen.set(id, null));
      found.forEach(d => seen.set(d.taskId, d));
    } catch (e) {
      wanted.forEach(id => asked.delete(id)); // ask again on the next change
      return;
    }
    apply();
  }

  function apply() {
    const missing = [];
    document.querySelectorAll('.tasks-list li.task').forEach(item => {
      const link = item.querySelector('h4.task a');
      const id = link && taskIdOf(link.getAttribute('href'));
      if (!id) return;
      if (!seen.has(id)) missing.push(id);
      else list(item, seen.get(id), id);
    });
    const id = currentTaskId();
    const meta = document.querySelector('[cam-tasklist-task-meta]');
    if (meta) {
      if (id && !seen.has(id)) missing.push(id);
      else detail(meta, id ? seen.get(id) : null, id);
    }
    if (missing.length) load([...new Set(missing)]);
  }

  whenReady(() => {
    if (style) {
      const s = document.createElement('style');
      s.textContent = style;
      document.head.appendChild(s);
    }
    setInterval(() => { seen.clear(); asked.clear(); apply(); }, 60000);
    apply();
  });
  watch(name, apply);
}
