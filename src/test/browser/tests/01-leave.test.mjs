// Leave (请假) through the real forms in Tasklist: reject → revise → resubmit → approve → report
// back; long sick leave with cover; an unticked 重新提交 asks before it withdraws.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

test('leave: refused with a stock phrase, resubmitted (第2次提交), approved, reported back', async () => {
  const staff = await B.login('liu.staff');
  await B.assertChinese(staff, 'Tasklist inbox (liu.staff)');
  await B.shot(staff, 'inbox-staff');
  const key = await B.applyForLeave(staff, { start: B.day(-3), reason: '家中老人就医' }, 'form-leave-request-start');
  assert.match(key, /^LV-/);

  // The director opens the group task: the inbox says it is his post's, to fill and complete at
  // once (认领并办理, issue 18) or to claim first; he claims it first here.
  const director = await B.login('zhang.director');
  let task = await B.taskOf(key, 'approveLeave');
  assert.deepEqual(task.users, ['zhang.director']);
  await B.openTaskById(director, task.id);
  const banner = director.locator('.shequ-claim-banner');
  assert.match(await banner.innerText(), /待认领/);
  assert.ok(await director.locator('.shequ-phrases button').first().isEnabled(), 'the form can be filled before a claim');
  await B.assertChinese(director, 'approval task before claim');
  await B.shot(director, 'form-leave-approve-claim-banner');
  await director.click('.shequ-claim-banner button');
  await banner.waitFor({ state: 'detached' });
  assert.match(await director.locator('.shequ-case-line').innerText(), new RegExp(key));
  // Tasklist's own buttons that the guards refuse for staff are not offered.
  for (const refused of ['.create-task-action', '.task-actions .createCommentLink', '[cam-tasklist-task-meta] ul.meta.dates']) {
    assert.equal(await director.locator(refused).first().isVisible(), false, `${refused} is hidden for staff`);
  }

  // Refuse: a refusal without a comment is stopped in the browser; a stock phrase fills it.
  await director.locator('.task-details button[ng-click="complete()"]').click();
  await director.locator('.shequ-dialog', { hasText: '不同意须填写审批意见' }).waitFor();
  await director.locator('.shequ-dialog button[data-shequ-button="确定"]').click();
  await director.locator('.shequ-phrases button[data-phrase="材料不全，请补充。"]').click();
  assert.equal(await director.locator('textarea[id$="_comment_10"]').inputValue(), '材料不全，请补充。');
  await B.shot(director, 'form-leave-approve-refuse');
  let done = await B.complete(director, { confirm: '确定不同意', expectQuestion: /不同意/ });
  assert.match(done, /办理完成/);
  assert.match(done, /修改或撤回|退回/);
  assert.match(done, /刘洋/);
  await B.shot(director, 'done-leave-refused');

  // The applicant revises and resubmits.
  task = await B.taskOf(key, 'reviseLeave');
  await B.openTaskById(staff, task.id);
  await B.assertChinese(staff, 'revise form');
  assert.equal(await B.isChecked(staff, '重新提交'), true);
  await B.fill(staff, '请假事由', '家中老人就医，附医院预约单');
  await B.shot(staff, 'form-leave-revise');
  done = await B.complete(staff);
  assert.match(done, /审批请假/);
  assert.match(done, /造纸社区居委会主任/);

  // The director sees the resubmission and the earlier refusal in 审批记录, then approves.
  task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  assert.match(await director.locator('.shequ-case-line').innerText(), /第2次提交/);
  await director.click('.task-details .nav-tabs a:text-is("审批记录")');
  const record = director.locator('.shequ-record table.shequ-timeline');
  await record.waitFor();
  const recordText = await record.innerText();
  assert.match(recordText, /第2次提交（重新提交）/);
  assert.match(recordText, /材料不全，请补充。/);
  await B.assertChinese(director, 'approval record tab');
  await B.shot(director, 'record-leave-resubmitted');
  await director.click('.task-details .nav-tabs a:text-is("表单")');
  await B.claimIfNeeded(director);
  await B.check(director, '同意请假');
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  done = await B.complete(director);
  assert.match(done, /销假/);
  assert.match(done, /刘洋/);
  await B.shot(director, 'done-leave-approved');

  // Report back (销假) closes the case.
  task = await B.taskOf(key, 'reportBack');
  await B.openTaskById(staff, task.id);
  await B.fill(staff, '返岗日期', B.day(-2));
  await B.assertChinese(staff, 'report-back form');
  await B.shot(staff, 'form-leave-report-back');
  done = await B.complete(staff);
  assert.match(done, /已办结|没有待办/);
  const c = await B.caseOf(key);
  assert.ok(c.closedAt, `${key} is closed`);
  await B.logout(staff);
  await B.logout(director);
});

test('the administrator still has Tasklist\'s own buttons', async () => {
  const admin = await B.login('admin');
  await admin.waitForFunction(() => !document.body.classList.contains('shequ-staff'));
  assert.equal(await admin.locator('.create-task-action').isVisible(), true);
  await B.logout(admin);
});

test('leave: long sick leave goes to the principal leader, then the director arranges cover', async () => {
  const staff = await B.login('chen.staff');
  // Over 2 days of sick leave: the certificate goes with the request (rule sickLeaveCertificate).
  const certificate = await B.drawnImage(staff, '住院证明', 'image/jpeg', '住院证明.jpg');
  const key = await B.applyForLeave(staff, { type: '病假', start: B.day(-40), end: B.day(-5), days: '31', reason: '住院治疗',
    files: [certificate] });
  const principal = await B.login('wang.principal');
  let task = await B.taskOf(key, 'approveLeave');
  assert.ok(task.users.includes('wang.principal'), JSON.stringify(task));
  await B.openTaskById(principal, task.id);
  await B.claimIfNeeded(principal);
  await B.check(principal, '同意请假');
  await B.shot(principal, 'form-leave-approve-principal');
  let done = await B.complete(principal);
  assert.match(done, /安排顶岗|销假/);

  const director = await B.login('zhang.director');
  task = await B.taskOf(key, 'arrangeCover');
  await B.openTaskById(director, task.id);
  await B.claimIfNeeded(director);
  await B.fill(director, '顶岗人员', '刘洋');
  await B.assertChinese(director, 'cover form');
  await B.shot(director, 'form-leave-cover');
  done = await B.complete(director);
  assert.match(done, /办理完成/);
  const timeline = await B.timelineOf(key);
  assert.ok(timeline.some(e => e.action === 'cover'), 'cover is on the timeline');
  await B.logout(staff);
  await B.logout(principal);
  await B.logout(director);
});

test('leave: leaving 重新提交 unticked asks first, then withdraws the request', async () => {
  const staff = await B.login('ma.staff');
  const key = await B.applyForLeave(staff, { type: '年休假', start: B.day(-3), reason: '休年假' });
  const director = await B.login('gao.director');
  let task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  await B.claimIfNeeded(director);
  await director.locator('.shequ-phrases button[data-phrase="不符合规定，不同意。"]').click();
  await B.complete(director, { confirm: '确定不同意' });

  task = await B.taskOf(key, 'reviseLeave');
  await B.openTaskById(staff, task.id);
  await B.check(staff, '重新提交', false);
  // Cancel first: nothing is submitted.
  await staff.locator('.task-details button[ng-click="complete()"]').click();
  const dialog = staff.locator('.shequ-dialog');
  assert.match(await dialog.innerText(), /不勾选将撤回申请，确定吗？/);
  await B.shot(staff, 'confirm-revise-withdraw');
  await dialog.locator('button[data-shequ-button="取消"]').click();
  await B.sleep(1000);
  assert.equal((await B.taskOf(key, 'reviseLeave')).id, task.id, 'cancelled: the revise task is still open');
  const done = await B.complete(staff, { confirm: '确定撤回', expectQuestion: /不勾选将撤回申请/ });
  assert.match(done, /撤回|已办结|没有待办/);
  const c = await B.caseOf(key);
  assert.ok(c.closedAt, 'withdrawn request is closed');
  await B.logout(staff);
  await B.logout(director);
});
