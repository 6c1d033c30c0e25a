// Shared helpers of the real-browser tests: headless Chromium from the system (no browser
// download), log in to Tasklist as a demo user, fill Camunda Forms (form-js) by their labels,
// the product API through the browser session, screenshots and the "no English, no ${" check.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

export const BASE = process.env.SHEQU_BASE_URL || 'http://localhost:8080';
export const TASKLIST = BASE + '/camunda/app/tasklist/default/';
export const SHOTS = process.env.SHEQU_SHOTS || path.resolve('../../../target/browser-screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--lang=zh-CN'
];

// Labels of the webapps' own English texts (locales/en.json in the Tasklist webjar) that a
// Chinese user must never see. Distinctive words only: "Camunda" and "Tasklist" are names.
export const ENGLISH_LABELS = [
  // Tasklist (locales/en.json)
  'Claim', 'Unclaim', 'Add Comment', 'Keyboard Shortcuts', 'Set follow-up date', 'Set due date', 'Start process', 'Filters',
  'Created', 'Assignee', 'Complete', 'Save', 'Form', 'History', 'Diagram', 'Description', 'Log out',
  'My profile', 'Create task', 'Add groups', 'Follow-up date', 'Due date', 'My tasks', 'Close task',
  'Reset assignee',
  // Camunda Forms (form-js)
  'Select', 'Field is required'
];

let browser;

export async function launch() {
  if (!browser) {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }
  return browser;
}

export async function closeBrowser() {
  if (browser) {
    await browser.close();
    browser = undefined;
  }
}

/**
 * A phone: 390×844 CSS pixels, touch, the page laid out at the phone's width (its viewport tag),
 * and a phone's user agent, with which the forms' date fields are the browser's own date input.
 */
export const PHONE = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
};

/**
 * A fresh browser context (own cookies) logged in to Tasklist as the given demo user, on a desktop
 * screen or, with { phone: true }, on a phone (PHONE).
 */
export async function login(userId, password = 'demo', { phone = false } = {}) {
  const b = await launch();
  const context = await b.newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(phone ? PHONE : { viewport: { width: 1440, height: 960 } }),
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' }
  });
  context.setDefaultTimeout(45000);
  if (process.env.SHEQU_DEV_SCRIPTS) {
    // Development only: serve Tasklist's scripts folder (config.js, the inbox entry shequ-inbox.js and
    // the modules it imports) from the work tree instead of the running jar; a file not there comes
    // from the jar. SHEQU_DEV_SCRIPTS=…/webjars/camunda/app/tasklist/scripts
    await context.route('**/app/tasklist/scripts/*.js*', route => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const file = path.join(process.env.SHEQU_DEV_SCRIPTS, name);
      return fs.existsSync(file)
        ? route.fulfill({ path: file, contentType: 'text/javascript' })
        : route.continue();
    });
  }
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  page.on('dialog', d => d.accept());
  // What a page that stays on its splash was waiting for (see `booted`).
  page.consoleErrors = [];
  page.on('console', m => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  const pending = new Set();
  page.on('request', r => pending.add(r));
  page.on('requestfinished', r => pending.delete(r));
  page.on('requestfailed', r => pending.delete(r));
  page.pending = () => [...pending].map(r => r.method() + ' ' + r.url());
  page.userId = userId;
  await page.goto(TASKLIST);
  await booted(page, 'input[ng-model="username"]');
  await fillLogin(page, userId, password);
  await page.click('button[type=submit]');
  // On a phone the inbox's links are in the collapsed menu; the bell stays in the header.
  const ready = process.env.NO_PLUGIN ? '.task-filters' : phone ? '.shequ-phone-bell' : '.shequ-inbox-nav';
  await page.waitForSelector(ready).catch(async e => {
    await shot(page, 'failed-after-login-' + userId);
    throw new Error(`Tasklist did not open for ${userId}: ${page.url()} ${e.message}`);
  });
  return page;
}

/**
 * Fills the webapps' login form. Camunda moves the focus to the [autofocus] field 300 ms after it
 * boots; on a busy machine that timer can fire while the password is being typed, which then ends
 * up in the user name field (seen as "zhang.directordemo" and an empty password). So fill, check
 * both values, and fill again if the focus moved.
 */
export async function fillLogin(page, userId, password = 'demo') {
  const user = page.locator('input[ng-model="username"]');
  const pass = page.locator('input[ng-model="password"]');
  for (let attempt = 1; ; attempt++) {
    await user.fill(userId);
    await pass.fill(password);
    if (await user.inputValue() === userId && await pass.inputValue() === password) return;
    if (attempt >= 3) throw new Error(`login form of ${userId}: the typed values did not stay in their fields`);
    await page.waitForTimeout(300);
  }
}

export async function logout(page) {
  await page.context().close();
}

/** Calls the product API (or the engine REST of the webapps) with the browser's session. */
export async function api(page, method, url, body) {
  return page.evaluate(async ({ method, url, body }) => {
    const token = (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
    const headers = { Accept: 'application/json' };
    if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: r.status, json, text };
  }, { method, url, body });
}

export const engine = p => '/camunda/api/engine/engine/default' + p;

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name.replace(/[^a-zA-Z0-9._-]+/g, '-') + '.png');
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The page shows no raw ${...} placeholder and none of the webapps' English labels. */
export async function assertChinese(page, where) {
  const text = await page.evaluate(() => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const visible = el => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
      }
      return true;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement && !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(n.parentElement.tagName) && visible(n.parentElement)) {
        parts.push(n.nodeValue);
      }
    }
    document.querySelectorAll('input[placeholder], textarea[placeholder], [title]').forEach(e => {
      if (visible(e)) parts.push(e.getAttribute('placeholder') || '', e.getAttribute('title') || '');
    });
    return parts.join('\n');
  });
  assert.ok(!text.includes('${'), `${where}: a raw \${...} placeholder is shown`);
  const found = ENGLISH_LABELS.filter(label => new RegExp('(^|[^A-Za-z])' + label.replace(/ /g, '\\s+') + '([^A-Za-z]|$)').test(text));
  assert.deepEqual(found, [], `${where}: English labels of the webapps are shown: ${found.join(', ')}`);
}

// ---------------------------------------------------------------- forms (form-js)

/** The form-js field whose label is exactly `label` (asterisk of required fields ignored). */
async function fieldId(scope, label, timeout = 15000) {
  // Tasklist builds a task's form anew (asynchronously) whenever its 表单 tab is shown again and
  // after a claim, so the field is waited for like any locator would be, not looked up once.
  const until = Date.now() + timeout;
  for (;;) {
    const id = await scope.evaluate(label => {
      const labels = [...document.querySelectorAll('.fjs-form-field-label, .fjs-form-field label')];
      const clean = s => (s || '').replace(/\*/g, '').trim();
      const hit = labels.find(l => clean(l.textContent) === label && l.offsetParent !== null);
      return hit ? (hit.getAttribute('for') || hit.closest('.fjs-form-field').querySelector('input,textarea').id) : null;
    }, label);
    if (id) return id;
    if (Date.now() > until) throw new Error(`no form field labelled ${label}`);
    await sleep(200);
  }
}

export async function fill(page, label, value) {
  const id = await fieldId(page, label);
  const el = page.locator(`[id="${id}"]`);
  const cls = (await el.getAttribute('class')) || '';
  if (cls.includes('fjs-select-hidden-input') || (await el.evaluate(e => !!e.closest('.fjs-form-field-select')))) {
    const field = el.locator('xpath=ancestor::div[contains(@class,"fjs-form-field")][1]');
    await field.locator('.fjs-select-display, .fjs-input-group').first().click();
    await field.locator('.fjs-dropdownlist-item').filter({ hasText: new RegExp('^\\s*' + value + '\\s*$') }).first().click();
    return;
  }
  if (cls.includes('flatpickr-input')) {
    // On a phone the date picker is the browser's own: a date input beside the hidden one.
    const native = el.locator('xpath=following-sibling::input[contains(@class,"flatpickr-mobile")]');
    if (await native.count()) {
      await native.fill(value);
      await native.evaluate(e => e.blur());
      return;
    }
    const placeholder = (await el.getAttribute('placeholder')) || 'yyyy-mm-dd';
    const sep = placeholder.includes('/') ? '/' : '-';
    await el.click();
    await el.fill(value.replace(/-/g, sep));
    await el.press('Enter');
    // Close the calendar without Escape (which would close Tasklist's start dialog).
    await el.evaluate(e => e.blur());
    await page.locator('.fjs-form').first().click({ position: { x: 2, y: 2 } });
    return;
  }
  await el.fill(String(value));
  // form-js debounces text input (one debounce per form): let it take the value before the next field.
  await el.evaluate(e => e.blur());
  await page.waitForTimeout(400);
}

/**
 * On a phone a date field offers one picker: the phone's own date input across the field, and no
 * second calendar button of the form beside it (which does nothing there); with `value`
 * (yyyy-MM-dd), the form holds that date.
 */
export async function assertOneDatePicker(page, label, value) {
  const id = await fieldId(page, label);
  const found = await page.evaluate(id => {
    const group = document.getElementById(id).closest('.fjs-input-group');
    const shown = e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const controls = [...group.querySelectorAll('.fjs-input-adornment, input, button')].filter(shown);
    const native = group.querySelector('input.flatpickr-mobile');
    return {
      controls: controls.map(e => e.tagName.toLowerCase() + '.' + String(e.className).trim().split(/\s+/).join('.')),
      share: native && shown(native) ? native.getBoundingClientRect().width / group.getBoundingClientRect().width : 0,
      value: document.getElementById(id).value
    };
  }, id);
  if (value !== undefined) assert.equal(found.value, value, `${label}: the date picked is the form's`);
  assert.deepEqual(found.controls, ['input.fjs-input.flatpickr-input.flatpickr-mobile'], `${label}: one picker, the phone's own`);
  assert.ok(found.share > 0.9, `${label}: the phone's date input takes the field's width (${Math.round(found.share * 100)} %)`);
}

export async function check(page, label, on = true) {
  const id = await fieldId(page, label);
  const el = page.locator(`[id="${id}"]`);
  if ((await el.isChecked()) !== on) await el.click();
}

export async function isChecked(page, label) {
  return page.locator(`[id="${await fieldId(page, label)}"]`).isChecked();
}

// ---------------------------------------------------------------- Tasklist

/** Starts a process from Tasklist's 发起流程 dialog with its start form. */
export async function startProcess(page, processName, values, screenshot) {
  return startProcessWith(page, processName, async p => {
    for (const [label, value] of Object.entries(values)) await fill(p, label, value);
  }, screenshot);
}

/** Starts a process from the 发起流程 dialog; `fillForm(page)` fills its start form. */
export async function startProcessWith(page, processName, fillForm, screenshot) {
  await openMenu(page, '.start-process-action a');
  await page.click('.start-process-action a');
  await page.waitForSelector('.modal-body a');
  const offered = await page.locator('.modal-body a').allInnerTexts();
  assert.ok(offered.some(t => t.trim() === processName), `${page.userId} may start ${processName}: ${offered.join('、')}`);
  await page.locator('.modal-body a').filter({ hasText: new RegExp('^\\s*' + processName + '\\s*$') }).first().click();
  await page.waitForSelector('.modal-body .fjs-form');
  await page.waitForTimeout(300);
  await fillForm(page);
  if (screenshot) await shot(page, screenshot);
  await assertChinese(page, `start form ${processName}`);
  await page.locator('.modal-footer button.btn-primary').click();
  const closed = page.waitForSelector('.modal-body .fjs-form', { state: 'detached' }).then(() => null);
  const failed = page.waitForSelector('.modal .alert-danger, .page-notifications .alert-danger', { state: 'visible' })
    .then(e => e.innerText());
  const error = await Promise.race([closed, failed]);
  if (error) {
    await shot(page, 'failed-start-' + processName);
    throw new Error(`starting ${processName} failed: ${error}`);
  }
}

/** On a phone the header's links are in the collapsed menu: opens it when `selector` is hidden. */
export async function openMenu(page, selector) {
  if (await page.locator(selector).first().isVisible()) return;
  const toggle = page.locator('[cam-widget-header] .navbar-toggle');
  if (await toggle.isVisible()) {
    await toggle.click();
    await page.locator(selector).first().waitFor();
  }
}

/**
 * Nothing is wider than the screen: the page does not scroll sideways, and no visible element of
 * `scope` (Tasklist's columns clip what is wider) ends beyond the screen's edges or scrolls sideways.
 */
export async function assertFits(page, where, scope = '.three-cols-layout') {
  const found = await page.evaluate(scope => {
    const w = window.innerWidth;
    const out = [];
    const sw = document.scrollingElement.scrollWidth;
    if (sw > w + 1) out.push(`the page is ${sw} px wide`);
    const visible = e => {
      for (let x = e; x && x !== document.body; x = x.parentElement) {
        const s = getComputedStyle(x);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
      }
      return true;
    };
    for (const root of document.querySelectorAll(scope)) {
      for (const e of [root, ...root.querySelectorAll('*')]) {
        const r = e.getBoundingClientRect();
        if (!r.width || !r.height || !visible(e)) continue;
        if (r.right > w + 1 || r.left < -1) {
          out.push(`${e.tagName.toLowerCase()}.${String(e.className).trim().split(/\s+/).join('.')} ` +
            `${Math.round(r.left)}…${Math.round(r.right)} "${(e.textContent || '').trim().slice(0, 30)}"`);
        }
        // A box that scrolls sideways hides part of what it holds.
        const s = getComputedStyle(e);
        if (/auto|scroll/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
          out.push(`${e.tagName.toLowerCase()}.${String(e.className).trim().split(/\s+/).join('.')} scrolls sideways (${e.scrollWidth} in ${e.clientWidth})`);
        }
      }
    }
    return out.slice(0, 8);
  }, scope);
  assert.deepEqual(found, [], `${where}: wider than the screen (${await page.evaluate(() => innerWidth)} px)`);
}

/** A dialog of the inbox lies inside the screen, its buttons too. */
export async function assertDialogFits(page, dialog, where) {
  await assertFits(page, where, '.shequ-overlay');
  const box = await dialog.boundingBox();
  const size = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= size.height + 1, `${where}: the dialog is taller than the screen: ${JSON.stringify(box)}`);
  for (const b of await dialog.locator('footer button').all()) assert.ok(await b.isVisible(), `${where}: its buttons are shown`);
}

/** Whether the page was opened with { phone: true } (PHONE). */
export function isPhone(page) {
  return (page.viewportSize() || {}).width === PHONE.viewport.width;
}

/**
 * Opens 我的申请 (name 'mine'), 已办 ('done') or 抄送我的 ('cc') from the header (on a phone from its
 * menu) and waits for the list; returns the dialog.
 */
export async function openLists(page, name = 'mine') {
  const link = `a.shequ-inbox-nav[data-list="${name}"]`;
  await booted(page, isPhone(page) ? '.shequ-phone-bell' : link);
  await openMenu(page, link);
  await page.locator(link).click();
  const dialog = page.locator('.shequ-dialog', { hasText: '我的事项' });
  await dialog.waitFor();
  await dialog.locator('.shequ-list, .shequ-empty, .shequ-error').first().waitFor();
  return dialog;
}

/**
 * Applies for a leave through the start form (one day of 事假 unless told) and returns its case key.
 * `files`: attachments chosen on the start form (shequ-files.js; e.g. a sick leave's certificate,
 * required over 2 days), sent once the case exists; their upload is awaited.
 */
export async function applyForLeave(page, { type = '事假', start, end = start, days = '1', reason, files }, screenshot) {
  const values = { 请假类型: type, 开始日期: start, 结束日期: end, 请假天数: days, 请假事由: reason };
  await startProcessWith(page, '请假申请', async p => {
    for (const [label, value] of Object.entries(values)) await fill(p, label, value);
    if (files) await chooseStartFiles(p, files);
  }, screenshot);
  if (files) await startUploadResult(page, { close: true });
  return newestCase(page);
}

// ---------------------------------------------------------------- attachments (issue 19)

/**
 * An image drawn in the page (a canvas) as a file for an input ({name, mimeType, buffer}): JPEG or
 * PNG bytes that the server decodes and re-encodes like a photo.
 */
export async function drawnImage(page, text, type = 'image/jpeg', name = 'photo.jpg') {
  const base64 = await page.evaluate(async ({ text, type }) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 640, 480);
    grad.addColorStop(0, '#7aa6d8');
    grad.addColorStop(1, '#e8d9a8');
    g.fillStyle = grad;
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#5a4632';
    g.fillRect(80, 220, 480, 200);
    g.fillStyle = '#222';
    g.font = 'bold 44px sans-serif';
    g.fillText(text, 60, 120);
    const blob = await new Promise(r => canvas.toBlob(r, type, 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, { text, type });
  return { name, mimeType: type, buffer: Buffer.from(base64, 'base64') };
}

/** On an open start form: chooses `files` ({name, mimeType, buffer}) of `kind` (code) in its 附件 section. */
export async function chooseStartFiles(page, files, kind) {
  const box = page.locator('.modal-body .shequ-start-files');
  await box.waitFor();
  if (kind) await box.locator('.shequ-upload-kind').selectOption(kind);
  await box.locator('input[data-shequ-file="pick"]').setInputFiles(files);
  await box.locator('.shequ-chosen li').nth(files.length - 1).waitFor();
}

/** The dialog after a start with files: waits until they are sent; returns {ok, text} (closed when told). */
export async function startUploadResult(page, { close = false } = {}) {
  const done = page.locator('.shequ-start-upload[data-done]');
  await done.waitFor({ timeout: 40000 });
  const text = (await done.innerText()).trim();
  const ok = (await done.getAttribute('data-done')) === 'ok';
  if (close) {
    assert.ok(ok, text);
    await page.locator('.shequ-dialog', { has: done }).locator('button[data-shequ-button="关闭"]').click();
  }
  return { ok, text };
}

/**
 * On the open task: adds `file` of `kind` (code) in the 附件 box above the form (添加附件) and waits
 * for the upload; returns the box's text.
 */
export async function attachOnTask(page, file, kind) {
  const box = page.locator('.shequ-task-files');
  await box.locator('summary[data-shequ-button="添加附件"]').click();
  if (kind) await box.locator('.shequ-upload-kind').selectOption(kind);
  const before = await box.locator('.shequ-file').count();
  await box.locator('input[data-shequ-file="pick"]').setInputFiles(file);
  await box.locator('.shequ-upload-status.shequ-good, .shequ-upload-status.shequ-bad').first().waitFor({ timeout: 40000 });
  const bad = box.locator('.shequ-upload-status.shequ-bad');
  if (await bad.count()) throw new Error('the upload was refused: ' + (await bad.innerText()));
  await page.waitForFunction(n => document.querySelectorAll('.shequ-task-files .shequ-file').length > n, before);
  return (await box.innerText()).trim();
}

/**
 * The approver agrees to the case's open 审批请假 task in Tasklist (claimed first if it is his
 * post's, ticked, the stock phrase 同意。) and completes it; returns the confirmation's text.
 */
export async function approveLeave(page, businessKey) {
  const task = await taskOf(businessKey, 'approveLeave');
  await openTaskById(page, task.id);
  await claimIfNeeded(page);
  await check(page, '同意请假');
  await page.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  return complete(page);
}

/** Opens a task of the current user's inbox by (part of) its name and waits for its form. */
export async function openTask(page, namePart) {
  await page.goto(TASKLIST + '#/?filter=' + (await allTasksFilter(page)));
  const tasks = await api(page, 'GET', engine('/task?sortBy=created&sortOrder=desc&maxResults=200'));
  assert.equal(tasks.status, 200, tasks.text);
  const task = tasks.json.find(t => t.name && t.name.includes(namePart));
  assert.ok(task, `${page.userId} has no task named like ${namePart}: ${tasks.json.map(t => t.name).join(' | ')}`);
  await page.goto(TASKLIST + '#/?task=' + task.id);
  await page.waitForSelector('.task-details .fjs-form, [cam-tasklist-task] .fjs-form');
  await page.waitForSelector('.shequ-task-bar');
  return task;
}

let filterCache;
async function allTasksFilter(page) {
  if (!filterCache) {
    const filters = await api(page, 'GET', engine('/filter?resourceType=Task'));
    const f = (filters.json || [])[0];
    filterCache = f ? f.id : '';
  }
  return filterCache;
}

/**
 * Presses 完成 and returns the confirmation the inbox shows. `confirm`: the button of the inbox's
 * confirmation dialog to press (a refusal, an unticked 重新提交), asserting the dialog's text.
 */
export async function complete(page, { confirm, expectQuestion } = {}) {
  await page.locator('.shequ-done').evaluateAll(els => els.forEach(e => e.remove()));
  await page.locator('.task-details button[ng-click="complete()"]').first().click();
  if (confirm) {
    const dialog = page.locator('.shequ-dialog');
    await dialog.waitFor();
    if (expectQuestion) assert.match(await dialog.innerText(), expectQuestion);
    await dialog.locator(`button[data-shequ-button="${confirm}"]`).click();
  }
  const box = page.locator('.shequ-done');
  await box.waitFor({ timeout: 30000 });
  return (await box.innerText()).trim();
}

/** Opens a task by id in Tasklist and waits for its form and the inbox bar. */
export async function openTaskById(page, taskId) {
  await page.goto(TASKLIST + '#/?task=' + taskId);
  await booted(page, '.task-details .fjs-form');
  await page.waitForSelector(`.shequ-task-bar[data-task="${taskId}"] .shequ-ops`);
  await page.waitForTimeout(300);
}

/**
 * Waits for `selector`. If Tasklist is still on its start-up splash it never boots (no reload
 * here: a page that hangs is a bug; until CspNoncePerRequest it was the CSP nonce race, with
 * "violates the following Content Security Policy directive" in the console), so fail with what
 * the page said and what was pending.
 */
export async function booted(page, selector) {
  try {
    await page.waitForSelector(selector);
  } catch (e) {
    const splash = await page.locator('.app-splash').isVisible().catch(() => false);
    if (!splash) throw e;
    await shot(page, `splash-${page.userId}`);
    throw new Error(`${page.userId}: Tasklist stayed on its splash at ${page.url()}; pending: ` +
      `${page.pending ? page.pending().join(', ') : '?'}; page errors: ${(page.errors || []).join(' | ')}; ` +
      `console errors: ${(page.consoleErrors || []).join(' | ')}`);
  }
}

/** Clicks an operation button of the open task and returns the dialog. */
export async function operation(page, op) {
  await page.locator(`.shequ-task-bar button[data-op="${op}"]`).click();
  const dialog = page.locator('.shequ-dialog').last();
  await dialog.waitFor();
  return dialog;
}

/** The inbox's result dialog after an operation: its text, then closes it with 确定. */
export async function resultText(page) {
  const dialog = page.locator('.shequ-dialog', { hasText: '操作成功' });
  const refused = page.locator('.shequ-dialog .shequ-error').filter({ hasText: /\S/ });
  await Promise.race([dialog.waitFor({ timeout: 40000 }), refused.first().waitFor({ timeout: 40000 })]);
  if (await refused.count()) throw new Error('the operation was refused: ' + (await refused.first().innerText()));
  const text = (await dialog.innerText()).trim();
  await dialog.locator('button[data-shequ-button="确定"]').click();
  return text;
}

// ---------------------------------------------------------------- the engine as admin (checks only)

const ADMIN = 'Basic ' + Buffer.from('admin:demo').toString('base64');

export async function admin(method, p, body) {
  const r = await fetch(BASE + p, {
    method, headers: { Authorization: ADMIN, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: r.status, json, text };
}

/** The open tasks of a case, each with its assignee, candidate groups and their members. */
export async function openTasks(businessKey) {
  const r = await admin('GET', '/engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(businessKey));
  assert.equal(r.status, 200, r.text);
  const out = [];
  for (const t of r.json) {
    const links = (await admin('GET', `/engine-rest/task/${t.id}/identity-links`)).json || [];
    const groups = links.filter(l => l.type === 'candidate' && l.groupId).map(l => l.groupId);
    const users = [];
    for (const g of groups) {
      for (const u of (await admin('GET', '/engine-rest/user?memberOfGroup=' + g)).json || []) users.push(u.id);
    }
    out.push({ id: t.id, name: t.name, key: t.taskDefinitionKey, assignee: t.assignee, groups, users });
  }
  return out;
}

/** The one open task of a case with the given definition key (fails otherwise). */
export async function taskOf(businessKey, taskKey) {
  const tasks = await openTasks(businessKey);
  const hits = tasks.filter(t => t.key === taskKey);
  assert.equal(hits.length, 1, `${businessKey}: expected one open ${taskKey}, found ${JSON.stringify(tasks.map(t => t.key))}`);
  return hits[0];
}

export async function caseOf(businessKey) {
  const r = await admin('GET', '/api/cases/' + encodeURIComponent(businessKey));
  assert.equal(r.status, 200, r.text);
  return r.json;
}

export async function timelineOf(businessKey) {
  const r = await admin('GET', `/api/cases/${encodeURIComponent(businessKey)}/timeline`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

/** The newest case the logged-in user applied for (GET /api/cases/mine in the browser session). */
export async function newestCase(page) {
  const r = await api(page, 'GET', '/api/cases/mine?size=50');
  assert.equal(r.status, 200, r.text);
  const items = r.json.items;
  assert.ok(items.length, 'no case in 我的申请');
  return [...items].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0].businessKey;
}

/** Dates as yyyy-MM-dd in Shanghai, `days` from today. */
export function day(days = 0) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

export async function claimIfNeeded(page) {
  const banner = page.locator('.shequ-claim-banner button');
  if (await banner.isVisible().catch(() => false)) {
    await banner.click();
    await page.waitForSelector('.shequ-claim-banner', { state: 'detached' });
  }
}

export function sleep(ms) {
  return new Promise(r => setTimeout(r, ms));
}
