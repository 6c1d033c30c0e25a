// The administrators' audit page /audit/index.html (issue 17), in a real browser: entries are made
// first (a wrong password, a refused request, a leave applied for and approved), then the
// administrator filters them by person, action, period and case, exports the .xlsx (a workbook with
// the rows), checks the chain, at desktop size and on a phone (390×844), all in Chinese and nothing
// wider than the screen. A staff member gets 403 from the page's API and the page says so.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const AUDIT = B.BASE + '/audit/index.html';
const today = B.day(0);
let key;

/** A fresh context logged in to Admin as `userId`, showing the audit page. */
async function openAudit(userId, { phone = false } = {}) {
  const b = await B.launch();
  const context = await b.newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true,
    ...(phone ? B.PHONE : { viewport: { width: 1440, height: 960 } }),
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' }
  });
  context.setDefaultTimeout(45000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  page.userId = userId;
  await page.goto(`${B.BASE}/camunda/app/admin/default/`);
  await page.waitForSelector('input[ng-model="username"]');
  await B.fillLogin(page, userId);
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', { state: 'detached' });
  await page.goto(AUDIT);
  return page;
}

/** Sets the filters (only those given) and runs the query; the rows shown, each as its cells' texts. */
async function filter(page, { actor = '', action = '', from = '', to = '', caseKey = '' }) {
  const form = page.locator('#filters');
  await form.locator('input[name=actor]').fill(actor);
  await form.locator('select[name=action]').selectOption(action);
  await form.locator('input[name=from]').fill(from);
  await form.locator('input[name=to]').fill(to);
  await form.locator('input[name=case]').fill(caseKey);
  const answered = page.waitForResponse(r => r.url().includes('/api/audit/entries?'));
  await form.locator('button[type=submit]').click();
  assert.equal((await answered).status(), 200);
  await page.waitForTimeout(200);
  return rows(page);
}

async function rows(page) {
  return page.locator('#rows tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.innerText.trim())));
}

/** Nothing on the page is wider than the screen, and the page does not scroll sideways. */
async function assertFits(page, where) {
  // The screen's width (on a phone, innerWidth grows when the browser zooms out to show a too-wide page).
  const width = page.viewportSize().width;
  const found = await page.evaluate(w => {
    const out = [];
    const sw = document.scrollingElement.scrollWidth;
    if (sw > w + 1) out.push(`the page is ${sw} px wide`);
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height || e.closest('[hidden], details:not([open]) > :not(summary)')) continue;
      if (r.right > w + 1 || r.left < -1) {
        out.push(`${e.tagName.toLowerCase()}#${e.id}.${String(e.className)} ${Math.round(r.left)}…${Math.round(r.right)} "${(e.textContent || '').trim().slice(0, 30)}"`);
      }
    }
    return out.slice(0, 8);
  }, width);
  assert.deepEqual(found, [], `${where}: wider than the screen (${width} px)`);
}

/** The rows of the first sheet of an .xlsx (a zip), each as its cells' texts (shared strings resolved). */
function xlsxRows(file) {
  const zip = fs.readFileSync(file);
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'the download is a zip (.xlsx)');
  const entries = {};
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    entries[name] = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8');
    at += 46 + skip;
  }
  const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const shared = [...(entries['xl/sharedStrings.xml'] || '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map(m => decode([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(t => t[1]).join('')));
  const sheet = entries['xl/worksheets/sheet1.xml'];
  assert.ok(sheet, `a first sheet in ${Object.keys(entries).join(', ')}`);
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(r => [...r[1].matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)]
    .map(c => {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] || '');
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[2] || '');
      if (/t="s"/.test(c[1])) return shared[Number(v[1])];
      return decode(inline ? inline[1] : v ? v[1] : '');
    }));
}

test('entries are made: a wrong password, a refused request, a leave applied for and approved', async () => {
  // A wrong password on the REST API (login-failed).
  const wrong = await fetch(B.BASE + '/engine-rest/task/count', {
    headers: { Authorization: 'Basic ' + Buffer.from('lin.grid:not-the-password').toString('base64') }
  });
  assert.equal(wrong.status, 401);

  const staff = await B.login('liu.staff');
  // A staff member reads no audit entry: 403 from every route the page calls, and the page says why.
  for (const p of ['/api/audit/entries', '/api/audit/actions', '/api/audit/verify', '/api/audit/anchors']) {
    assert.equal((await B.api(staff, 'GET', p)).status, 403, p);
  }
  await staff.goto(AUDIT);
  await staff.locator('#forbidden').waitFor();
  assert.match(await staff.locator('#forbidden').innerText(), /只有管理员可以查看审计日志/);
  assert.equal(await staff.locator('#page').isVisible(), false, 'no list for a staff member');
  assert.equal(await staff.locator('#rows tr').count(), 0);
  await B.shot(staff, 'audit-forbidden-liu.staff');

  await staff.goto(B.TASKLIST);
  await B.booted(staff, '.shequ-inbox-nav');
  const start = B.day(14);
  await B.startProcess(staff, '请假申请', {
    请假类型: '事假', 开始日期: start, 结束日期: start, 请假天数: '1', 请假事由: '回老家办事'
  });
  key = await B.newestCase(staff);
  await staff.context().close();

  const director = await B.login('zhang.director');
  const approval = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, approval.id);
  await B.claimIfNeeded(director);
  await director.locator('.task-details input[type=checkbox][id*="_approved_"]').check();
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  await B.complete(director);
  await director.context().close();
  assert.equal((await B.caseOf(key)).status, 'approved');
});

test('the administrator filters the audit log by person, action, period and case, exports it and checks the chain (desktop)', async () => {
  assert.ok(key, 'the entries were made');
  const page = await openAudit('admin');
  await page.locator('#page').waitFor();
  await page.locator('#rows tr').first().waitFor();
  await page.locator('select[name=action] option[value="case-operation"]').waitFor({ state: 'attached' });
  assert.match(await page.locator('#summary').innerText(), /共 \d+ 条/);

  // Person + action + period + case: the applicant's submission of this case.
  let shown = await filter(page, { actor: 'liu.staff', action: 'case-operation', from: today, to: today, caseKey: key });
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].some(c => c.includes('审批操作')), JSON.stringify(shown[0]));
  assert.ok(shown[0].some(c => c.includes(key)), JSON.stringify(shown[0]));
  assert.ok(shown[0].some(c => c.includes('刘洋')), `the person by name: ${JSON.stringify(shown[0])}`);
  assert.match(await page.locator('#summary').innerText(), /共 1 条/);

  // The approval, by the director.
  shown = await filter(page, { actor: 'zhang.director', action: 'case-operation', caseKey: key });
  assert.ok(shown.length >= 1 && shown.every(r => r.some(c => c.includes('张志华'))), JSON.stringify(shown));

  // The whole case: the submission and the approval, newest first.
  shown = await filter(page, { caseKey: key, from: today, to: today });
  assert.ok(shown.length >= 2, JSON.stringify(shown));
  await B.shot(page, 'audit-case-desktop');

  // The wrong password and the refused request.
  shown = await filter(page, { actor: 'lin.grid', action: 'login-failed', from: today, to: today });
  assert.ok(shown.length >= 1 && shown.every(r => r.some(c => c === '登录失败')), JSON.stringify(shown));
  assert.ok(shown[0].some(c => c === '失败'), JSON.stringify(shown[0]));
  shown = await filter(page, { actor: 'liu.staff', action: 'refused', from: today, to: today });
  assert.ok(shown.some(r => r.some(c => c.includes('GET /api/audit/entries'))), JSON.stringify(shown));
  assert.ok(shown.some(r => r.some(c => c.includes('只有管理员可以查看审计日志'))), JSON.stringify(shown));
  assert.ok(shown[0].some(c => c === '拒绝'), JSON.stringify(shown[0]));

  // A period with nothing in it says so.
  shown = await filter(page, { from: B.day(-400), to: B.day(-399) });
  assert.equal(shown.length, 1);
  assert.match(shown[0].join(''), /没有符合条件的记录/);

  // Export of the case's entries: an .xlsx with a header and one row per entry shown.
  const caseRows = await filter(page, { caseKey: key });
  const waiting = page.waitForEvent('download');
  await page.locator('#export').click();
  const download = await waiting;
  assert.match(download.suggestedFilename(), /^审计日志-.*\.xlsx$/);
  const file = path.join(B.SHOTS, 'audit-export.xlsx');
  fs.mkdirSync(B.SHOTS, { recursive: true });
  await download.saveAs(file);
  const sheet = xlsxRows(file);
  assert.equal(sheet[0][0], '序号');
  assert.equal(sheet.length - 1, caseRows.length, `one row per entry: ${JSON.stringify(sheet)}`);
  assert.ok(sheet.slice(1).every(r => r.includes(key)), JSON.stringify(sheet));
  assert.ok(sheet.slice(1).some(r => r.includes('刘洋（liu.staff）')), JSON.stringify(sheet));

  // The export is itself recorded.
  shown = await filter(page, { actor: 'admin', action: 'export', from: today, to: today });
  assert.ok(shown.length >= 1 && shown[0].some(c => c.includes('审计日志')), JSON.stringify(shown));

  // The chain check of the chosen days.
  await filter(page, { from: B.day(-1), to: today });
  await page.locator('#verify-button').click();
  const result = page.locator('#verify-result');
  await result.filter({ hasText: /已校验|校验未通过/ }).waitFor();
  assert.match(await result.innerText(), new RegExp(`已校验：${B.day(-1)} 至 ${today}，\\d+ 天共 \\d+ 条记录，均未被改动。`));
  assert.equal(await result.getAttribute('class'), 'ok');

  // The daily anchors.
  await page.locator('details.anchors summary').click();
  const anchor = page.locator('#anchors tr').filter({ hasText: today });
  await anchor.waitFor();
  assert.match(await anchor.innerText(), /当天，仍在增加/);

  await B.assertChinese(page, 'audit page (desktop)');
  await assertFits(page, 'audit page (desktop)');
  await filter(page, { from: today, to: today });
  await page.locator('#verify-button').click();
  await result.filter({ hasText: /已校验/ }).waitFor();
  await B.shot(page, 'audit-desktop');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the audit page on a phone (390×844): filters and entries fit the screen, readable in Chinese', async () => {
  assert.ok(key, 'the entries were made');
  const page = await openAudit('admin', { phone: true });
  await page.locator('#page').waitFor();
  await page.locator('#rows tr').first().waitFor();
  await page.locator('select[name=action] option[value="case-operation"]').waitFor({ state: 'attached' });
  await assertFits(page, 'audit page (phone)');
  await B.shot(page, 'audit-phone-top');

  const shown = await filter(page, { actor: 'liu.staff', action: 'case-operation', from: today, to: today, caseKey: key });
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].some(c => c.includes(key)), JSON.stringify(shown[0]));
  await assertFits(page, 'audit page, filtered (phone)');
  // Every control of the filter form is within the screen and can be tapped.
  for (const control of await page.locator('#filters input, #filters select, #filters button, #filters a').all()) {
    const box = await control.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 391, `a filter control lies outside the screen: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 28, `a filter control is too small to tap: ${JSON.stringify(box)}`);
  }
  await page.locator('#rows tr').first().scrollIntoViewIfNeeded();
  await B.shot(page, 'audit-phone-filtered');

  await filter(page, { caseKey: key });
  await page.locator('#verify-button').click();
  await page.locator('#verify-result').filter({ hasText: /已校验/ }).waitFor();
  await assertFits(page, 'audit page, checked (phone)');
  await B.assertChinese(page, 'audit page (phone)');
  await page.locator('#verify-result').scrollIntoViewIfNeeded();
  await B.shot(page, 'audit-phone-verified');
  await page.screenshot({ path: path.join(B.SHOTS, 'audit-phone-full.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
