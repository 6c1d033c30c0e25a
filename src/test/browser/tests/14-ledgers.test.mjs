// 台账 (issue 20): a ledger keeper (zaozhi's director) opens 台账 from the header (the menu on a
// phone), sees in 请假台账 the leave requests the test filed, filters them (状态 审批中, 10 a page),
// pages on, and downloads 导出 Excel: the test opens the .xlsx (unzips it and reads the sheet's XML)
// and finds the same rows as the API lists for that filter, with Chinese headers, dates as dates and
// days as numbers. The tabs are those the API lets the person read: someone a route refuses (403)
// has no tab for it. On a desktop screen and on a phone (390×844).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const LEDGERS = {
  '请假台账': '/api/leave/ledger', '开支台账': '/api/expenses/ledger', '集体财物外借台账': '/api/property-loans/ledger',
  '居民登记簿': '/api/residents', '事件登记簿': '/api/incidents', '居住证明': '/api/address-certificates'
};

async function rest(user, method, p, body) {
  const r = await fetch(B.BASE + p, {
    method,
    headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64'), Accept: 'application/json',
      'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null, text };
}

/** Files `n` one-day personal leave requests of liu.staff over REST; their business keys. */
async function fileLeaves(n, tag) {
  const keys = [];
  for (let i = 0; i < n; i++) {
    const date = B.day(30 + i);
    const v = { leaveType: 'personal', startDate: date, endDate: date, days: 1, reason: `台账测试${tag}第${i + 1}件` };
    const variables = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, { value: x }]));
    const r = await rest('liu.staff', 'POST', '/engine-rest/process-definition/key/leave-request/start', { variables });
    assert.equal(r.status, 200, r.text);
    keys.push(r.json.businessKey);
  }
  return keys;
}

/** Every row's business key the API lists for the director and this query, all pages. */
async function apiKeys(page, query) {
  const keys = [];
  for (let p = 1; ; p++) {
    const r = await B.api(page, 'GET', `/api/leave/ledger?${query}&size=100&page=${p}`);
    assert.equal(r.status, 200, r.text);
    keys.push(...r.json.items.map(i => i.request.businessKey));
    if (r.json.items.length < 100) return { keys, total: r.json.total };
  }
}

// ------------------------------------------------------------------ reading an .xlsx in node

/** The files of a zip archive (stored or deflated), by name. */
function unzip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = {};
  for (let n = 0; n < count; n++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&amp;/g, '&');

/** The first sheet as rows of cells {text, type, style}, by column letter. */
function readSheet(buffer) {
  const files = unzip(buffer);
  const shared = [...(files['xl/sharedStrings.xml'] || '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map(m => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(t => t[1]).join('')));
  const xml = files['xl/worksheets/sheet1.xml'];
  assert.ok(xml, 'the workbook has a first sheet: ' + Object.keys(files).join(', '));
  const rows = [];
  for (const row of xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = {};
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2];
      const inner = c[3] || '';
      const type = (attrs.match(/ t="([^"]+)"/) || [])[1] || 'n';
      const style = (attrs.match(/ s="([^"]+)"/) || [])[1];
      let text;
      if (type === 'inlineStr') text = unescape([...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(t => t[1]).join(''));
      else if (type === 's') text = shared[Number((inner.match(/<v>([^<]*)<\/v>/) || [])[1])];
      else text = unescape((inner.match(/<v>([^<]*)<\/v>/) || [])[1] || '');
      cells[c[1]] = { text, type, style };
    }
    rows.push(cells);
  }
  return rows;
}

// ------------------------------------------------------------------ the tests

async function openLedgers(page) {
  const link = 'a.shequ-ledger-nav';
  await B.booted(page, B.isPhone(page) ? '.shequ-phone-bell' : link);
  await B.openMenu(page, link);
  await page.locator(link).click();
  const dialog = page.locator('.shequ-dialog', { has: page.locator('header', { hasText: '台账' }) });
  await dialog.waitFor();
  await dialog.locator('.shequ-ledger-tabs a').first().waitFor();
  return dialog;
}

/** The keys of the rows shown, once the table shows page `n`. */
async function shownKeys(dialog, n) {
  await dialog.locator('.shequ-ledger-page', { hasText: `第 ${n} /` }).waitFor();
  return dialog.locator('table.shequ-list tbody tr').evaluateAll(rows => rows.map(r => r.getAttribute('data-key')));
}

for (const size of ['desktop', 'phone']) {
  test(`${size}: a ledger keeper filters and pages 请假台账 and downloads it as Excel with the same rows`, async () => {
    const phone = size === 'phone';
    const filed = await fileLeaves(12, phone ? '乙' : '甲');
    const director = await B.login('zhang.director', 'demo', { phone });
    const dialog = await openLedgers(director);

    // The tabs are the routes the API lets him read.
    const tabs = await dialog.locator('.shequ-ledger-tabs a').allInnerTexts();
    for (const [label, url] of Object.entries(LEDGERS)) {
      const status = (await B.api(director, 'GET', url + '?size=1')).status;
      assert.equal(tabs.includes(label), status === 200, `${label}: tab shown iff ${url} answers 200 (it answered ${status})`);
    }
    assert.ok(tabs.includes('请假台账') && tabs.includes('居住证明'), tabs.join(','));

    // 请假台账 opens first; filter: 审批中, 10 a page.
    const view = dialog.locator('.shequ-ledger[data-ledger="leave"]');
    await view.locator('table.shequ-list').waitFor();
    // The status options are the API's choices, with their Chinese names.
    const choices = (await B.api(director, 'GET', '/api/ledgers/choices')).json.leave.status;
    const options = await view.locator('select[name="status"] option').allTextContents();
    assert.deepEqual(options, ['全部', ...choices.map(c => c.label)]);
    await view.locator('select[name="status"]').selectOption('pending');
    await view.locator('select[name="size"]').selectOption('10');
    await view.locator('button[data-op="查询"]').click();
    const all = await apiKeys(director, 'status=pending');
    for (const key of filed) assert.ok(all.keys.includes(key), `${key} is in the API's ledger`);
    const first = await shownKeys(view, 1);
    assert.deepEqual(first, all.keys.slice(0, 10), 'page 1 shows the API\'s first 10 rows');
    assert.match(await view.locator('.shequ-ledger-summary').innerText(), new RegExp(`共 ${all.total} 条`));
    const row = view.locator(`tr[data-key="${filed[11]}"]`);
    assert.match(await row.innerText(), /刘洋/);
    assert.match(await row.innerText(), /审批中/);
    assert.match(await row.innerText(), /台账测试.第12件/);
    if (phone) {
      await B.assertDialogFits(director, dialog, '台账 on a phone');
    }
    await B.assertChinese(director, '台账');
    await B.shot(director, `14-ledgers-${size}-page1`);

    await view.locator('button[data-op="下一页"]').click();
    const second = await shownKeys(view, 2);
    assert.deepEqual(second, all.keys.slice(10, 20), 'page 2 shows the next rows');
    await B.shot(director, `14-ledgers-${size}-page2`);

    // 导出 Excel: the same filter, every page, as the browser downloads it.
    const link = view.locator('a[data-op="导出 Excel"]');
    assert.match(await link.getAttribute('href'), /^\/api\/leave\/ledger\?status=pending&format=xlsx$/);
    const [download] = await Promise.all([director.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^请假台账-.*\.xlsx$/);
    const rows = readSheet(fs.readFileSync(await download.path()));
    assert.equal(rows[0].A.text, '事项编号');
    assert.equal(rows[0].B.text, '申请人');
    assert.equal(rows[0].E.text, '开始日期');
    assert.deepEqual(rows.slice(1).map(r => r.A.text), all.keys, 'the workbook holds the rows the API lists for the filter');
    const mine = rows.find(r => r.A.text === filed[0]);
    assert.equal(mine.B.text, '刘洋');
    assert.equal(mine.E.type, 'n', 'the start date is a number (an Excel date)');
    assert.ok(mine.E.style, 'with a date format');
    const excelDay = new Date(Date.UTC(1899, 11, 30) + Number(mine.E.text) * 86400000).toISOString().slice(0, 10);
    assert.equal(excelDay, B.day(30));
    assert.equal(mine.G.type, 'n');
    assert.equal(Number(mine.G.text), 1, 'days as a number');
    assert.deepEqual(director.errors, []);
    await B.logout(director);
  });
}

/** A valid identity number (GB 11643) of someone born on 1 May 1985 in 浔阳区, made unique by `n`. */
function idNumber(n) {
  const first = '36040319850501' + String(n % 1000).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first + '10X98765432'[sum % 11];
}

/** A migrant filed by he.grid, verified by chen.staff and given an address certificate by liu.staff. */
async function issueCertificate(name) {
  const id = idNumber(Date.now() + Math.floor(Math.random() * 1000));
  const v = { moveType: 'move-in', residentType: 'migrant', name, idNumber: id, phone: '13907920001',
    occupation: '个体经营', address: '浔阳区湓城街道造纸社区滨江路 18 号', building: '3 栋', movedOn: B.day(0),
    landlordName: '赵房东', landlordPhone: '0792-8221234' };
  const variables = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, { value: x }]));
  const started = await rest('he.grid', 'POST', '/engine-rest/process-definition/key/resident-move/start', { variables });
  assert.equal(started.status, 200, started.text);
  const tasks = await rest('chen.staff', 'GET', '/engine-rest/task?processInstanceId=' + started.json.id);
  assert.equal(tasks.json.length, 1, tasks.text);
  const done = await rest('chen.staff', 'POST', `/engine-rest/task/${tasks.json[0].id}/complete`,
    { variables: { approved: { value: true }, comment: { value: '核实无误' } } });
  assert.equal(done.status, 204, done.text);
  const found = await rest('liu.staff', 'GET', '/api/residents?idNumber=' + id);
  assert.equal(found.json.total, 1, found.text);
  const issued = await rest('liu.staff', 'POST', `/api/residents/${found.json.items[0].resident.id}/certificates`,
    { purpose: '子女入学', documents: ['id-card', 'rental-contract'] });
  assert.equal(issued.status, 200, issued.text);
  return { id, certificateNo: issued.json.certificateNo };
}

test('phone: staff find a certificate in 居住证明 by name, the identity number masked as the API gives it', async () => {
  const c = await issueCertificate('台账证明');
  const staff = await B.login('liu.staff', 'demo', { phone: true });
  const dialog = await openLedgers(staff);
  await dialog.locator('.shequ-ledger-tabs a', { hasText: '居住证明' }).click();
  const view = dialog.locator('.shequ-ledger[data-ledger="certificates"]');
  await view.locator('input[name="name"]').fill('台账证明');
  await view.locator('button[data-op="查询"]').click();
  await view.locator(`tr[data-key="${c.certificateNo}"]`).waitFor();
  const card = await view.locator(`tr[data-key="${c.certificateNo}"]`).innerText();
  const masked = c.id.slice(0, 6) + '*'.repeat(11) + c.id.slice(17);
  assert.ok(card.includes(masked), `the number masked: ${card}`);
  assert.ok(!card.includes(c.id), 'never the whole number');
  assert.match(card, /居民身份证、房屋租赁合同/);
  assert.match(card, /刘洋/);
  assert.match(await view.locator('a[data-op="导出 Excel"]').getAttribute('href'),
    /^\/api\/address-certificates\?name=%E5%8F%B0%E8%B4%A6%E8%AF%81%E6%98%8E&format=xlsx$/);
  await B.assertDialogFits(staff, dialog, '居住证明 on a phone');
  await B.assertChinese(staff, '居住证明');
  await B.shot(staff, '14-ledgers-phone-certificates');
  assert.deepEqual(staff.errors, []);
  await B.logout(staff);
});

test('desktop: a ledger a route refuses has no tab (the justice office keeps no resident register)', async () => {
  const justice = await B.login('wei.justice');
  const dialog = await openLedgers(justice).catch(() => null);
  const tabs = dialog ? await dialog.locator('.shequ-ledger-tabs a').allInnerTexts() : [];
  for (const [label, url] of Object.entries(LEDGERS)) {
    const status = (await B.api(justice, 'GET', url + '?size=1')).status;
    assert.equal(tabs.includes(label), status === 200, `${label}: ${status}`);
  }
  assert.ok(!tabs.includes('居民登记簿'), 'no resident register');
  assert.ok(!tabs.includes('居住证明'), 'no certificates');
  await B.shot(justice, '14-ledgers-justice');
  await B.logout(justice);
});
