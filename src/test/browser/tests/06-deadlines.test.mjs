// Provisional deadlines (CAL-2): a report-back date counted in a year without the State Council's
// holiday schedule is marked 暂定 beside the due date in the task list, on the open task and in
// 审批记录, with the server's note as its tooltip; desktop and a 390 px phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

test('a due date counted across a year without a holiday file is marked 暂定', async () => {
  const staff = await B.login('liu.staff');
  // Eleven months ahead: a year the product has no holiday file for, unless one has been added.
  const start = B.day(330);
  const key = await B.applyForLeave(staff, { start, reason: '回老家办理房产手续' });

  const director = await B.login('zhang.director');
  assert.match(await B.approveLeave(director, key), /销假/);

  const task = await B.taskOf(key, 'reportBack');
  const answer = await B.api(staff, 'GET', '/api/tasks/deadlines?taskId=' + encodeURIComponent(task.id));
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.json.length, 1, answer.text);
  const { provisional, note } = answer.json[0];
  const years = (await B.api(staff, 'GET', '/calendar-status')).json.years;
  assert.equal(provisional, !years.includes(Number(start.slice(0, 4))), `${start}: files for ${years}`);

  await B.openTaskById(staff, task.id);
  const item = staff.locator('.tasks-list li.task', { has: staff.locator(`a[href*="task=${task.id}"]`) });
  await item.waitFor();
  const detail = staff.locator(`.shequ-task-due[data-task="${task.id}"]`);
  await detail.waitFor();
  assert.match(await detail.innerText(), /办理期限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  if (provisional) {
    const mark = item.locator('.due-date .shequ-provisional');
    await mark.waitFor();
    assert.equal(await mark.innerText(), '暂定');
    assert.equal(await mark.getAttribute('title'), note);
    assert.match(note, /暂定期限.*以正式安排为准/);
    assert.match(await detail.innerText(), /暂定/);
  } else {
    assert.equal(await item.locator('.shequ-provisional').count(), 0);
  }
  await B.assertChinese(staff, 'task list with a provisional due date');
  await B.shot(staff, 'deadline-provisional-desktop');

  await staff.click('.task-details .nav-tabs a:text-is("审批记录")');
  const record = staff.locator('.shequ-record dl');
  await record.waitFor();
  assert.match(await record.innerText(), /销假期限/);
  // 销假期限 and 逾期销假期限 are counted alike.
  const marks = await record.locator('.shequ-provisional').count();
  assert.ok(provisional ? marks >= 1 : marks === 0, `${marks} marks in 审批记录`);

  await B.shot(staff, 'deadline-provisional-record');
  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.waitForTimeout(500);
  await B.shot(staff, 'deadline-provisional-phone');
  await B.logout(staff);
  await B.logout(director);
});
