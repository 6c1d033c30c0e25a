// Shequ Flow: the administrators' audit page (issue 17). Reads /api/audit/* with the webapps' login
// (session cookie); only administrators get an answer. Lists entries with filters (person, action,
// period, case), exports them to .xlsx, checks the period's hash chains and shows the daily anchors.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const form = $('filters');
  const size = 50;
  let page = 1;
  let total = 0;
  const outcomes = { ok: '成功', refused: '拒绝', failed: '失败' };

  // Column headers, also shown beside each value when a row is laid out as a card (narrow screens).
  const columns = ['时间', '操作人', '操作类型', '结果', '对象', '事项编号', '说明', '来源地址'];
  const anchorColumns = ['日期', '条数', '校验值', '状态'];

  function td(text, cls, label) {
    const cell = document.createElement('td');
    cell.textContent = text == null ? '' : String(text);
    if (cls) cell.className = cls;
    if (label) cell.dataset.label = label;
    if (text == null || String(text) === '') cell.classList.add('empty');
    return cell;
  }

  function cells(tr, values, labels, classes) {
    values.forEach((v, i) => tr.append(td(v, (classes || [])[i], labels[i])));
  }

  function fmt(t) {
    return t ? String(t).replace('T', ' ').substring(0, 19) : '';
  }

  function query(extra) {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (String(v).trim()) p.set(k, String(v).trim());
    }
    Object.entries(extra || {}).forEach(([k, v]) => p.set(k, v));
    return p;
  }

  async function get(url) {
    const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (r.status === 401) { show('login'); throw new Error('未登录'); }
    if (r.status === 403) { show('forbidden'); throw new Error('无权查看'); }
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new Error((body && body.message) || ('请求失败（' + r.status + '）'));
    return body;
  }

  function show(id) {
    ['login', 'forbidden', 'page'].forEach(s => { $(s).hidden = s !== id; });
  }

  async function load() {
    const p = query({ page, size });
    try {
      const data = await get('/api/audit/entries?' + p);
      show('page');
      total = data.total;
      const rows = $('rows');
      rows.textContent = '';
      for (const e of data.items) {
        const tr = document.createElement('tr');
        tr.className = 'outcome-' + e.outcome;
        cells(tr, [fmt(e.at), e.actorName || e.actorId || '系统', e.actionLabel, outcomes[e.outcome] || e.outcome,
          e.targetLabel || e.target, e.businessKey, e.detail, e.client], columns,
          ['time', 'actor', 'action', 'outcome', 'target', 'case', 'detail', 'client']);
        rows.append(tr);
      }
      if (!data.items.length) {
        const tr = document.createElement('tr');
        const cell = td('没有符合条件的记录', 'none');
        cell.colSpan = 8;
        tr.append(cell);
        rows.append(tr);
      }
      const pages = Math.max(1, Math.ceil(total / size));
      $('summary').textContent = '共 ' + total + ' 条';
      $('page-no').textContent = '第 ' + page + ' / ' + pages + ' 页';
      $('prev').disabled = page <= 1;
      $('next').disabled = page >= pages;
      const x = query();
      $('export').href = '/api/audit/entries.xlsx' + (String(x) ? '?' + x : '');
    } catch (e) {
      $('summary').textContent = e.message;
    }
  }

  async function loadActions() {
    try {
      const actions = await get('/api/audit/actions');
      const select = form.elements.action;
      for (const a of actions) {
        const o = document.createElement('option');
        o.value = a.code;
        o.textContent = a.label;
        select.append(o);
      }
    } catch (e) { /* shown by load() */ }
  }

  async function loadAnchors() {
    try {
      const anchors = await get('/api/audit/anchors');
      const body = $('anchors');
      body.textContent = '';
      for (const a of anchors.slice().reverse()) {
        const tr = document.createElement('tr');
        cells(tr, [a.day, a.entries, a.lastHash, a.closed ? '已结束' : '当天，仍在增加'], anchorColumns,
          ['time', null, 'hash', null]);
        body.append(tr);
      }
    } catch (e) { /* shown by load() */ }
  }

  async function verify() {
    const p = new URLSearchParams();
    if (form.elements.from.value) p.set('from', form.elements.from.value);
    if (form.elements.to.value) p.set('to', form.elements.to.value);
    const out = $('verify-result');
    out.className = '';
    out.textContent = '正在校验……';
    try {
      const v = await get('/api/audit/verify?' + p);
      if (v.intact) {
        out.className = 'ok';
        out.textContent = '已校验：' + v.from + ' 至 ' + v.to + '，' + v.days + ' 天共 ' + v.entries + ' 条记录，均未被改动。';
      } else {
        const b = v.firstBroken;
        out.className = 'bad';
        out.textContent = '校验未通过：' + b.chain.replace('audit:', '') + ' ' + (b.brokenAt ? '第 ' + b.brokenAt + ' 号记录' : '当日记录末尾')
          + '，' + b.problem + '。';
      }
    } catch (e) {
      out.className = 'bad';
      out.textContent = e.message;
    }
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); page = 1; load(); });
  $('reset').addEventListener('click', () => { form.reset(); page = 1; load(); });
  $('prev').addEventListener('click', () => { if (page > 1) { page -= 1; load(); } });
  $('next').addEventListener('click', () => { page += 1; load(); });
  $('verify-button').addEventListener('click', verify);

  load().then(() => { loadActions(); loadAnchors(); });
})();
