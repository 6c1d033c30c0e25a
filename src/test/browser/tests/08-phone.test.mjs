// Tasklist on a phone (issue 18): at 390×844 (touch, the page at the phone's width) there is no
// "larger screen" warning, nothing is wider than the screen (the lists, the opened task, 我的申请,
// the notices, the start form), the bell shows the unread count in the header, a tapped task opens
// on top with 返回列表, and a leave is applied for, approved and reported back on phones end to end.
// On a desktop screen the three columns and the menu stay as they were.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const { assertFits, assertDialogFits } = B;

async function assertNoWarning(page, where) {
  assert.equal(await page.locator('[cam-widget-header] .small-screen-warning').isVisible(), false, `${where}: a larger-screen warning`);
  assert.ok(!(await page.locator('body').innerText()).includes('较大的屏幕'), `${where}: a larger-screen text`);
}

/** The filter (by the engine's filter list) whose list holds the task. */
async function filterWith(page, taskId) {
  const filters = (await B.api(page, 'GET', B.engine('/filter?resourceType=Task'))).json;
  for (const f of filters) {
    const list = await B.api(page, 'GET', B.engine(`/filter/${f.id}/list?maxResults=200`));
    if ((list.json || []).some(t => t.id === taskId)) return f.id;
  }
  assert.fail(`${page.userId} has no filter that lists task ${taskId}`);
}

/** Taps the task in Tasklist's list and waits for it to open (on top). */
async function tapTask(page, taskId) {
  await page.goto(B.TASKLIST + '#/?filter=' + (await filterWith(page, taskId)));
  const link = page.locator(`.tasks-list li.task a[href*="task=${taskId}"]`).first();
  await link.waitFor();
  await assertFits(page, 'the task list');
  await link.tap();
  await page.waitForSelector(`.shequ-task-bar[data-task="${taskId}"] .shequ-ops`);
  await page.waitForSelector('.task-details .fjs-form');
  await page.waitForTimeout(500);
}

/** The opened task is what the phone shows: at the top, the lists hidden, 返回列表 above it. */
async function assertTaskOnTop(page, where) {
  assert.equal(await page.locator('.column.tasks-list').isVisible(), false, `${where}: the task list is hidden`);
  assert.equal(await page.locator('.column.task-filters').isVisible(), false, `${where}: the filters are hidden`);
  const back = page.locator('.shequ-phone-back');
  assert.ok(await back.isVisible(), `${where}: 返回列表 is shown`);
  assert.match(await back.innerText(), /返回列表/);
  const top = await page.evaluate(() => document.querySelector('.task-details h2, .task-details [cam-tasklist-task] header')
    .getBoundingClientRect().top);
  assert.ok(top < 160, `${where}: the task's title is at the top of the screen (${top} px)`);
}

test('phone: apply for a leave, see the bell, approve it from the list, report back', async () => {
  const staff = await B.login('liu.staff', 'demo', { phone: true });
  assert.deepEqual(staff.viewportSize(), { width: 390, height: 844 });
  assert.equal(await staff.evaluate(() => window.innerWidth), 390, 'the page is laid out at the phone\'s width');
  await assertNoWarning(staff, 'the inbox');
  await assertFits(staff, 'the inbox');
  assert.ok(await staff.locator('.shequ-phone-bell').isVisible(), 'the bell is in the header');
  await B.assertChinese(staff, 'the inbox on a phone');
  await B.shot(staff, 'phone-inbox');

  // 发起流程 from the menu; the start form fits.
  await B.startProcessWith(staff, '请假申请', async p => {
    for (const [label, value] of Object.entries({
      请假类型: '事假', 开始日期: B.day(-3), 结束日期: B.day(-3), 请假天数: '1', 请假事由: '家中老人就医，需要陪同前往市人民医院复查'
    })) await B.fill(p, label, value);
    await assertFits(p, 'the start form', '.modal-dialog');
    await B.assertOneDatePicker(p, '开始日期', B.day(-3));
  }, 'phone-start-leave');
  const key = await B.newestCase(staff);
  assert.match(key, /^LV-/);
  const urge = await B.api(staff, 'POST', `/api/cases/${key}/urge`, { note: '周一要出发' });
  assert.equal(urge.status, 200, urge.text);

  // 我的申请: each request a card inside the dialog, no table wider than the screen.
  await B.openMenu(staff, 'a.shequ-inbox-nav[data-list="mine"]');
  await staff.locator('a.shequ-inbox-nav[data-list="mine"]').tap();
  const lists = staff.locator('.shequ-dialog', { hasText: '我的事项' });
  await lists.locator(`.shequ-list tr[data-key="${key}"]`).waitFor();
  assert.equal(await staff.locator('[cam-widget-header] .navbar-toggle.open').count(), 0, 'the menu closed');
  await assertDialogFits(staff, lists, '我的申请');
  const card = lists.locator(`.shequ-list tr[data-key="${key}"]`);
  assert.equal(await card.locator('td[data-label="编号"]').innerText(), key);
  assert.equal(await card.locator('td[data-label="状态"]').innerText(), '审批中');
  assert.equal(await lists.locator('.shequ-list thead').isVisible(), false, 'a card per request, no table heading');
  assert.equal(await card.evaluate(tr => getComputedStyle(tr).display), 'block');
  assert.ok(await card.locator('button[data-op="催办"]').isVisible(), 'its buttons are on the card');
  await B.shot(staff, 'phone-my-requests');
  await lists.locator('a[data-list="done"]').tap();
  await lists.locator('.shequ-list, .shequ-empty').first().waitFor();
  await assertDialogFits(staff, lists, '已办');
  await lists.locator('button[data-shequ-button="关闭"]').tap();

  // The director: the bell with its count in the header; the notices fit.
  const director = await B.login('zhang.director', 'demo', { phone: true });
  await assertNoWarning(director, 'the director\'s inbox');
  const count = director.locator('.shequ-phone-bell .shequ-bell-count');
  await count.waitFor();
  const unread = (await B.api(director, 'GET', '/api/notifications/unread-count')).json.unread;
  assert.ok(unread >= 1, 'the urge is an unread notice');
  await director.waitForFunction(n => {
    const c = document.querySelector('.shequ-phone-bell .shequ-bell-count');
    return c && !c.hidden && c.textContent === String(n);
  }, unread > 99 ? '99+' : unread);
  assert.ok(await count.isVisible(), 'the unread count is seen in the header');
  await B.shot(director, 'phone-bell');
  await director.locator('.shequ-phone-bell').tap();
  const notices = director.locator('.shequ-dialog', { hasText: '我的通知' });
  const notice = notices.locator('.shequ-notices li', { hasText: key }).first();
  await notice.waitFor();
  await assertDialogFits(director, notices, 'the notices');
  assert.ok(await notice.isVisible(), 'the notice is not cut off');
  await B.assertChinese(director, 'the notices on a phone');
  await B.shot(director, 'phone-notices');
  await notices.locator('button[data-shequ-button="关闭"]').tap();

  // A tapped task opens on top; 返回列表 brings the list back; tapped again, it is approved.
  const task = await B.taskOf(key, 'approveLeave');
  await tapTask(director, task.id);
  await assertTaskOnTop(director, 'the opened task');
  await assertNoWarning(director, 'the opened task');
  await assertFits(director, 'the opened task');
  await B.shot(director, 'phone-task');
  await director.locator('.shequ-phone-back').tap();
  await director.locator(`.tasks-list li.task a[href*="task=${task.id}"]`).waitFor();
  assert.equal(await director.locator('.task-details').isVisible(), false, 'back on the list, the task is not shown');
  assert.ok(!(await director.evaluate(() => location.hash)).includes('task='), 'the address no longer names the task');
  await B.shot(director, 'phone-back-to-list');
  // The phone's back button also leaves the task (its address named it).
  await tapTask(director, task.id);
  await director.goBack();
  await director.locator(`.tasks-list li.task a[href*="task=${task.id}"]`).waitFor();
  assert.equal(await director.locator('.task-details').isVisible(), false, 'back (the phone\'s button) on the list');
  await tapTask(director, task.id);
  await assertTaskOnTop(director, 'the task opened again');

  await director.locator('.task-details .nav-tabs a:text-is("审批记录")').tap();
  await director.locator('.shequ-record table.shequ-timeline').waitFor();
  await assertFits(director, '审批记录');
  await B.shot(director, 'phone-record');
  await director.locator('.task-details .nav-tabs a:text-is("表单")').tap();

  await director.locator('.shequ-claim-banner button').tap();
  await director.waitForSelector('.shequ-claim-banner', { state: 'detached' });
  await B.check(director, '同意请假');
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').tap();
  await assertFits(director, 'the filled approval form');
  await B.shot(director, 'phone-approve');
  const done = await B.complete(director);
  assert.match(done, /销假/);
  assert.match(done, /刘洋/);
  await assertFits(director, 'the confirmation after 完成', '.shequ-done');
  await B.shot(director, 'phone-approved');
  const timeline = await B.timelineOf(key);
  assert.ok(timeline.some(e => e.approved === true && e.userId === 'zhang.director'),
    `the director's approval is on the timeline: ${JSON.stringify(timeline.map(e => [e.action, e.userId, e.approved]))}`);

  // The applicant reports back from the phone: the case is closed.
  const back = await B.taskOf(key, 'reportBack');
  await tapTask(staff, back.id);
  await assertTaskOnTop(staff, 'the report-back task');
  await B.fill(staff, '返岗日期', B.day(-2));
  await assertFits(staff, 'the report-back form');
  const closed = await B.complete(staff);
  assert.match(closed, /已办结|没有待办/);
  assert.ok((await B.caseOf(key)).closedAt, `${key} is closed`);
  await B.logout(staff);
  await B.logout(director);
});

test('desktop: three columns, the bell and the links in the header, no 返回列表', async () => {
  const staff = await B.login('chen.staff');
  const key = await B.applyForLeave(staff, { start: B.day(-4), reason: '办理证件' });
  const director = await B.login('zhang.director');
  const task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  await director.goto(B.TASKLIST + '#/?filter=' + (await filterWith(director, task.id)) + '&task=' + task.id);
  await director.waitForSelector(`.shequ-task-bar[data-task="${task.id}"] .shequ-ops`);
  for (const shown of ['.column.task-filters', '.column.tasks-list', '.column.task-details', 'a.shequ-bell', 'a.shequ-inbox-nav[data-list="mine"]']) {
    assert.ok(await director.locator(shown).first().isVisible(), `${shown} is shown on a desktop`);
  }
  for (const hidden of ['.shequ-phone-back', '.shequ-phone-bell', '[cam-widget-header] .navbar-toggle']) {
    assert.equal(await director.locator(hidden).first().isVisible(), false, `${hidden} is not shown on a desktop`);
  }
  const [list, details] = await Promise.all(['.column.tasks-list', '.column.task-details']
    .map(s => director.locator(s).boundingBox()));
  assert.ok(details.x >= list.x + list.width - 1 && Math.abs(details.y - list.y) < 2, 'the task is beside the list');
  await director.locator('a.shequ-inbox-nav[data-list="mine"]').click();
  const dialog = director.locator('.shequ-dialog', { hasText: '我的事项' });
  await dialog.waitFor();
  assert.ok((await dialog.boundingBox()).width > 1000, 'the lists dialog stays wide on a desktop');
  await B.shot(director, 'desktop-unchanged');
  await B.logout(staff);
  await B.logout(director);
});
