// Issue 20, the 业务统计 dashboard in Cockpit: a street leader lands on it, sees charts whose numbers
// match what this test filed (leave approved and refused, incidents in two communities), the overdue
// list and the detail table; a page of its own with the community filter and a printable view;
// Cockpit's engine incidents are called 运行故障; desktop and a 390 px phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const COCKPIT = B.BASE + '/camunda/app/cockpit/default/';

/** The product API or the engine REST API as a demo user (HTTP Basic). */
async function as(user, method, p, body) {
  const r = await fetch(B.BASE + p, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64'),
      Accept: 'application/json', 'Content-Type': 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: r.status, json, text };
}

function variables(values) {
  const out = {};
  for (const [k, v] of Object.entries(values)) out[k] = { value: v };
  return { variables: out };
}

async function start(user, processKey, values) {
  const r = await as(user, 'POST', `/engine-rest/process-definition/key/${processKey}/start`, variables(values));
  assert.equal(r.status, 200, r.text);
  return r.json;
}

async function completeOnly(user, instanceId, values) {
  const tasks = (await as(user, 'GET', '/engine-rest/task?processInstanceId=' + instanceId)).json;
  assert.equal(tasks.length, 1, `${user}: one task in ${instanceId}`);
  const r = await as(user, 'POST', `/engine-rest/task/${tasks[0].id}/complete`, variables(values));
  assert.equal(r.status, 204, r.text);
}

async function summary(user, query = '') {
  const r = await as(user, 'GET', '/api/statistics/summary' + query);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

const family = (s, key) => s.families.find(f => f.family === key);
const total = (s, key, figure) => (family(s, key) ? family(s, key).total[figure] || 0 : 0);

function leaveOn(days) {
  const d = B.day(days);
  return { leaveType: 'personal', startDate: d, endDate: d, days: 1, reason: '家中有事' };
}

function incident(location) {
  return { category: 'safety-hazard', severity: 'coordination', title: '楼道堆放杂物', description: '楼道堆放杂物，影响通行', location };
}

async function openCockpit(userId, { phone = false, path = '' } = {}) {
  const b = await B.launch();
  const context = await b.newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(phone ? B.PHONE : { viewport: { width: 1440, height: 960 } })
  });
  context.setDefaultTimeout(45000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  await page.goto(COCKPIT);
  await page.waitForSelector('input[ng-model="username"]');
  await B.fillLogin(page, userId);
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', { state: 'detached' });
  if (path) await page.goto(COCKPIT + '#' + path);
  await page.waitForSelector('.shequ-stats[data-charts]');
  return page;
}

/** The text drawn in a chart (SVG renderer: numbers are <text> elements). */
async function chartText(page, id) {
  return page.locator(`[data-chart="${id}"] svg`).first().evaluate(svg =>
    [...svg.querySelectorAll('text')].map(t => t.textContent.trim()).filter(Boolean));
}

async function figure(page, familyKey, name) {
  return (await page.locator(`.shequ-stats-card[data-family="${familyKey}"] [data-figure="${name}"]`).first().innerText()).trim();
}

let filed;
let incidentKey;

test('a leader lands on 业务统计 in Cockpit; its charts show the figures of what the test filed', async () => {
  const before = await summary('li.leader');
  // LV-2: liu.staff's one-day leave approved by zhang.director, another refused.
  const approved = await start('liu.staff', 'leave-request', leaveOn(7));
  await completeOnly('zhang.director', approved.id, { approved: true, comment: '同意' });
  const refused = await start('liu.staff', 'leave-request', leaveOn(9));
  await completeOnly('zhang.director', refused.id, { approved: false, comment: '近期工作忙' });
  // IN-3: an incident in zaozhi signed for, one in taiping.
  const z = await start('he.grid', 'incident-report', incident('造纸社区3号楼'));
  incidentKey = z.businessKey;
  await completeOnly('zhang.director', z.id, { acceptNote: '已签收' });
  await start('xu.grid', 'incident-report', incident('太平社区5号楼'));

  const now = await summary('li.leader');
  assert.equal(total(now, 'leave', 'filed') - total(before, 'leave', 'filed'), 2);
  assert.equal(total(now, 'leave', 'approved') - total(before, 'leave', 'approved'), 1);
  assert.equal(total(now, 'leave', 'refused') - total(before, 'leave', 'refused'), 1);
  assert.equal(total(now, 'incident-report', 'filed') - total(before, 'incident-report', 'filed'), 2);
  filed = now;

  const page = await openCockpit('li.leader');
  assert.match(page.url(), /#\/dashboard/);
  // 业务统计 is the first thing on the start page, above the engine's own figures.
  const order = await page.evaluate(() => {
    const stats = document.querySelector('.shequ-stats').getBoundingClientRect().top;
    const engine = [...document.querySelectorAll('h1, h2, h3, .section-title, a, span')]
      .find(e => /运行中的流程实例/.test(e.textContent));
    return { stats, engine: engine ? engine.getBoundingClientRect().top : null };
  });
  assert.ok(order.engine === null || order.stats < order.engine, `业务统计 above the engine figures: ${JSON.stringify(order)}`);

  // The cards: the numbers of the summary, which moved by what was filed.
  assert.equal(await figure(page, 'leave', 'filed'), String(total(now, 'leave', 'filed')));
  assert.equal(await figure(page, 'leave', 'approved'), String(total(now, 'leave', 'approved')));
  assert.equal(await figure(page, 'leave', 'refused'), String(total(now, 'leave', 'refused')));
  assert.equal(await figure(page, 'incident-report', 'filed'), String(total(now, 'incident-report', 'filed')));
  assert.equal(await page.locator('.shequ-stats-card[data-family="correction-travel"]').count(), 0,
    'li.leader does not see correction');

  // The charts (ECharts, SVG): the outcome chart shows the approved and refused leave, the monthly
  // chart this month's filings, the incident chart the category with its count.
  const outcome = await chartText(page, 'outcome');
  assert.ok(outcome.includes('请假'), outcome.join(' '));
  assert.ok(outcome.includes(String(total(now, 'leave', 'approved'))), outcome.join(' '));
  assert.ok(outcome.includes(String(total(now, 'leave', 'refused'))), outcome.join(' '));
  const monthly = await chartText(page, 'monthly');
  const thisMonth = now.months[now.months.length - 1];
  const leaveThisMonth = family(now, 'leave').cells.filter(c => c.month === thisMonth).reduce((s, c) => s + c.filed, 0);
  assert.ok(monthly.includes(String(leaveThisMonth)), monthly.join(' '));
  const categories = await chartText(page, 'incident-category');
  const hazard = now.incidents.byCategory.find(c => c.code === 'safety-hazard');
  assert.ok(categories.some(t => t === `${hazard.label}：${hazard.count}`), categories.join(' '));
  assert.equal((await page.locator('[data-figure="leave-days"]').innerText()).trim(), String(now.leave.totalDays));

  // Cockpit's engine words explained: 运行故障, never 事件 for an engine incident.
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!/未处理的事件/.test(text), 'the engine incidents are still called 事件');
  assert.match(text, /运行故障/);
  assert.deepEqual(page.errors, []);
  await B.shot(page, 'dashboard-li.leader-desktop');
  await page.context().close();
});

test('the 业务统计 page: community filter, overdue list linking to the case, printable view', async () => {
  const page = await openCockpit('li.leader', { path: '/statistics?community=zaozhi' });
  assert.equal(await page.locator('.shequ-stats select[name="community"]').inputValue(), 'zaozhi');
  const zaozhi = await summary('li.leader', '?community=zaozhi');
  assert.equal(await figure(page, 'incident-report', 'filed'), String(total(zaozhi, 'incident-report', 'filed')));
  assert.ok(total(zaozhi, 'incident-report', 'filed') < total(filed, 'incident-report', 'filed'),
    'zaozhi alone has fewer incidents than both communities');
  const detail = await page.locator('[data-table="detail"] tbody tr').allInnerTexts();
  assert.ok(detail.length > 0 && detail.every(r => r.includes('造纸社区')), detail.join('\n'));
  assert.ok(await page.locator('header a[href="#/statistics"], [cam-widget-header] a[href="#/statistics"]').count() > 0,
    '业务统计 in the header');
  // The overdue list's links open the case's 审批单.
  const overdue = await as('li.leader', 'GET', '/api/statistics/overdue?community=zaozhi');
  assert.equal(overdue.status, 200, overdue.text);
  assert.equal(await page.locator('[data-table="overdue"] tbody tr[data-key]').count(), overdue.json.items.length);
  for (const item of overdue.json.items.slice(0, 3)) {
    assert.equal(await page.locator(`[data-table="overdue"] tr[data-key="${item.businessKey}"] a`).getAttribute('href'),
      `/api/cases/${item.businessKey}/sheet`);
  }
  // The link of a case on the list, the 审批单, opens with Cockpit's own login (no second password).
  const sheet = await page.request.get(`${B.BASE}/api/cases/${incidentKey}/sheet`);
  assert.equal(sheet.status(), 200);
  assert.match(await sheet.text(), new RegExp(incidentKey));
  await B.shot(page, 'dashboard-page-zaozhi-desktop');
  // Changing the filter redraws: all communities again.
  await page.selectOption('.shequ-stats select[name="community"]', '');
  await page.click('.shequ-stats-filter button[type=submit]');
  await page.waitForFunction(n => {
    const e = document.querySelector('.shequ-stats-card[data-family="incident-report"] [data-figure="filed"]');
    return e && e.textContent.trim() === n;
  }, String(total(await summary('li.leader'), 'incident-report', 'filed')));
  // The period: this month only.
  const month = B.day(0).slice(0, 7);
  await page.selectOption('.shequ-stats select[name="from"]', month);
  await page.click('.shequ-stats-filter button[type=submit]');
  const label = Number(month.slice(0, 4)) + '年' + Number(month.slice(5)) + '月';
  await page.waitForFunction(l => {
    const p = document.querySelector('.shequ-stats-scope');
    return p && p.textContent.startsWith(l + ' 至 ');
  }, label);
  assert.match(page.url(), new RegExp('from=' + month));
  const oneMonth = await summary('li.leader', `?from=${month}&to=${month}`);
  assert.equal(await figure(page, 'leave', 'filed'), String(total(oneMonth, 'leave', 'filed')));
  // The printable view: only the dashboard, without the filter.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.shequ-stats-filter').isVisible(), false);
  assert.equal(await page.locator('[cam-widget-header]').first().isVisible(), false, 'the header is printed');
  assert.ok(await page.locator('[data-table="detail"]').isVisible(), 'the detail table is printed');
  await page.screenshot({ path: B.SHOTS + '/dashboard-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a 390 px phone the dashboard fits the screen; the principal leader also sees correction', async () => {
  const page = await openCockpit('wang.principal', { phone: true });
  const width = await page.evaluate(() => {
    const stats = document.querySelector('.shequ-stats');
    return { doc: document.documentElement.scrollWidth, stats: stats.getBoundingClientRect().right };
  });
  assert.ok(width.stats <= 392, `the dashboard is wider than the phone: ${JSON.stringify(width)}`);
  assert.equal(await page.locator('.shequ-stats-card[data-family="correction-travel"]').count(), 1);
  const chart = await page.locator('[data-chart="monthly"]').boundingBox();
  assert.ok(chart.width <= 390 && chart.width > 200, JSON.stringify(chart));
  await B.shot(page, 'dashboard-wang.principal-phone');
  await page.locator('.shequ-stats-grid').first().scrollIntoViewIfNeeded();
  await B.shot(page, 'dashboard-wang.principal-phone-charts');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
