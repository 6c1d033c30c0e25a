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
  'Claim', 'Unclaim', 'Add a comment', 'Set follow-up date', 'Set due date', 'Start process',
  'Filters', 'Created', 'Assignee', 'Complete', 'Save', 'Form', 'History', 'Diagram',
  'Description', 'Sign out', 'My profile', 'Create task', 'Add groups', 'Follow-up date',
  'Due date', 'Select', 'Field is required', 'Reset'
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

/** A fresh browser context (own cookies) logged in to Tasklist as the given demo user. */
export async function login(userId, password = 'demo') {
  const b = await launch();
  const context = await b.newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 960 },
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' }
  });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  page.on('dialog', d => d.accept());
  await page.goto(TASKLIST);
  await page.fill('input[ng-model="username"]', userId);
  await page.fill('input[ng-model="password"]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.start-process-action a, [cam-widget-header] .navbar-nav');
  if (!process.env.NO_PLUGIN) await page.waitForSelector('.shequ-inbox-nav', { timeout: 20000 });
  page.userId = userId;
  return page;
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
async function fieldId(scope, label) {
  const id = await scope.evaluate(label => {
    const labels = [...document.querySelectorAll('.fjs-form-field-label, .fjs-form-field label')];
    const clean = s => (s || '').replace(/\*/g, '').trim();
    const hit = labels.find(l => clean(l.textContent) === label && l.offsetParent !== null);
    return hit ? (hit.getAttribute('for') || hit.closest('.fjs-form-field').querySelector('input,textarea').id) : null;
  }, label);
  if (!id) throw new Error(`no form field labelled ${label}`);
  return id;
}

export async function fill(page, label, value) {
  const id = await fieldId(page, label);
  const el = page.locator(`[id="${id}"]`);
  const cls = (await el.getAttribute('class')) || '';
  if (cls.includes('fjs-select-hidden-input') || (await el.evaluate(e => !!e.closest('.fjs-form-field-select')))) {
    const field = el.locator('xpath=ancestor::div[contains(@class,"fjs-form-field")][1]');
    await field.locator('.fjs-select-display, .fjs-input-group').first().click();
    await field.locator('.fjs-dropdownlist-item', { hasText: value }).first().click();
    return;
  }
  if (cls.includes('flatpickr-input')) {
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
  await page.click('.start-process-action a');
  await page.waitForSelector('.modal-body a');
  await page.locator('.modal-body a', { hasText: processName }).first().click();
  await page.waitForSelector('.modal-body .fjs-form');
  for (const [label, value] of Object.entries(values)) {
    await fill(page, label, value);
  }
  if (screenshot) await shot(page, screenshot);
  await assertChinese(page, `start form ${processName}`);
  await page.locator('.modal-footer button.btn-primary').click();
  await page.waitForSelector('.modal-body .fjs-form', { state: 'detached' });
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

/** Presses 完成 (the form's primary button) and returns the confirmation the inbox shows. */
export async function complete(page) {
  await page.locator('.task-details button.btn-primary[ng-click="complete()"], button[ng-click="complete()"]').first().click();
  const box = page.locator('.shequ-done');
  await box.waitFor({ timeout: 20000 });
  const text = (await box.innerText()).trim();
  return text;
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
