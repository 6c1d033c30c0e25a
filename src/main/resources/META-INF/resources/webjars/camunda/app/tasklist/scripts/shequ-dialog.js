// Shequ Flow, Tasklist inbox (issue 10): building the inbox's DOM and its dialogs — el() for
// elements, a modal dialog() whose buttons may check what was typed and run an action (a refusal
// is shown in the dialog, which stays open; a refusal of what was typed goes away as soon as the
// input is acceptable), message(), confirmDialog(), required() for a text field, and the small list
// button btn() that shows a failure in a message. Everything a user reads is Chinese.

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

/**
 * A modal dialog. `buttons` are {label, kind: 'primary'|'danger'|'default', check, action}. `check`
 * (optional) looks at what was typed and throws an Error with the message to show when it is not
 * acceptable; it runs before the action, and while its message is shown it runs again on every
 * input in the dialog, so the message goes away (or changes) as the user corrects the input. An
 * action may return a promise; a rejected promise's message is shown in the dialog, which stays
 * open (a refusal of the server stays until the next press).
 */
export function dialog({ title, body, buttons, wide }) {
  return new Promise(resolve => {
    const error = el('div', { class: 'shequ-error', role: 'alert' });
    // The check whose refusal is shown, run again as the user types.
    let failedCheck = null;
    const showError = e => { error.textContent = e && e.message ? e.message : String(e); };
    const recheck = () => {
      if (!failedCheck) return;
      try {
        failedCheck();
        failedCheck = null;
        error.textContent = '';
      } catch (e) {
        showError(e);
      }
    };
    const overlay = el('div', { class: 'shequ-overlay' });
    const close = value => {
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      resolve(value);
    };
    const onKey = e => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close(null);
      }
    };
    const footer = el('footer', {});
    for (const b of buttons || [{ label: '关闭', kind: 'default' }]) {
      const btn = el('button', {
        type: 'button',
        class: 'btn ' + (b.kind === 'primary' ? 'btn-primary' : b.kind === 'danger' ? 'btn-danger' : 'btn-default'),
        'data-shequ-button': b.label
      }, b.label);
      btn.addEventListener('click', async () => {
        if (!b.action) {
          close(b.value === undefined ? null : b.value);
          return;
        }
        error.textContent = '';
        failedCheck = null;
        if (b.check) {
          try {
            b.check();
          } catch (e) {
            failedCheck = b.check;
            showError(e);
            return;
          }
        }
        footer.querySelectorAll('button').forEach(x => { x.disabled = true; });
        try {
          const result = await b.action();
          if (result !== false) close(result === undefined ? true : result);
        } catch (e) {
          showError(e);
        } finally {
          footer.querySelectorAll('button').forEach(x => { x.disabled = false; });
        }
      });
      footer.appendChild(btn);
    }
    const box = el('div', { class: 'shequ-dialog' + (wide ? ' shequ-wide' : ''), role: 'dialog', 'aria-modal': 'true' },
      el('header', {}, title),
      el('div', { class: 'shequ-body' }, body, error),
      footer);
    box.addEventListener('input', recheck);
    box.addEventListener('change', recheck);
    overlay.appendChild(box);
    overlay.addEventListener('click', e => { if (e.target === overlay) close(null); });
    document.addEventListener('keydown', onKey, true);
    document.body.appendChild(overlay);
    const first = box.querySelector('select, input, textarea');
    if (first) first.focus();
  });
}

export function message(title, text) {
  return dialog({ title, body: el('div', {}, text), buttons: [{ label: '确定', kind: 'primary' }] });
}

export function confirmDialog(title, text, okLabel, danger) {
  return dialog({
    title,
    body: el('div', {}, text),
    buttons: [
      { label: '取消', kind: 'default', value: false },
      { label: okLabel || '确定', kind: danger ? 'danger' : 'primary', action: () => true }
    ]
  }).then(v => v === true);
}

export function required(value, field) {
  if (!value || !String(value).trim()) throw new Error('请填写' + field + '。');
  return String(value).trim();
}

export function btn(label, action, danger) {
  return el('button', {
    type: 'button', class: 'btn btn-default btn-xs' + (danger ? ' shequ-danger' : ''), 'data-op': label,
    onclick: () => Promise.resolve(action()).catch(e => message('操作失败', e.message))
  }, label);
}
