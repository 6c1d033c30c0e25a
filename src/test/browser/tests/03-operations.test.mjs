// The approval operations through the inbox's buttons (CONTRACTS.md "Approval operations"):
// 抄送, 退回, 加签, 催办, 撤回, 转办, 委派, 打印审批单, and the lists 我的申请 / 已办 / 抄送我的.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

async function approve(page, taskId, phrase = '同意。') {
  await B.openTaskById(page, taskId);
  await B.claimIfNeeded(page);
  await page.locator('.task-details input[type=checkbox][id*="_approved_"]').check();
  await page.locator(`.shequ-phrases button[data-phrase="${phrase}"]`).click();
  return B.complete(page);
}

async function openList(page, name) {
  await B.booted(page, `a.shequ-inbox-nav[data-list="${name}"]`);
  await page.locator(`a.shequ-inbox-nav[data-list="${name}"]`).click({ timeout: 20000 }).catch(async e => {
    await B.shot(page, 'failed-open-list-' + name);
    throw new Error(`${page.userId}: no ${name} list in the navbar at ${page.url()}: ${e.message}; pending: ${page.pending()}`);
  });
  const dialog = page.locator('.shequ-dialog', { hasText: '我的事项' });
  await dialog.waitFor();
  await dialog.locator('.shequ-list, .shequ-empty, .shequ-error').first().waitFor();
  return dialog;
}

async function closeDialog(page) {
  await page.locator('.shequ-dialog button[data-shequ-button="关闭"]').last().click();
}

test('director\'s 3-day leave: CC, return to step 1, add a signer before, urge, lists and the printed sheet', async () => {
  const applicant = await B.login('zhang.director');
  await B.startProcess(applicant, '请假申请', {
    请假类型: '事假', 开始日期: B.day(-10), 结束日期: B.day(-8), 请假天数: '3', 请假事由: '外出办理家事'
  });
  const key = await B.newestCase(applicant);

  // Step 1: the leader in charge consents.
  const leader = await B.login('li.leader');
  let task = await B.taskOf(key, 'approveLeave');
  assert.ok(task.users.includes('li.leader') || task.assignee === 'li.leader', JSON.stringify(task));
  await approve(leader, task.id);

  // Step 2: the principal leader copies the case to a staff member ...
  const principal = await B.login('wang.principal');
  task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(principal, task.id);
  await B.claimIfNeeded(principal);
  let dialog = await B.operation(principal, 'cc');
  await dialog.locator('.shequ-people input[value="chen.staff"]').check();
  await dialog.locator('textarea[name="note"]').fill('请知悉');
  await B.shot(principal, 'op-cc-dialog');
  await dialog.locator('button[data-shequ-button="确定抄送"]').click();
  assert.match(await B.resultText(principal), /抄送/);
  assert.ok((await B.timelineOf(key)).some(e => e.action === 'cc'), 'CC is on the timeline');

  // ... and returns it to the leader in charge (step 1).
  dialog = await B.operation(principal, 'return');
  const targets = await dialog.locator('select[name="target"] option').evaluateAll(os => os.map(o => ({ value: o.value, text: o.textContent })));
  const step1 = targets.find(t => t.value.startsWith('approveLeave'));
  assert.ok(step1, 'return targets offer the earlier approval step: ' + JSON.stringify(targets));
  await dialog.locator('select[name="target"]').selectOption(step1.value);
  await dialog.locator('textarea[name="reason"]').fill('请主管领导再核实天数');
  await B.assertChinese(principal, 'return dialog');
  await B.shot(principal, 'op-return-dialog');
  await dialog.locator('button[data-shequ-button="确定退回"]').click();
  assert.match(await B.resultText(principal), /退回/);
  task = await B.taskOf(key, 'approveLeave');
  assert.ok(task.users.includes('li.leader') || task.assignee === 'li.leader', 'returned to step 1: ' + JSON.stringify(task));

  // The leader in charge adds the liaison leader before himself.
  await B.openTaskById(leader, task.id);
  await B.claimIfNeeded(leader);
  dialog = await B.operation(leader, 'add-signer');
  await dialog.locator('select[name="position"]').selectOption('before');
  await dialog.locator('select[name="userId"]').selectOption('zhou.liaison');
  await dialog.locator('textarea[name="reason"]').fill('请蹲点领导先签署意见');
  await B.shot(leader, 'op-add-signer-dialog');
  await dialog.locator('button[data-shequ-button="确定加签"]').click();
  assert.match(await B.resultText(leader), /加签/);
  task = await B.taskOf(key, 'approveLeave');
  assert.ok(task.assignee === 'zhou.liaison' || task.users.includes('zhou.liaison'), 'signer first: ' + JSON.stringify(task));

  const liaison = await B.login('zhou.liaison');
  const done = await approve(liaison, task.id, '情况属实，同意。');
  assert.match(done, /李红梅|主管社区领导|审批请假/);
  task = await B.taskOf(key, 'approveLeave');
  assert.ok(task.users.includes('li.leader') || task.assignee === 'li.leader', 'back to the leader in charge: ' + JSON.stringify(task));

  // The applicant urges from 我的申请 (once an hour), and prints the sheet.
  dialog = await openList(applicant, 'mine');
  const row = dialog.locator(`tr[data-key="${key}"]`);
  assert.match(await row.innerText(), /审批中/);
  await B.assertChinese(applicant, '我的申请');
  await B.shot(applicant, 'list-mine');
  await row.locator('button[data-op="催办"]').click();
  let urge = applicant.locator('.shequ-dialog', { hasText: '催办 ' + key });
  await urge.locator('textarea[name="note"]').fill('请尽快审批');
  await urge.locator('button[data-shequ-button="确定催办"]').click();
  assert.match(await B.resultText(applicant), /催办/);
  await row.locator('button[data-op="催办"]').click();
  urge = applicant.locator('.shequ-dialog', { hasText: '催办 ' + key });
  await urge.locator('button[data-shequ-button="确定催办"]').click();
  const refusal = urge.locator('.shequ-error');
  await refusal.filter({ hasText: /\S/ }).waitFor();
  assert.match(await refusal.innerText(), /[\u4e00-\u9fa5]/, 'the 429 refusal is shown in Chinese');
  await B.shot(applicant, 'op-urge-refused');
  await urge.locator('button[data-shequ-button="取消"]').click();
  const [sheet] = await Promise.all([
    applicant.context().waitForEvent('page'),
    row.locator('button[data-op="审批单"]').click()
  ]);
  await sheet.waitForLoadState();
  const sheetText = await sheet.locator('body').innerText();
  assert.match(sheetText, new RegExp(key));
  assert.match(sheetText, /审批单/);
  assert.match(sheetText, /请主管领导再核实天数|退回/);
  await B.shot(sheet, 'sheet-leave');
  await sheet.close();
  await closeDialog(applicant);

  // 抄送我的 for the person copied, 已办 for the approver.
  const copied = await B.login('chen.staff');
  dialog = await openList(copied, 'cc');
  assert.match(await dialog.locator(`tr[data-key="${key}"]`).innerText(), /请知悉/);
  await B.assertChinese(copied, '抄送我的');
  await B.shot(copied, 'list-cc');
  dialog = await openList(leader, 'done');
  assert.ok(await dialog.locator(`tr[data-key="${key}"]`).count() >= 1, '已办 lists the case');
  assert.match(await dialog.locator(`tr[data-key="${key}"]`).first().innerText(), /审批中/, '已办 shows the case\'s status now');
  await B.shot(leader, 'list-done');
  for (const p of [applicant, leader, principal, liaison, copied]) await B.logout(p);
});

test('withdraw from 我的申请 asks first and closes the case as 已撤回', async () => {
  const staff = await B.login('chen.staff');
  await B.startProcess(staff, '请假申请', {
    请假类型: '事假', 开始日期: B.day(-3), 结束日期: B.day(-3), 请假天数: '0.5', 请假事由: '取快递'
  });
  const key = await B.newestCase(staff);
  const dialog = await openList(staff, 'mine');
  await dialog.locator(`tr[data-key="${key}"] button[data-op="撤回"]`).click();
  const confirm = staff.locator('.shequ-dialog', { hasText: '撤回 ' + key });
  assert.match(await confirm.innerText(), /不能恢复/);
  // A reason is required before anything is sent.
  await confirm.locator('button[data-shequ-button="确定撤回"]').click();
  assert.match(await confirm.locator('.shequ-error').innerText(), /撤回理由/);
  await confirm.locator('textarea[name="reason"]').fill('不需要请假了');
  await B.shot(staff, 'op-withdraw-confirm');
  await confirm.locator('button[data-shequ-button="确定撤回"]').click();
  assert.match(await B.resultText(staff), /撤回/);
  const c = await B.caseOf(key);
  assert.equal(c.status, 'withdrawn');
  assert.deepEqual(await B.openTasks(key), []);
  await B.logout(staff);
});

test('resident move: the verifier transfers to a colleague, who delegates it on', async () => {
  const grid = await B.login('he.grid');
  await B.startProcess(grid, '居民迁入迁出登记', {
    登记类型: '迁入', 人口类型: '户籍人口', 姓名: '赵小明', 身份证号: '11010519491231002X', 联系电话: '13800001234', 职业: '教师',
    居住地址: '造纸社区幸福路 8 号', '迁入/迁出/变更日期': B.day(-1)
  }, 'form-resident-move-start');
  const key = await B.newestCase(grid);
  let task = await B.taskOf(key, 'verifyResidentMove');
  assert.ok(task.users.includes('liu.staff') && task.users.includes('chen.staff'), JSON.stringify(task));

  const liu = await B.login('liu.staff');
  await B.openTaskById(liu, task.id);
  await B.assertChinese(liu, 'resident move verify form');
  await B.shot(liu, 'form-resident-move-verify');
  let dialog = await B.operation(liu, 'transfer');
  await dialog.locator('select[name="userId"]').selectOption('chen.staff');
  await dialog.locator('textarea[name="reason"]').fill('我今天外出，请陈静核实');
  await B.shot(liu, 'op-transfer-dialog');
  await dialog.locator('button[data-shequ-button="确定转办"]').click();
  assert.match(await B.resultText(liu), /转办|陈静/);
  task = await B.taskOf(key, 'verifyResidentMove');
  assert.equal(task.assignee, 'chen.staff');

  const chen = await B.login('chen.staff');
  await B.openTaskById(chen, task.id);
  dialog = await B.operation(chen, 'delegate');
  await dialog.locator('select[name="userId"]').selectOption('liu.staff');
  await dialog.locator('textarea[name="reason"]').fill('请刘洋代为核实，核实后交回我');
  await dialog.locator('button[data-shequ-button="确定委派"]').click();
  assert.match(await B.resultText(chen), /委派|刘洋/);
  task = await B.taskOf(key, 'verifyResidentMove');
  assert.equal(task.assignee, 'liu.staff');
  const actions = (await B.timelineOf(key)).map(e => e.action);
  assert.ok(actions.includes('transfer') && actions.includes('delegate'), actions.join(','));
  for (const p of [grid, liu, chen]) await B.logout(p);
});
