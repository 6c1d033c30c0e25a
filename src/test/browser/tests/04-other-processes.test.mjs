// The other processes: started from their start forms in Tasklist, and the first task's form
// opened by the person who holds it (Chinese, no ${...}, the inbox bar and 审批记录 present).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const ID_NUMBER = '11010519491231002X';

const PROCESSES = [
  {
    id: 'property-loan', name: '集体财物外借', starter: 'liu.staff',
    values: { 外借财物: '折叠桌椅 10 套', 借用单位或个人: '太平社区居委会', 借用用途: '社区文艺演出', 借出日期: B.day(1), 约定归还日期: B.day(5) }
  },
  {
    id: 'incident-report', name: '事件上报', starter: 'he.grid',
    values: { 事件类别: '矛盾纠纷', 紧急程度: '需协调（社区签收处置）', 标题: '楼道堆物引发邻里纠纷', 事件描述: '3 号楼 2 单元楼道堆放杂物，邻里争执。', 发生地点: '造纸社区 3 号楼' }
  },
  {
    id: 'correction-travel', name: '社区矫正人员外出审批', starter: 'wei.justice',
    values: { 矫正对象姓名: '孙某', 身份证号码: ID_NUMBER, 外出目的地: '九江市', 开始日期: B.day(5), 结束日期: B.day(7), 外出天数: '3', 外出事由: '探望住院的父亲' },
    // The justice office checks the written proofs before the approval chain.
    then: async (page, key) => {
      await B.claimIfNeeded(page);
      await B.check(page, '村（居）委会证明已核验');
      await B.check(page, '单位证明已核验');
      const done = await B.complete(page);
      assert.match(done, /审批外出/);
      return B.taskOf(key, 'approveTravel');
    }
  },
  {
    id: 'correction-residence-change', name: '社区矫正人员居住地变更', starter: 'wei.justice',
    values: { 矫正对象姓名: '钱某', 身份证号码: ID_NUMBER, 现居住地址: '造纸社区幸福路 1 号', 新居住地址: '太平社区和平路 9 号', 申请日期: B.day(0), 计划迁居日期: B.day(40) },
    ticks: ['新居住地仍在本县（区）']
  }
];

for (const p of PROCESSES) {
  test(`${p.name}: started from its form, first task's form opened by its holder`, async () => {
    const starter = await B.login(p.starter);
    const fields = { ...p.values };
    await B.startProcessWith(starter, p.name, async page => {
      for (const [label, value] of Object.entries(fields)) await B.fill(page, label, value);
      for (const label of p.ticks || []) await B.check(page, label);
    }, `form-${p.id}-start`);
    const key = await B.newestCase(starter);
    const tasks = await B.openTasks(key);
    assert.ok(tasks.length >= 1, `${key} has an open task`);
    const first = tasks[0];
    const holder = first.assignee || first.users.find(u => u !== 'admin');
    assert.ok(holder, `${key}: someone holds ${first.name}`);
    const page = holder === p.starter ? starter : await B.login(holder);
    await B.openTaskById(page, first.id);
    await B.assertChinese(page, `${p.name}: ${first.name}`);
    assert.match(await page.locator('.shequ-case-line').innerText(), new RegExp(key));
    await B.shot(page, `form-${p.id}-${first.key}`);
    await page.click('.task-details .nav-tabs a:text-is("审批记录")');
    await page.locator('.shequ-record table.shequ-timeline').waitFor();
    assert.match(await page.locator('.shequ-record').innerText(), /提交申请|系统建立/);
    await page.click('.task-details .nav-tabs a:text-is("表单")');
    if (p.then) {
      const approval = await p.then(page, key);
      const holder2 = approval.assignee || approval.users.find(u => u !== 'admin');
      const approver = await B.login(holder2);
      await B.openTaskById(approver, approval.id);
      await B.assertChinese(approver, `${p.name}: ${approval.name}`);
      assert.ok(await approver.locator('.shequ-task-bar button[data-op="return"]').isVisible(), '退回 offered on the approval task');
      await B.shot(approver, `form-${p.id}-${approval.key}`);
      await B.logout(approver);
    }
    await B.logout(starter);
    if (page !== starter) await B.logout(page);
  });
}
