// Expenses (开支审批) through the real forms: director, residents' vote, social affairs office
// refuses, the applicant revises and resubmits below 500 yuan, the director approves, the
// bookkeeper books the voucher with the invoice's photo attached on his task.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

test('expense: director, vote, office refuses; revised to 300 yuan, approved, voucher booked', async () => {
  const staff = await B.login('liu.staff');
  await B.startProcess(staff, '开支审批', {
    '金额（元）': '800', 开支类别: '社区公共事务', 开支用途: '社区文化节场地布置', 经手人: '刘洋', 证明人: '陈静'
  }, 'form-expense-request-start');
  const key = await B.newestCase(staff);
  assert.match(key, /^EX-/);

  const director = await B.login('zhang.director');
  let task = await B.taskOf(key, 'approveExpense');
  await B.openTaskById(director, task.id);
  await B.claimIfNeeded(director);
  await B.check(director, '同意开支');
  await director.locator('.shequ-phrases button[data-phrase="情况属实，同意。"]').click();
  await B.assertChinese(director, 'expense approval form');
  await B.shot(director, 'form-expense-approve');
  let done = await B.complete(director);
  assert.match(done, /票决/);

  task = await B.taskOf(key, 'recordVote');
  await B.openTaskById(director, task.id);
  await B.claimIfNeeded(director);
  // The total is zaozhi's 60 representatives (organisation data, read-only on the form); the
  // meeting is on or after the day the request was filed (today), the notice 3 days before it.
  await B.fill(director, '到会代表人数', '45');
  await B.fill(director, '赞成票数', '40');
  await B.fill(director, '议题公告日期', B.day(-5));
  await B.fill(director, '会议日期', B.day(0));
  await B.assertChinese(director, 'vote form');
  await B.shot(director, 'form-expense-vote');
  done = await B.complete(director);
  assert.match(done, /社会事务办|审批开支/);

  const office = await B.login('qian.social');
  task = await B.taskOf(key, 'approveExpense');
  assert.ok(task.users.includes('qian.social'), JSON.stringify(task));
  await B.openTaskById(office, task.id);
  await B.claimIfNeeded(office);
  await office.locator('.shequ-phrases button[data-phrase="不符合规定，不同意。"]').click();
  await B.shot(office, 'form-expense-approve-office');
  done = await B.complete(office, { confirm: '确定不同意' });
  assert.match(done, /修改或撤回开支申请/);

  task = await B.taskOf(key, 'reviseExpense');
  await B.openTaskById(staff, task.id);
  await B.fill(staff, '金额（元）', '300');
  await B.fill(staff, '开支类别', '办公用品');
  await B.check(staff, '重新提交');
  await B.assertChinese(staff, 'expense revise form');
  await B.shot(staff, 'form-expense-revise');
  done = await B.complete(staff);
  assert.match(done, /审批开支/);

  task = await B.taskOf(key, 'approveExpense');
  await B.openTaskById(director, task.id);
  assert.match(await director.locator('.shequ-case-line').innerText(), /第2次提交/);
  await B.claimIfNeeded(director);
  await B.check(director, '同意开支');
  done = await B.complete(director);
  assert.match(done, /报账/);

  const bookkeeper = await B.login('huang.bookkeeper');
  task = await B.taskOf(key, 'bookVoucher');
  await B.openTaskById(bookkeeper, task.id);
  await B.claimIfNeeded(bookkeeper);
  await B.fill(bookkeeper, '单据类型', '发票');
  await B.fill(bookkeeper, '单据号码', 'No.20261121001');
  await B.fill(bookkeeper, '实付金额（元）', '300');
  await B.fill(bookkeeper, '付款日期', B.day(0));
  // A voucher needs its invoice (rule voucherInvoice): the bookkeeper photographs it on his task.
  await B.attachOnTask(bookkeeper, await B.drawnImage(bookkeeper, '增值税普通发票 300.00', 'image/jpeg', '发票.jpg'), 'invoice');
  await B.assertChinese(bookkeeper, 'voucher form');
  await B.shot(bookkeeper, 'form-expense-voucher');
  done = await B.complete(bookkeeper);
  assert.match(done, /已办结|没有待办/);
  assert.ok((await B.caseOf(key)).closedAt, `${key} closed after the voucher`);
  for (const p of [staff, director, office, bookkeeper]) await B.logout(p);
});
