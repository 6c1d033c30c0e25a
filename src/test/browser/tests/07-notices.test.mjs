// Notices reach people (issue 18): the bell in Tasklist's header with the unread count, the list of
// notices (opening one marks it read and shows the case's record), and the marks on a task that was
// urged (已催办) or returned (被退回); desktop and a 390 px phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

async function bellCount(page) {
  const count = page.locator('.shequ-bell .shequ-bell-count');
  await count.waitFor({ state: 'attached' });
  return (await count.isHidden()) ? 0 : Number(await count.innerText());
}

test('催办 and 退回 reach the bell and mark the task', async () => {
  const staff = await B.login('liu.staff');
  const start = B.day(10);
  await B.startProcess(staff, '请假申请', {
    请假类型: '事假', 开始日期: start, 结束日期: start, 请假天数: '1', 请假事由: '陪家人看病'
  });
  const key = await B.newestCase(staff);
  const urge = await B.api(staff, 'POST', `/api/cases/${key}/urge`, { note: '周一要出发' });
  assert.equal(urge.status, 200, urge.text);

  const director = await B.login('zhang.director');
  const before = (await B.api(director, 'GET', '/api/notifications/unread-count')).json.unread;
  assert.ok(before >= 1, 'the urge is an unread notice');
  await director.waitForFunction(n => {
    const c = document.querySelector('.shequ-bell .shequ-bell-count');
    return c && !c.hidden && Number(c.textContent) === n;
  }, before);
  assert.equal(await bellCount(director), before);

  const task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  const marks = director.locator('.shequ-task-marks');
  await marks.waitFor();
  assert.match(await marks.innerText(), /已催办[\s\S]*催办：周一要出发/);
  await B.shot(director, 'notices-urged-task-desktop');

  await director.click('.shequ-bell');
  const list = director.locator('.shequ-notices');
  await list.waitFor();
  const notice = list.locator('li.shequ-unread', { hasText: key }).first();
  await notice.waitFor();
  assert.match(await notice.innerText(), /催办/);
  await B.assertChinese(director, 'the notice list');
  await B.shot(director, 'notices-bell-desktop');
  await notice.click();
  await director.locator('.shequ-record').last().waitFor();
  await director.waitForFunction(n => {
    const c = document.querySelector('.shequ-bell .shequ-bell-count');
    return c && (n === 0 ? c.hidden : Number(c.textContent) === n);
  }, before - 1);
  await director.keyboard.press('Escape');
  await director.keyboard.press('Escape');

  const back = await B.api(director, 'POST', `/api/tasks/${task.id}/return`,
    { targetActivityId: 'reviseLeave', reason: '请写明交接人' });
  assert.equal(back.status, 200, back.text);

  const revise = await B.taskOf(key, 'reviseLeave');
  await staff.reload();
  await B.openTaskById(staff, revise.id);
  const item = staff.locator('.tasks-list li.task', { has: staff.locator(`a[href*="task=${revise.id}"]`) });
  await item.waitFor();
  const badge = item.locator('.shequ-mark-returned');
  await badge.waitFor();
  assert.equal(await badge.innerText(), '被退回');
  assert.match(await badge.getAttribute('title'), /请写明交接人/);
  assert.match(await staff.locator('.shequ-task-marks').innerText(), /本任务由.*退回.*请写明交接人/);
  assert.ok(await bellCount(staff) >= 1, 'the applicant has the return notice');
  await B.assertChinese(staff, 'a returned task');
  await B.shot(staff, 'notices-returned-desktop');

  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.waitForTimeout(500);
  await B.shot(staff, 'notices-returned-phone');
  await B.logout(staff);
  await B.logout(director);
});
