// Screenshots of the user guide docs/使用指南.md (docs/images/guide-*.png).
//
// Run against a FRESH app (empty H2, demo organisation), e.g.
//   mvn -B -q package -DskipTests
//   java -Xmx768m -jar target/shequ-flow-*.jar --server.port=18111 --spring.datasource.url=jdbc:h2:mem:guide &
//   (cd src/test/browser && npm ci)   # once: playwright-core, no browser download
//   SHEQU_BASE_URL=http://127.0.0.1:18111 node docs/tools/guide-screenshots.mjs
//
// It drives Tasklist and Cockpit in headless Debian Chromium (zh-CN, 1440x960, two phone shots at
// 390x844) with the helpers of the browser tests (src/test/browser/lib.mjs), as the demo users.
// Dates are relative to today; the 暂定 mark only shows while next year has no holiday file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as B from '../../src/test/browser/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../images');

async function save(page, name, options = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `guide-${name}.png`);
  if (options.blur !== false) {
    // No focus ring on the link or button clicked last.
    await page.evaluate(() => { const a = document.activeElement; if (a && a !== document.body && a.blur && !a.closest('.shequ-dialog')) a.blur(); });
  }
  await page.waitForTimeout(options.settle ?? 800);
  await page.screenshot({ path: file, fullPage: false, clip: options.clip, scale: options.scale });
  console.log('saved', path.relative(process.cwd(), file));
}

/** Opens a Tasklist filter by its name (我的待办, 本组待办 …) and waits for its list. */
async function openFilter(page, name) {
  await page.goto(B.TASKLIST);
  const link = page.locator('.task-filters .item a, .task-filters li a').filter({ hasText: name }).first();
  await link.waitFor();
  await link.click();
  await page.waitForSelector('.tasks-list li.task');
  await page.mouse.move(900, 700); // no tooltip over the filters in the picture
  await page.waitForTimeout(1500);
}

/** Opens a task by its id on a freshly loaded Tasklist. */
async function openById(page, taskId) {
  await page.goto('about:blank');
  await B.openTaskById(page, taskId);
}

/** Opens a task from a filter's list, as a user does, and waits for the inbox bar. */
async function openFromList(page, filterName, taskId) {
  await openFilter(page, filterName);
  await page.locator(`.tasks-list li.task a[href*="task=${taskId}"]`).first().click();
  await B.booted(page, '.task-details .fjs-form');
  await page.waitForSelector(`.shequ-task-bar[data-task="${taskId}"] .shequ-ops button`);
  await page.mouse.move(900, 700);
  await page.waitForTimeout(500);
}

/** The last day of this year (a leave on it reports back in next year). */
function lastDayOfYear() {
  return B.day(0).slice(0, 4) + '-12-31';
}

async function main() {
  // ------------------------------------------------------------ requests of liu.staff and he.grid
  const staff = await B.login('liu.staff');

  // 发起流程: the processes a community staff member may start.
  await staff.click('.start-process-action a');
  await staff.waitForSelector('.modal-body a');
  await save(staff, 'start-menu');
  await staff.keyboard.press('Escape');
  await staff.waitForSelector('.modal-body a', { state: 'detached' });

  // A one-day leave on the last day of the year; the form is photographed filled in, before 确定.
  const leaveDay = lastDayOfYear();
  await B.startProcessWith(staff, '请假申请', async page => {
    for (const [label, value] of Object.entries({
      请假类型: '事假', 开始日期: leaveDay, 结束日期: leaveDay, 请假天数: '1', 请假事由: '回老家办理户口迁移手续'
    })) await B.fill(page, label, value);
    await save(page, 'start-leave');
  });
  const leaveKey = await B.newestCase(staff);

  await B.startProcess(staff, '开支审批', {
    '金额（元）': '800', 开支类别: '办公用品', 开支用途: '购买办公桌椅两套', 经手人: '刘洋', 证明人: '陈静'
  });
  const expenseKey = await B.newestCase(staff);

  const grid = await B.login('he.grid');
  await B.startProcess(grid, '事件上报', {
    事件类别: '矛盾纠纷', 紧急程度: '需协调（社区签收处置）', 标题: '楼道堆物引发邻里纠纷',
    事件描述: '3 号楼 2 单元楼道堆放杂物，邻里争执。', 发生地点: '造纸社区 3 号楼'
  });

  // ------------------------------------------------------------ the director's inbox
  const director = await B.login('zhang.director');
  await openFilter(director, '待办');
  await save(director, 'tasklist');

  // An approval task not yet claimed, agreed with a stock phrase and completed without a claim first.
  let task = await B.taskOf(leaveKey, 'approveLeave');
  await openFromList(director, '待办', task.id);
  await director.locator('.shequ-claim-banner').waitFor();
  await save(director, 'claim');
  await B.check(director, '同意请假');
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  await save(director, 'decide');
  await B.complete(director);
  await save(director, 'done');

  // The director agrees to the 800-yuan expense; the social affairs office returns it to him.
  task = await B.taskOf(expenseKey, 'approveExpense');
  await openById(director, task.id);
  await B.claimIfNeeded(director);
  await B.check(director, '同意开支');
  await director.locator('.shequ-phrases button[data-phrase="情况属实，同意。"]').click();
  await B.complete(director);

  const office = await B.login('qian.social');
  task = await B.taskOf(expenseKey, 'approveExpense');
  await openById(office, task.id);
  await office.locator('.shequ-chain li').first().waitFor();
  await save(office, 'chain');
  await B.claimIfNeeded(office);
  const dialog = await B.operation(office, 'return');
  const options = await dialog.locator('select[name="target"] option').evaluateAll(os => os.map(o => o.value));
  const toDirector = options.find(v => v.startsWith('approveExpense')) || options[0];
  await dialog.locator('select[name="target"]').selectOption(toDirector);
  await dialog.locator('textarea[name="reason"]').fill('请补充两家供应商的报价后再报');
  await save(office, 'return');
  await dialog.locator('button[data-shequ-button="取消"]').click();

  // ------------------------------------------------------------ the applicant: 销假 with a 暂定 deadline
  task = await B.taskOf(leaveKey, 'reportBack');
  await openFromList(staff, '我的待办', task.id);
  await staff.locator(`.shequ-task-due[data-task="${task.id}"]`).waitFor();
  await staff.click('.task-details .nav-tabs a:text-is("审批记录")');
  await staff.locator('.shequ-record table.shequ-timeline').waitFor();
  await save(staff, 'record');
  await staff.click('.task-details .nav-tabs a:text-is("表单")');

  // 我的申请
  await staff.locator('a.shequ-inbox-nav[data-list="mine"]').click();
  const lists = staff.locator('.shequ-dialog', { hasText: '我的事项' });
  await lists.locator('.shequ-list').waitFor();
  await save(staff, 'my-requests');
  await lists.locator('button[data-shequ-button="关闭"]').click();

  // On a phone (390 px, touch): the task list with the bell in the header, then the task opened on top.
  const phone = await B.login('liu.staff', 'demo', { phone: true });
  await openFilter(phone, '我的待办');
  await phone.locator('.tasks-list .shequ-provisional').first().waitFor({ timeout: 10000 }).catch(() => {});
  await save(phone, 'phone', { scale: 'css' });
  await openFromList(phone, '我的待办', task.id);
  await save(phone, 'phone-task', { scale: 'css' });
  await B.logout(phone);

  // ------------------------------------------------------------ 回避: the filer cannot verify his own filing
  const chen = await B.login('chen.staff');
  await B.startProcess(chen, '居民迁入迁出登记', {
    登记类型: '迁入', 人口类型: '流动人口', 姓名: '周小红', 身份证号: '11010519491231002X', 联系电话: '13800001234',
    职业: '教师', 居住地址: '造纸社区幸福路 8 号', '迁入/迁出/变更日期': B.day(-2)
  });
  const moveKey = await B.newestCase(chen);
  task = await B.taskOf(moveKey, 'verifyResidentMove');
  await openById(chen, task.id);
  await chen.click('.shequ-claim-banner button');
  await chen.waitForTimeout(2500);
  await save(chen, 'refused');

  // ------------------------------------------------------------ Cockpit for a street leader
  await cockpit('li.leader');

  for (const p of [staff, grid, director, office, chen]) await B.logout(p);
  await B.closeBrowser();
}

async function cockpit(userId) {
  const b = await B.launch();
  const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  await page.goto(`${B.BASE}/camunda/app/cockpit/default/`);
  await page.waitForSelector('input[ng-model="username"]');
  await B.fillLogin(page, userId);
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', { state: 'detached' });
  await page.waitForLoadState('networkidle');
  await save(page, 'cockpit', { settle: 2500 });
  await context.close();
}

main().catch(async e => {
  console.error(e);
  await B.closeBrowser();
  process.exit(1);
});
