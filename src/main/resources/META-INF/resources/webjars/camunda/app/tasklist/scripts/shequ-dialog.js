// Shequ Flow, Tasklist inbox (issue 10): building the inbox's DOM and its dialogs — el() for
// elements, a modal dialog() whose buttons may run an action (a refusal is shown in the dialog,
// which stays open), message(), confirmDialog(), required() for a text field, and the small list
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
 * A modal dialog. `buttons` are {label, kind: 'primary'|'danger'|'default', action}; an action may
 * return a promise; a rejected promise's message is shown in the dialog, which stays open.
 */
export function dialog({ title, body, buttons, wide }) {
  return new Promise(resolve => {
    const error = el('div', { class: 'shequ-error', role: 'alert' });
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
        footer.querySelectorAll('button').forEach(x => { x.disabled = true; });
        try {
          const result = await b.action();
          if (result !== false) close(result === undefined ? true : result);
        } catch (e) {
          error.textContent = e && e.message ? e.message : String(e);
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
