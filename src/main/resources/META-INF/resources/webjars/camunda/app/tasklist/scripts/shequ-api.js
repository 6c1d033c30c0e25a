// Shequ Flow, Tasklist inbox (issue 10): the calls and small helpers every part of the inbox uses.
// call() sends the Tasklist login (session cookie) and the webapps' CSRF token (X-XSRF-TOKEN), which
// the product API accepts, and turns a refusal into an ApiError with the server's Chinese message
// (or a Chinese sentence for the status). Also: dates as yyyy-MM-dd HH:mm, the open task's id from
// the URL, the task with its case's business key (cached), and the logged-in user.

export const ENGINE = '/camunda/api/engine/engine/default';

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const message = json && (json.message || json.error) ? (json.message || json.error) : null;
    throw new ApiError(response.status, message || describeStatus(response.status));
  }
  return json;
}

function describeStatus(status) {
  if (status === 401) return '登录已失效，请刷新页面后重新登录。';
  if (status === 403) return '您无权进行此项操作。';
  if (status === 404) return '没有找到该事项或任务，可能已被他人处理。';
  if (status === 409) return '事项状态已变化，请刷新后重试。';
  if (status === 429) return '操作过于频繁，请稍后再试。';
  return '操作失败（错误代码 ' + status + '），请稍后重试或联系管理员。';
}

export function fmtTime(v) {
  if (!v) return '';
  const s = String(v);
  const m = s.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/);
  if (m) {
    // Offsets (engine dates) are shown in the browser's time; local date-times as they are.
    if (/[+-]\d{2}:?\d{2}$|Z$/.test(s)) {
      const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!isNaN(d)) {
        const p = n => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
      }
    }
    return m[1] + ' ' + m[2];
  }
  return s;
}

export function taskIdFromUrl() {
  const m = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

const taskCache = new Map();
const taskKnown = new Map();

/** The open task and its case's business key (the task-local column variable listNo). */
/** What taskInfo() has already read of a task ({task, businessKey}), or null: for handlers that cannot wait. */
export function taskInfoNow(taskId) {
  return taskKnown.get(taskId) || null;
}

export async function taskInfo(taskId) {
  if (taskCache.has(taskId)) return taskCache.get(taskId);
  const promise = (async () => {
    const task = await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}`);
    let businessKey = null;
    try {
      const v = await call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}/localVariables/listNo`);
      businessKey = v && v.value;
    } catch (e) {
      businessKey = null;
    }
    // A task delegated to the user (委派): who asked, while the user may still read the case.
    let delegatedBy = null;
    if (task.delegationState === 'PENDING' && businessKey) {
      try {
        const timeline = await call('GET', `/api/cases/${encodeURIComponent(businessKey)}/timeline`);
        const asked = [...(timeline || [])].reverse().find(e => e.action === 'delegate');
        delegatedBy = asked ? asked.userName : null;
      } catch (e) {
        delegatedBy = null;
      }
    }
    const info = { task, businessKey, delegatedBy };
    taskKnown.set(taskId, info);
    return info;
  })();
  taskCache.set(taskId, promise);
  promise.catch(() => taskCache.delete(taskId));
  return promise;
}

let me = null;

/** The logged-in user and his webapps (GET /camunda/api/admin/auth/user/default), asked again after a login. */
export async function currentUser(force) {
  if (!me || force) {
    me = call('GET', '/camunda/api/admin/auth/user/default').catch(() => {
      me = null;
      return { userId: null, authorizedApps: [] };
    });
  }
  return me;
}
