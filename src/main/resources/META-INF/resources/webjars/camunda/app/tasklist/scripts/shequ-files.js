// Shequ Flow: attachments of a case in Tasklist (issue 19; the API in docs/files.md), loaded through
// customScripts in config.js ('scripts/shequ-files'). With the page's watcher (shequ-watch.js) it puts
//  - the case's files (附件) in 审批记录 (the tab and the dialog of the lists, shequ-record.js), with an
//    upload for the applicant (the server lets him add while the case is at its start or back with him);
//  - the case's files on the 审批单 of any task of the case, above the form, with an upload on that
//    task (taskId) for its holder;
//  - an attachment section on the start form (发起流程): the files chosen there are sent once the
//    case exists (its business key comes back from submit-form), so a sick leave carries its
//    certificate and an incident its photos and location from the start.
// Images show their thumbnail (GET /api/files/{id}/thumbnail) and open in full when tapped; a file
// with personal data (a medical certificate, any file of a family with identity numbers) shows its
// thumbnail only when asked, since every view of it is recorded. Upload: POST /api/cases/{key}/files
// (multipart: file, taskId, kind, latitude, longitude) with progress; a refusal shows the server's
// Chinese message (its `message`, the field named by `field`). Everything a user reads is Chinese.

import { ENGINE, call, currentUser, fmtTime, taskIdFromUrl, taskInfo } from './shequ-api.js';
import { el, dialog, message, confirmDialog } from './shequ-dialog.js';
import { watch, whenReady } from './shequ-watch.js';

const KINDS = [
  ['photo', '现场照片'], ['medical-certificate', '病假证明'], ['invoice', '发票'], ['proof', '证明材料'], ['other', '其他附件']
];
/** Identity documents: only on cases that hold identity numbers (the server refuses them elsewhere). */
const IDENTITY_KINDS = [['id-card', '身份证件'], ['household-register', '户口簿']];
/** The kind a family's files usually are (the kind selected first), by family and by process key. */
const DEFAULT_KIND = {
  leave: 'medical-certificate', 'leave-request': 'medical-certificate', 'incident-report': 'photo',
  expense: 'invoice', 'expense-approval': 'invoice',
  'property-loan': 'proof', 'resident-move': 'proof', 'correction-travel': 'proof', 'correction-residence-change': 'proof'
};
/** Families whose cases hold identity numbers: each view of their files is recorded (docs/files.md). */
const PERSONAL_FAMILIES = new Set(['resident-move', 'correction-travel', 'correction-residence-change']);
const ACCEPT = 'image/jpeg,image/png,application/pdf';
const ACCEPTED = new Set(ACCEPT.split(','));
const MAX_BYTES = 10 * 1024 * 1024;

const CSS = `
.shequ-files { margin: 0 0 12px; padding: 8px 10px; border: 1px solid #dde3ea; border-left: 3px solid #3c8d5a;
  background: #fbfdfb; border-radius: 3px; font-size: 13px; }
.shequ-record .shequ-files { margin: 0 0 14px; }
.shequ-files h5 { margin: 0 0 6px; font-size: 14px; font-weight: 600; color: #333; }
.shequ-files h5 small { font-weight: normal; color: #777; margin-left: 6px; }
.shequ-files ul.shequ-file-list { list-style: none; margin: 0; padding: 0; }
.shequ-file { display: flex; align-items: flex-start; gap: 10px; padding: 6px 0; border-top: 1px dashed #e3e8ee; min-width: 0; }
.shequ-file:first-child { border-top: 0; }
.shequ-file-thumb { flex: 0 0 auto; width: 72px; height: 72px; padding: 0; border: 1px solid #d5dbe2; border-radius: 3px;
  background: #f2f4f7; display: flex; align-items: center; justify-content: center; overflow: hidden; cursor: pointer;
  color: #5b6b7c; font-size: 12px; text-decoration: none; text-align: center; line-height: 1.3; }
.shequ-file-thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
.shequ-file-thumb.shequ-file-pdf { background: #fdf1f1; color: #b5152b; font-weight: 600; font-size: 14px; }
.shequ-file-info { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.shequ-file-name { font-weight: 600; color: #222; }
.shequ-file-meta { color: #777; font-size: 12px; margin-top: 2px; }
.shequ-file-kind { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 8px; background: #e6f4ea; color: #1e6b34; font-size: 12px; }
.shequ-files-empty { color: #777; }
.shequ-upload { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e3e8ee; }
.shequ-upload-row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; }
.shequ-upload-row[hidden] { display: none; }
.shequ-upload-row > label, .shequ-dialog .shequ-upload-row > label { display: inline-block; margin: 0; font-weight: normal; color: #555; }
.shequ-upload-more > summary { display: inline-block; margin-top: 8px; padding: 4px 12px; border: 1px solid #b9c7b9; border-radius: 3px;
  background: #fff; color: #1e6b34; cursor: pointer; list-style: none; }
.shequ-upload-more > summary::-webkit-details-marker { display: none; }
.shequ-upload-more[open] > summary { display: none; }
.shequ-upload select, .shequ-upload input[type=text] { height: 30px; padding: 2px 6px; border: 1px solid #ccc; border-radius: 3px; background: #fff; max-width: 100%; }
.shequ-upload input[type=text] { width: 120px; }
.shequ-upload .shequ-file-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.shequ-upload .shequ-pick { display: inline-block; margin: 0; font-weight: normal; cursor: pointer; }
.shequ-upload .shequ-camera { display: none; }
@media (pointer: coarse) { .shequ-upload .shequ-camera { display: inline-block; } }
.shequ-upload-location { margin-top: 6px; }
.shequ-upload-status { margin-top: 6px; color: #555; white-space: pre-wrap; }
.shequ-upload-status.shequ-bad { color: #b5152b; }
.shequ-upload-status.shequ-good { color: #1e7b34; }
.shequ-upload progress { width: 160px; height: 10px; vertical-align: middle; margin-left: 6px; }
.shequ-chosen { list-style: none; margin: 6px 0 0; padding: 0; }
.shequ-chosen li { display: flex; gap: 8px; align-items: center; padding: 2px 0; overflow-wrap: anywhere; }
.shequ-chosen li span { flex: 1 1 auto; min-width: 0; }
.modal-body .shequ-start-files { margin-top: 14px; }
.shequ-viewer img { display: block; max-width: 100%; max-height: calc(100vh - 220px); margin: 0 auto; }
.shequ-viewer .shequ-viewer-meta { margin-top: 8px; color: #666; font-size: 12px; overflow-wrap: anywhere; }
@media (max-width: 767px) {
  html .shequ-files { padding: 8px; }
  html .shequ-file-thumb { width: 64px; height: 64px; }
  html .shequ-upload input[type=text] { width: 110px; font-size: 16px; }
  html .shequ-upload select { font-size: 16px; height: 36px; }
  html .shequ-upload .btn { padding: 7px 12px; }
}`;

const enc = encodeURIComponent;

function size(bytes) {
  if (bytes == null) return '';
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function isImage(f) {
  return !!f.thumbnailUrl;
}

function personal(f, family) {
  return f.kind === 'medical-certificate' || f.kind === 'id-card' || f.kind === 'household-register'
    || PERSONAL_FAMILIES.has(family);
}

function location(f) {
  if (f.latitude == null || f.longitude == null) return null;
  const lat = Number(f.latitude);
  const lon = Number(f.longitude);
  return `位置：${lat < 0 ? '南纬' : '北纬'} ${Math.abs(lat)}，${lon < 0 ? '西经' : '东经'} ${Math.abs(lon)}`;
}

/** The full image in a dialog (fits the phone's screen), with the original to download. */
export function showImage(f) {
  const body = el('div', { class: 'shequ-viewer' },
    el('img', { src: f.downloadUrl, alt: f.name }),
    el('div', { class: 'shequ-viewer-meta' }, `${f.kindLabel || ''}：${f.name}（${size(f.size)}）`, ' ',
      el('a', { href: f.downloadUrl, download: f.name }, '下载原图')));
  return dialog({ title: '查看附件', body, wide: true, buttons: [{ label: '关闭' }] });
}

function thumb(f, family) {
  if (f.restricted) {
    // An identity document the viewer may not open (the server gives no links): named, not shown.
    return el('span', { class: 'shequ-file-thumb shequ-file-restricted', title: '只有可以查看完整身份证号码的人员可以查看',
      'data-file': f.id }, '受限');
  }
  if (!isImage(f)) {
    return el('a', { class: 'shequ-file-thumb shequ-file-pdf', href: f.downloadUrl, download: f.name,
      title: '下载 ' + f.name, 'data-file': f.id }, 'PDF');
  }
  const button = el('button', { type: 'button', class: 'shequ-file-thumb', title: '查看大图', 'data-file': f.id,
    onclick: () => showImage(f) });
  if (personal(f, family)) {
    // Every view of this file is recorded: its thumbnail is loaded only when asked for.
    button.append(el('span', {}, '含个人信息', el('br'), '点击查看'));
    button.title = '含个人信息，查看将被记录';
  } else {
    button.append(el('img', { src: f.thumbnailUrl, alt: f.name, loading: 'lazy' }));
  }
  return button;
}

function fileItem(f, family, onDelete) {
  const where = location(f);
  return el('li', { class: 'shequ-file', 'data-file': f.id, 'data-kind': f.kind },
    thumb(f, family),
    el('div', { class: 'shequ-file-info' },
      el('div', {}, el('span', { class: 'shequ-file-kind' }, f.kindLabel || f.kind),
        f.restricted || !f.downloadUrl
          ? el('span', { class: 'shequ-file-name' }, f.name)
          : el('a', { class: 'shequ-file-name', href: f.downloadUrl, download: f.name, title: '下载' }, f.name),
        onDelete ? el('button', { type: 'button', class: 'btn btn-link btn-xs shequ-file-delete', 'data-shequ-button': '删除附件',
          onclick: () => onDelete(f) }, '删除') : null),
      el('div', { class: 'shequ-file-meta' },
        [f.uploadedByName || f.uploadedBy, fmtTime(f.uploadedAt), f.taskName ? `在“${f.taskName}”中上传` : '', size(f.size)]
          .filter(Boolean).join(' · ')),
      where ? el('div', { class: 'shequ-file-meta' }, where) : null));
}

function errorText(status, json) {
  if (json && json.message) return json.message;
  if (status === 0) return '无法连接服务器，请检查网络后重试。';
  if (status === 401) return '登录已失效，请刷新页面后重新登录。';
  if (status === 403) return '您无权在此事项中添加附件。';
  if (status === 404) return '没有找到该事项。';
  if (status === 413) return '文件过大：每个附件最大 10 MB';
  return '上传失败（错误代码 ' + status + '），请稍后重试或联系管理员。';
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/** What the browser can tell before sending: a file the server would refuse anyway. */
function precheck(file) {
  if (file.size > MAX_BYTES) return `“${file.name}”文件过大：每个附件最大 10 MB`;
  if (file.type && !ACCEPTED.has(file.type)) return `“${file.name}”不能上传：只能上传 JPG、PNG 图片或 PDF 文件`;
  return null;
}

/**
 * Sends one file (POST /api/cases/{key}/files, multipart) with XMLHttpRequest for its progress;
 * resolves with the file as listed, rejects with an Error carrying the server's Chinese message.
 */
export function upload(businessKey, file, { taskId, kind, latitude, longitude } = {}, onProgress) {
  return new Promise((resolve, reject) => {
    const early = precheck(file);
    if (early) {
      reject(new Error(early));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    if (taskId) form.append('taskId', taskId);
    if (kind) form.append('kind', kind);
    if (latitude) form.append('latitude', latitude);
    if (longitude) form.append('longitude', longitude);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${enc(businessKey)}/files`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.withCredentials = true;
    if (onProgress) xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let json = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else {
        const error = new Error(errorText(xhr.status, json));
        error.status = xhr.status;
        error.field = json && json.field;
        reject(error);
      }
    };
    xhr.onerror = () => reject(new Error(errorText(0)));
    xhr.send(form);
  });
}

/** The kind select, the file pickers (选择文件, and 拍照 on a touch screen) and the location fields. */
function uploadControls(family, onFiles, multiple) {
  const kind = el('select', { class: 'shequ-upload-kind', 'aria-label': '附件类型' },
    KINDS.concat(PERSONAL_FAMILIES.has(family) ? IDENTITY_KINDS : []).map(([code, label]) => el('option', { value: code, selected: code === (DEFAULT_KIND[family] || 'other') }, label)));
  const picked = input => {
    const files = [...(input.files || [])];
    input.value = '';
    if (files.length) onFiles(files);
  };
  const fileInput = el('input', { type: 'file', class: 'shequ-file-input', accept: ACCEPT, multiple: multiple || null,
    'data-shequ-file': 'pick', onchange: e => picked(e.target) });
  // A phone's camera: `capture` opens it directly (a desktop browser ignores it and shows files).
  const cameraInput = el('input', { type: 'file', class: 'shequ-file-input', accept: 'image/jpeg,image/png',
    capture: 'environment', 'data-shequ-file': 'camera', onchange: e => picked(e.target) });
  const latitude = el('input', { type: 'text', inputmode: 'decimal', class: 'shequ-latitude', placeholder: '纬度', 'aria-label': '纬度' });
  const longitude = el('input', { type: 'text', inputmode: 'decimal', class: 'shequ-longitude', placeholder: '经度', 'aria-label': '经度' });
  const status = el('div', { class: 'shequ-upload-status', role: 'status' });
  const locate = el('button', { type: 'button', class: 'btn btn-default btn-xs shequ-locate', onclick: () => {
    if (!navigator.geolocation) {
      status.textContent = '此浏览器不能获取位置，请手工填写经纬度。';
      return;
    }
    status.className = 'shequ-upload-status';
    status.textContent = '正在获取当前位置……';
    navigator.geolocation.getCurrentPosition(p => {
      latitude.value = p.coords.latitude.toFixed(6);
      longitude.value = p.coords.longitude.toFixed(6);
      status.textContent = '已填入当前位置。';
    }, e => {
      status.className = 'shequ-upload-status shequ-bad';
      status.textContent = e && e.code === 1 ? '未允许使用位置信息，请手工填写经纬度（或在浏览器设置中允许）。'
        : '暂时无法获取位置，请稍后重试或手工填写经纬度。';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  } }, '获取当前位置');
  const where = el('div', { class: 'shequ-upload-row shequ-upload-location' },
    el('label', {}, '位置'), latitude, longitude, locate);
  const syncWhere = () => { where.hidden = kind.value !== 'photo'; };
  kind.addEventListener('change', syncWhere);
  syncWhere();
  const row = el('div', { class: 'shequ-upload-row' },
    el('label', {}, '附件类型'), kind,
    el('label', { class: 'btn btn-default btn-sm shequ-pick' }, '选择文件', fileInput),
    el('label', { class: 'btn btn-default btn-sm shequ-pick shequ-camera' }, '拍照', cameraInput));
  const hint = el('div', { class: 'shequ-hint shequ-file-meta' }, 'JPG、PNG 图片或 PDF 文件，每个最大 10 MB；照片可填写拍摄位置。');
  const values = () => {
    const lat = latitude.value.trim();
    const lon = longitude.value.trim();
    return { kind: kind.value, latitude: kind.value === 'photo' ? lat : '', longitude: kind.value === 'photo' ? lon : '' };
  };
  const check = () => {
    const v = values();
    if (!!v.latitude !== !!v.longitude) throw new Error('填写位置时经度和纬度都要填写。');
    for (const [name, value, limit] of [['纬度', v.latitude, 90], ['经度', v.longitude, 180]]) {
      if (value && (!/^-?\d{1,3}(\.\d+)?$/.test(value) || Math.abs(Number(value)) > limit)) {
        throw new Error(`${name}取值无效（-${limit} 至 ${limit} 之间的小数）：${value}`);
      }
    }
    return v;
  };
  return { node: el('div', { class: 'shequ-upload' }, row, where, hint, status), status, check };
}

function setStatus(status, text, kind) {
  status.className = 'shequ-upload-status' + (kind ? ' shequ-' + kind : '');
  status.textContent = '';
  if (text) status.append(text);
}

/** Sends the files one after the other, showing progress in `status`; returns {added, failed}. */
async function sendAll(businessKey, files, values, status) {
  const added = [];
  const failed = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const bar = el('progress', { max: 100, value: 0 });
    const prefix = files.length > 1 ? `（${i + 1}/${files.length}）` : '';
    setStatus(status, null);
    status.append(`正在上传${prefix}“${file.name}”`, bar);
    try {
      added.push(await upload(businessKey, file, values, p => { bar.value = Math.round(p * 100); }));
    } catch (e) {
      failed.push(`“${file.name}”上传失败：${e.message}`);
    }
  }
  if (failed.length) setStatus(status, failed.join('\n'), 'bad');
  else setStatus(status, added.length > 1 ? `已上传 ${added.length} 个附件。` : '附件已上传。', 'good');
  return { added, failed };
}

/**
 * The files of a case in `box`, and an upload when `canAdd` (on `taskId` if given). Reads
 * GET /api/cases/{key}/files; after an upload lists again.
 */
export async function renderFiles(box, businessKey, { family, taskId, canAdd, title = '附件', open = false } = {}) {
  let files;
  try {
    files = await call('GET', `/api/cases/${enc(businessKey)}/files`);
  } catch (e) {
    box.innerHTML = '';
    box.append(el('h5', {}, title), el('div', { class: 'shequ-upload-status shequ-bad' }, e.message));
    return;
  }
  // The uploader may delete his own file while the case is open (the server decides: before anyone acted on it).
  const me = (await currentUser()).userId;
  const remove = async f => {
    if (!await confirmDialog('删除附件', `删除附件“${f.name}”？删除后记入审批记录。`, '删除', true)) return;
    try {
      await call('DELETE', `/api/files/${enc(String(f.id))}`);
      await renderFiles(box, businessKey, { family, taskId, canAdd, title, open });
    } catch (e) {
      message('不能删除附件', e.message);
    }
  };
  const list = el('ul', { class: 'shequ-file-list' },
    (files || []).map(f => fileItem(f, family, canAdd && me && f.uploadedBy === me ? remove : null)));
  const count = (files || []).length;
  const parts = [el('h5', {}, title, el('small', {}, count ? `共 ${count} 个` : '')),
    count ? list : el('div', { class: 'shequ-files-empty' }, canAdd ? '还没有附件，可在下方上传。' : '还没有附件。')];
  if (canAdd) {
    let controls;
    controls = uploadControls(family, async chosen => {
      let values;
      try {
        values = controls.check();
      } catch (e) {
        setStatus(controls.status, e.message, 'bad');
        return;
      }
      const { added, failed } = await sendAll(businessKey, chosen, Object.assign({ taskId }, values), controls.status);
      if (added.length) {
        const keep = failed.length ? controls.status.textContent : null;
        await renderFiles(box, businessKey, { family, taskId, canAdd, title, open: true });
        const status = box.querySelector('.shequ-upload-status');
        if (status) setStatus(status, keep || (added.length > 1 ? `已上传 ${added.length} 个附件。` : '附件已上传。'), keep ? 'bad' : 'good');
      }
    }, true);
    // Folded under 添加附件 until wanted (a phone's screen is short); open again after an upload.
    parts.push(el('details', { class: 'shequ-upload-more', open: open || null },
      el('summary', { 'data-shequ-button': '添加附件' }, '＋ 添加附件'), controls.node));
  }
  box.innerHTML = '';
  box.append(...parts);
  box.hidden = false;
}

// ------------------------------------------------------------------ 审批记录 and the 审批单

/** 审批记录 (tab or dialog): the files below the case's facts; the applicant of an open case may add. */
function syncRecords() {
  for (const record of document.querySelectorAll('.shequ-record[data-key]')) {
    if (record.querySelector(':scope > .shequ-files')) continue;
    const key = record.getAttribute('data-key');
    const family = record.getAttribute('data-family');
    const box = el('div', { class: 'shequ-files', role: 'region', 'aria-label': '附件', 'data-key': key, hidden: true });
    const facts = record.querySelector(':scope > dl');
    record.insertBefore(box, facts ? facts.nextSibling : null);
    currentUser().then(me => renderFiles(box, key, {
      family,
      canAdd: !!me && me.userId === record.getAttribute('data-applicant') && !record.hasAttribute('data-closed')
    })).catch(() => {});
  }
}

/**
 * The 审批单: the case's files above the form (and above 前序审批意见); the task's holder adds on it.
 * On a phone, a case with no files has the box below the form, so the form starts on the first screen.
 */
function syncTaskForm() {
  const details = document.querySelector('.task-details [cam-tasklist-task]');
  const taskId = taskIdFromUrl();
  if (!details || !taskId) return;
  const form = details.querySelector('[cam-tasklist-form-camunda], [cam-tasklist-form-embedded], [cam-tasklist-form-generic]');
  if (!form) return;
  let box = details.querySelector('.shequ-files.shequ-task-files');
  if (box && box.getAttribute('data-task') === taskId && box.parentNode === form.parentNode) return;
  if (box) box.remove();
  box = el('div', { class: 'shequ-files shequ-task-files', 'data-task': taskId, role: 'region', 'aria-label': '附件', hidden: true });
  // Before the chain (shequ-chain.js keeps itself right above the form).
  const chain = details.querySelector('.shequ-chain');
  form.parentNode.insertBefore(box, chain && chain.parentNode === form.parentNode ? chain : form);
  Promise.all([taskInfo(taskId), currentUser()]).then(async ([info, me]) => {
    if (!info.businessKey || box.getAttribute('data-task') !== taskId || !box.isConnected) return;
    const c = await call('GET', `/api/cases/${enc(info.businessKey)}`);
    const task = info.task || {};
    const holder = !task.assignee || (me && task.assignee === me.userId);
    await renderFiles(box, info.businessKey, { family: c.family, taskId, canAdd: holder && !c.closedAt, title: '附件' });
    // On a phone a case without files keeps the form on the first screen: the (empty) box goes below it.
    if (!box.querySelector('.shequ-file') && window.matchMedia('(max-width: 767px)').matches && box.isConnected) {
      form.after(box);
    }
  }).catch(() => {});
}

// ------------------------------------------------------------------ the start form (发起流程)

/** The process definition whose start form is open (from Tasklist's own requests), and its chosen files. */
let startDefinition = null;
let startState = null;

function definitionKey(id) {
  return id ? decodeURIComponent(id).split(':')[0] : null;
}

function renderChosen(state) {
  state.list.innerHTML = '';
  state.files.forEach((f, i) => state.list.append(el('li', { 'data-chosen': f.name },
    el('span', {}, `${f.name}（${size(f.size)}）`),
    el('button', { type: 'button', class: 'btn btn-link btn-xs', onclick: () => { state.files.splice(i, 1); renderChosen(state); } }, '移除'))));
  state.summary.textContent = state.files.length ? `已选择 ${state.files.length} 个附件，将在提交申请后上传。` : '';
}

const START_HINTS = {
  'leave-request': '病假超过 2 天须附病假证明（医院诊断证明或病假条的照片或 PDF）。',
  'incident-report': '可拍摄现场照片并填写位置（在手机上可直接获取当前位置）。',
  'expense-approval': '可附发票照片或电子发票；记账时须有发票。'
};

function syncStartForm() {
  const body = [...document.querySelectorAll('.modal-body')].find(b => b.querySelector('.fjs-form'));
  if (!body) {
    startState = null;
    return;
  }
  if (body.querySelector('.shequ-start-files')) return;
  const family = definitionKey(startDefinition);
  const state = { files: [], family, list: el('ul', { class: 'shequ-chosen' }), summary: el('div', { class: 'shequ-file-meta' }) };
  const controls = uploadControls(family, chosen => {
    let bad = null;
    for (const f of chosen) {
      const refused = precheck(f);
      if (refused) bad = refused;
      else state.files.push(f);
    }
    renderChosen(state);
    setStatus(controls.status, bad, bad ? 'bad' : null);
  }, true);
  state.check = controls.check;
  state.status = controls.status;
  const box = el('div', { class: 'shequ-files shequ-start-files', role: 'region', 'aria-label': '附件' },
    el('h5', {}, '附件', el('small', {}, '可选')),
    START_HINTS[family] ? el('div', { class: 'shequ-file-meta' }, START_HINTS[family]) : null,
    state.list, state.summary, controls.node);
  body.append(box);
  startState = state;
}

/** After the case is started: its chosen files go to it, with progress and the outcome in a dialog. */
async function uploadStarted(instance, state, values) {
  let key = instance && instance.businessKey;
  if (!key && instance && instance.id) {
    // submit-form answers the instance with its business key; should it not, the engine is asked again.
    const again = await call('GET', `${ENGINE}/process-instance/${enc(instance.id)}`).catch(() => null);
    key = again && again.businessKey;
  }
  const status = el('div', { class: 'shequ-upload-status' });
  const body = el('div', { class: 'shequ-start-upload' }, status);
  const shown = dialog({ title: '上传附件', body, buttons: [{ label: '关闭' }] });
  if (!key) {
    setStatus(status, '申请已提交，但未能确定事项编号，附件没有上传。请在“我的申请”中打开该事项的审批记录上传附件。', 'bad');
    return shown;
  }
  const { added, failed } = await sendAll(key, state.files, values, status);
  const lines = [];
  if (added.length) lines.push(`申请 ${key} 已提交，已上传 ${added.length} 个附件：${added.map(f => f.name).join('、')}。`);
  if (failed.length) lines.push(...failed, '可在“我的申请”中打开该事项的审批记录重新上传（审批开始前）。');
  setStatus(status, lines.join('\n'), failed.length ? 'bad' : 'good');
  body.setAttribute('data-done', failed.length ? 'failed' : 'ok');
  return shown;
}

/**
 * Tasklist's own requests (AngularJS and its SDK use XMLHttpRequest): which start form is open, and
 * the answer of its submit-form, whose process instance carries the new case's business key.
 */
function hookRequests() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.shequMethod = String(method || '').toUpperCase();
    this.shequUrl = String(url || '');
    const m = this.shequUrl.match(/\/process-definition\/([^/?]+)\/(startForm|deployed-start-form|form-variables|rendered-form|submit-form|start)\b/);
    if (m && m[1] !== 'key') startDefinition = m[1];
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.shequMethod === 'POST' && /\/process-definition\/[^/?]+\/(submit-form|start)\b/.test(this.shequUrl)
      && startState && startState.files.length) {
      const state = startState;
      let values;
      try {
        values = state.check();
      } catch (e) {
        // Checked before the start (guardStart); if it changed since, the files go without a location.
        values = { kind: document.querySelector('.shequ-start-files .shequ-upload-kind')?.value || 'other' };
      }
      const chosen = { files: state.files.slice() };
      const use = values;
      this.addEventListener('load', () => {
        if (this.status < 200 || this.status >= 300) return;
        let instance = null;
        try {
          instance = JSON.parse(this.responseText);
        } catch (e) {
          instance = null;
        }
        if (startState === state) state.files.length = 0;
        uploadStarted(instance, chosen, use).catch(e => message('上传附件', e.message));
      });
    }
    return send.apply(this, arguments);
  };
}

/** 提交 of a start form with chosen files: a location typed wrongly stops it, shown beside the files. */
function guardStart(event) {
  const button = event.target.closest && event.target.closest('.modal-footer button.btn-primary');
  if (!button || !startState || !startState.files.length) return;
  try {
    startState.check();
  } catch (e) {
    event.preventDefault();
    event.stopPropagation();
    setStatus(startState.status, e.message, 'bad');
    startState.status.scrollIntoView({ block: 'nearest' });
  }
}

hookRequests();
whenReady(() => {
  document.head.appendChild(el('style', {}, CSS));
  document.addEventListener('click', guardStart, true);
});
watch('shequ-files', () => {
  syncRecords();
  syncTaskForm();
  syncStartForm();
});

export default [];
