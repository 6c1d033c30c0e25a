// 作废 (issue 18): the applicant voids an approved leave that has not started from 我的申请 —
// the 作废 button, the reason dialog in Chinese (a missing reason is refused in the dialog), the
// case then 已作废 with no report-back task left and the approver told. Desktop.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

async function openMine(page) {
  await B.booted(page, 'a.shequ-inbox-nav[data-list="mine"]');
  await page.locator('a.shequ-inbox-nav[data-list="mine"]').click();
  const dialog = page.locator('.shequ-dialog', { hasText: '我的事项' });
  await dialog.waitFor();
  await dialog.locator('.shequ-list, .shequ-empty, .shequ-error').first().waitFor();
  return dialog;
}

test('the applicant voids an approved leave that has not started, from 我的申请', async () => {
  const staff = await B.login('liu.staff');
  // Two weeks ahead: always before the leave's first working day, whatever day the test runs.
  const start = B.day(14);
  await B.startProcess(staff, '请假申请', {
    请假类型: '事假', 开始日期: start, 结束日期: start, 请假天数: '1', 请假事由: '回老家办事'
  });
  const key = await B.newestCase(staff);

  const director = await B.login('zhang.director');
  const approval = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, approval.id);
  await B.claimIfNeeded(director);
  await director.locator('.task-details input[type=checkbox][id*="_approved_"]').check();
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  await B.complete(director);
  assert.equal((await B.caseOf(key)).status, 'approved');
  await B.taskOf(key, 'reportBack');

  let mine = await openMine(staff);
  let row = mine.locator(`tr[data-key="${key}"]`);
  assert.match(await row.innerText(), /已批准/);
  const voidButton = row.locator('button[data-op="作废"]');
  await voidButton.waitFor();
  assert.equal(await row.locator('button[data-op="撤回"]').count(), 0, 'an approved request is voided, not withdrawn');
  await voidButton.click();
  const dialog = staff.locator('.shequ-dialog', { hasText: '作废 ' + key });
  await dialog.waitFor();
  // No reason: refused in the dialog, which stays open; nothing is sent.
  await dialog.locator('button[data-shequ-button="确定作废"]').click();
  await dialog.locator('.shequ-error').filter({ hasText: /作废理由/ }).waitFor();
  await dialog.locator('textarea[name="voidReason"]').fill('行程取消，不再请假');
  await B.assertChinese(staff, '作废 dialog');
  await B.shot(staff, 'void-dialog');
  await dialog.locator('button[data-shequ-button="确定作废"]').click();
  const done = await B.resultText(staff);
  assert.match(done, /已作废/);

  const c = await B.caseOf(key);
  assert.equal(c.status, 'voided');
  assert.equal(c.statusLabel, '已作废');
  assert.deepEqual(await B.openTasks(key), [], 'no report-back task is left');
  const entry = (await B.timelineOf(key)).find(e => e.action === 'void');
  assert.ok(entry, 'the timeline records the voiding');
  assert.equal(entry.userId, 'liu.staff');
  assert.match(entry.comment, /行程取消/);

  // The list shows it voided, without 作废 any more.
  await staff.locator('.shequ-dialog button[data-shequ-button="关闭"]').last().click();
  mine = await openMine(staff);
  row = mine.locator(`tr[data-key="${key}"]`);
  await row.filter({ hasText: '已作废' }).waitFor();
  assert.equal(await row.locator('button[data-op="作废"]').count(), 0);
  await B.shot(staff, 'void-list-mine');

  const notices = await B.api(director, 'GET', '/api/notifications');
  assert.equal(notices.status, 200, notices.text);
  assert.match(notices.text, new RegExp(key + '[\\s\\S]*作废|作废[\\s\\S]*' + key));
});
