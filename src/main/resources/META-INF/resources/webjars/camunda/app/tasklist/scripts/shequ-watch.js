// Shequ Flow: one watcher of Tasklist's page for the scripts that keep something in step with it —
// the task bar and its banner (shequ-inbox.js), the counts, 认领并办理 and the chain (shequ-day.js),
// the task decorations (shequ-task-decor.js: 暂定, 催办 and 退回 marks) and the phone layout
// (shequ-phone.js). Tasklist (AngularJS) changes its DOM in bursts; one MutationObserver on the
// body hears them and runs each watcher at most once per frame, after the burst, when a change it
// asked for happened: nodes added or removed (always), attributes it names, or text (characterData).
// A watcher that throws is logged under its name and does not stop the others.
//
//   watch(name, fn, { attributes: ['disabled', 'class'], characterData: false })
//
// Also `whenReady(fn)`: runs fn once the body exists.

const watchers = [];
let observer = null;
let scheduled = false;

function run() {
  scheduled = false;
  for (const w of watchers) {
    if (!w.due) continue;
    w.due = false;
    try {
      w.fn();
    } catch (e) {
      console.error(w.name, e);
    }
  }
}

function wants(w, record) {
  if (record.type === 'childList') return true;
  if (record.type === 'attributes') return w.attributes.includes(record.attributeName);
  return w.characterData;
}

function observe() {
  const attributeFilter = [...new Set(watchers.flatMap(w => w.attributes))];
  const options = { childList: true, subtree: true, characterData: watchers.some(w => w.characterData) };
  if (attributeFilter.length) Object.assign(options, { attributes: true, attributeFilter });
  if (observer) observer.disconnect();
  else {
    observer = new MutationObserver(records => {
      let any = false;
      for (const w of watchers) {
        if (!w.due && records.some(r => wants(w, r))) w.due = true;
        any = any || w.due;
      }
      if (any && !scheduled) {
        scheduled = true;
        requestAnimationFrame(run);
      }
    });
  }
  observer.observe(document.body, options);
}

export function whenReady(fn) {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

/** Runs `fn` after each burst of changes of the page it asked for (see above); returns nothing. */
export function watch(name, fn, { attributes = [], characterData = false } = {}) {
  whenReady(() => {
    watchers.push({ name, fn, attributes, characterData, due: false });
    observe();
  });
}
