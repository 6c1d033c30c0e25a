// The office's working day (issue 18), on a desktop screen (1366×900) and on a phone (390×844):
// a director lands on 待办 with its count (every filter counted); he opens a group task of his post
// and decides it without a separate claim (认领并办理), and what he typed is what is recorded; the
// next approver sees the earlier opinions (the director's and the representatives' vote) read-only
// above the form; a refused one-step claim (回避) leaves the task unclaimed and the typed opinion in
// place; who claims first (the 认领 button, or ctrl+alt+c on a keyboard) keeps what he typed; the
// director delegates (委派) to a staff member of his community, who gives an opinion, and decides.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const DESKTOP = { width: 1366, height: 900 };
const SIZES = ['desktop', 'phone'];

/** Logs in on a desktop screen (1366×900) or a phone (B.PHONE). */
async function as(userId, size) {
  const page = await B.login(userId, 'demo', { phone: size === 'phone' });
  if (size === 'desktop') await page.setViewportSize(DESKTOP);
  return page;
}

/** A tap on a phone, a click on a desktop. */
async function press(page, locator) {
  if (B.isPhone(page)) await locator.tap();
  else await locator.click();
}

/** A resident identity number of its own (GB 11643 check digit), so that the test can run again on the same data. */
function identityNumber() {
  const birth = `19${String(60 + Math.floor(Math.random() * 40))}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9) + 1}`;
  const body = '360402' + birth + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The counts the filter list shows, by filter name. */
async function shownCounts(page) {
  await page.locator('.task-filters .shequ-filter-count').first().waitFor();
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.task-filters h4.name a')].map(a => [
    [...a.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.nodeValue).join('').trim(),
    Number((a.querySelector('.shequ-filter-count') || {}).textContent)
  ])));
}

async function typeOpinion(page, text) {
  const area = page.locator('.task-details textarea.fjs-textarea[id*="_comment_"]').first();
  await area.fill(text);
  await area.evaluate(e => e.blur());
  await page.waitForTimeout(400);
  return area;
}

/** a director lands on 待办 with its count, decides a group task without claiming it, the next approver sees the chain. */
async function landingAndChain(size) {
  const staff = await B.login('liu.staff');
  await B.startProcess(staff, '开支审批', {
    '金额（元）': '800', 开支类别: '社区公共事务', 开支用途: '社区重阳节敬老活动', 经手人: '刘洋', 证明人: '陈静'
  });
  const key = await B.newestCase(staff);
  await B.logout(staff);

  const director = await as('zhang.director', size);
  // Landing: Tasklist opens 待办, the first filter, and every filter shows its count.
  const active = director.locator('.task-filters .active h4.name a');
  await active.waitFor();
  assert.match(await active.innerText(), /^待办/);
  const filters = (await B.api(director, 'GET', B.engine('/filter?resourceType=Task&itemCount=true'))).json;
  const todo = filters.find(f => f.name === '待办');
  assert.ok(todo && todo.itemCount >= 1, JSON.stringify(filters.map(f => [f.name, f.itemCount])));
  await director.waitForFunction(n => {
    const a = [...document.querySelectorAll('.task-filters h4.name a')].find(x => x.textContent.trim().startsWith('待办'));
    const c = a && a.querySelector('.shequ-filter-count');
    return c && Number(c.textContent) === n;
  }, todo.itemCount);
  const counts = await shownCounts(director);
  for (const f of filters) assert.equal(counts[f.name], f.itemCount, `count of ${f.name}`);
  const mine = Number((await B.api(director, 'GET', B.engine('/task/count?assignee=zhang.director'))).json.count);
  const claimable = Number((await B.api(director, 'GET', B.engine('/task/count?candidateUser=zhang.director'))).json.count);
  assert.equal(counts['待办'], mine + claimable, '待办 = assigned to me + claimable by me');
  const listed = await director.locator('.tasks-list li.task').count();
  assert.equal(listed, Math.min(counts['待办'], 15), 'the opened list shows what the count says (one page of 15)');
  await B.assertChinese(director, 'landing on 待办');
  if (size === 'phone') {
    await B.assertFits(director, 'landing on 待办');
    // No empty grey bar above the filters (its only button, 新建过滤器, is not for staff).
    assert.equal(await director.locator('.task-filters > .three-cols-layout-cell.top').isVisible(), false, 'no empty bar above the filters');
  }
  await B.shot(director, 'day-landing-todo-' + size);

  // The group task opens ready to fill: no claim first; the opinion typed is the one recorded.
  let task = await B.taskOf(key, 'approveExpense');
  assert.equal(task.assignee, null);
  await press(director, director.locator(`.tasks-list li.task a[href*="task=${task.id}"]`));
  await director.waitForSelector(`.shequ-task-bar[data-task="${task.id}"] .shequ-ops`);
  await director.locator('.task-details .fjs-form').waitFor();
  assert.match(await director.locator('.shequ-claim-banner').innerText(), /直接填写并点「完成」/);
  // One 认领, the banner's: Tasklist's own in the task header is not shown beside it.
  assert.equal(await director.locator('[cam-tasklist-task-meta] button.claim').isVisible(), false, 'no second 认领');
  assert.ok(await director.locator('.shequ-claim-banner button').isVisible());
  if (size === 'phone') {
    // The opened task is on top and its form starts on the first screen.
    const details = await director.locator('.column.task-details').boundingBox();
    assert.ok(details.y >= 0 && details.y < 120, `the task starts just below the header (${details.y})`);
    const firstField = await director.locator('.task-details .fjs-form .fjs-form-field input').first().boundingBox();
    assert.ok(firstField.y + firstField.height <= B.PHONE.viewport.height, `the form's first field is on the first screen (${firstField.y})`);
  }
  assert.equal(await director.locator('.task-details .disabled-form').count(), 0, 'the form is not locked');
  const chain = director.locator('.shequ-chain');
  await chain.waitFor();
  assert.match(await chain.innerText(), /刘洋[\s\S]*提交/);
  await B.check(director, '同意开支');
  const opinion = '经核实，敬老活动费用合理，同意报街道社会事务办。';
  const area = await typeOpinion(director, opinion);
  assert.equal(await area.inputValue(), opinion);
  await B.assertChinese(director, 'unclaimed group task, filled');
  if (size === 'phone') {
    assert.equal(await director.locator('.column.tasks-list').isVisible(), false, 'the opened task is on top');
    await B.assertFits(director, 'unclaimed group task, filled');
  }
  await B.shot(director, 'day-unclaimed-filled-' + size);
  let done = await B.complete(director);
  assert.match(done, /票决/);
  const history = await B.admin('GET', `/engine-rest/history/task?taskId=${task.id}`);
  assert.equal(history.json[0].assignee, 'zhang.director', 'claimed and completed in one go');
  let timeline = await B.timelineOf(key);
  const decided = timeline.filter(e => e.action === 'approve').pop();
  assert.equal(decided.userId, 'zhang.director');
  assert.equal(decided.comment, opinion, 'what was typed is what is recorded');

  // The vote, also straight from the group task.
  task = await B.taskOf(key, 'recordVote');
  assert.equal(task.assignee, null);
  await B.openTaskById(director, task.id);
  await director.locator('.shequ-chain li').first().waitFor();
  assert.match(await director.locator('.shequ-chain').innerText(), new RegExp(opinion));
  await B.fill(director, '到会代表人数', '45');
  await B.fill(director, '赞成票数', '40');
  await B.fill(director, '议题公告日期', B.day(-5));
  await B.fill(director, '会议日期', B.day(0));
  if (size === 'phone') {
    // One usable picker per date field, and the date picked is the one the form has.
    await B.assertOneDatePicker(director, '议题公告日期', B.day(-5));
    await B.assertOneDatePicker(director, '会议日期', B.day(0));
    await B.assertFits(director, 'the vote form');
  }
  await B.shot(director, 'day-vote-dates-' + size);
  done = await B.complete(director);
  assert.match(done, /社会事务办|审批开支/);
  await B.logout(director);

  // The social affairs office sees the director's opinion and the vote above its form, read-only.
  const office = await as('qian.social', size);
  task = await B.taskOf(key, 'approveExpense');
  await B.openTaskById(office, task.id);
  const officeChain = office.locator('.shequ-chain');
  await officeChain.locator('li').nth(1).waitFor();
  const chainText = await officeChain.innerText();
  assert.match(chainText, /前序审批意见/);
  assert.match(chainText, /张志华[\s\S]*同意[\s\S]*经核实，敬老活动费用合理/);
  assert.match(chainText, /票决/);
  timeline = await B.timelineOf(key);
  const vote = timeline.find(e => /^vote-/.test(e.action));
  assert.ok(vote, JSON.stringify(timeline.map(e => e.action)));
  assert.ok(chainText.includes(vote.actionLabel), `the vote (${vote.actionLabel}) is on the chain`);
  assert.equal(await officeChain.locator('input, textarea, select, button').count(), 0, 'the chain is read-only');
  const chainBox = await officeChain.boundingBox();
  const firstField = await office.locator('.task-details .fjs-form .fjs-form-field').first().boundingBox();
  assert.ok(chainBox.y + chainBox.height <= firstField.y, 'the chain is above the form fields');
  await B.assertChinese(office, 'chain on the office form');
  if (size === 'phone') await B.assertFits(office, 'chain on the office form');
  await B.shot(office, 'day-chain-office-' + size);
  await B.logout(office);
}

for (const size of SIZES) {
  test(`${size}: a director lands on 待办 with its count, decides a group task without claiming it, the next approver sees the chain`, () => landingAndChain(size));
}

test('a refused one-step claim (回避) leaves the task unclaimed and the typed opinion in place', async () => {
  const bookkeeper = await B.login('huang.bookkeeper');
  await bookkeeper.setViewportSize(DESKTOP);
  const filed = await B.api(bookkeeper, 'POST', B.engine('/process-definition/key/resident-move/start'), {
    variables: Object.fromEntries(Object.entries({
      moveType: 'move-in', residentType: 'registered', name: '王小明', idNumber: identityNumber(),
      phone: '13907920001', occupation: '个体经营', address: '浔阳区湓城街道造纸社区滨江路 18 号', building: '3 栋',
      movedOn: B.day(0)
    }).map(([k, v]) => [k, { value: v }]))
  });
  assert.equal(filed.status, 200, filed.text);
  const key = filed.json.businessKey;
  const tasks = await B.openTasks(key);
  assert.equal(tasks.length, 1, JSON.stringify(tasks));
  const task = tasks[0];
  assert.ok(task.users.includes('huang.bookkeeper'), 'she is a candidate of her own filing\'s verification');
  await B.openTaskById(bookkeeper, task.id);
  await B.check(bookkeeper, '核实无误，记入居民登记簿');
  const opinion = '核实无误（本人填写，应被拒绝）';
  const area = await typeOpinion(bookkeeper, opinion);
  await bookkeeper.locator('.task-details button[ng-click="complete()"]').first().click();
  const refusal = bookkeeper.locator('.page-notifications .alert-danger, .alert-danger').filter({ hasText: /回避/ }).first();
  await refusal.waitFor({ timeout: 30000 });
  assert.equal(await area.inputValue(), opinion, 'the typed opinion is still there');
  const after = await B.openTasks(key);
  assert.equal(after.length, 1);
  assert.equal(after[0].assignee, null, 'a refused claim writes nothing');
  await B.shot(bookkeeper, 'day-refused-claim-desktop');
  await B.logout(bookkeeper);
});

/**
 * Who still claims first keeps what he typed: with the 认领 button (a click, or a tap on a phone) or
 * with Tasklist's keyboard shortcut ctrl+alt+c.
 */
async function claimFirstKeepsInput(size, how) {
  const staff = await B.login('chen.staff');
  const key = await B.applyForLeave(staff, { start: B.day(12), reason: '办理房产手续' });
  await B.logout(staff);

  const director = await as('zhang.director', size);
  const task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  await B.check(director, '同意请假');
  const opinion = '同意，请做好工作交接。';
  await typeOpinion(director, opinion);
  if (how === 'keyboard') {
    // Tasklist's shortcuts are not taken inside a form field: the focus leaves it first.
    await director.evaluate(() => document.activeElement && document.activeElement.blur());
    await director.keyboard.press('Control+Alt+KeyC');
  } else {
    await press(director, director.locator('.shequ-claim-banner button'));
  }
  await director.waitForSelector('.shequ-claim-banner', { state: 'detached' });
  await director.waitForFunction(text => {
    const area = [...document.querySelectorAll('.task-details textarea.fjs-textarea')].find(t => /_comment_\d+$/.test(t.id));
    return area && area.value === text;
  }, opinion);
  assert.equal(await B.isChecked(director, '同意请假'), true, 'the tick is kept too');
  assert.equal((await B.openTasks(key))[0].assignee, 'zhang.director');
  // The counts follow the claim: the task left 本组待办 and is in 我的待办.
  const filters = (await B.api(director, 'GET', B.engine('/filter?resourceType=Task&itemCount=true'))).json;
  await director.waitForFunction(expected => {
    const shown = Object.fromEntries([...document.querySelectorAll('.task-filters h4.name a')].map(a => [
      [...a.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.nodeValue).join('').trim(),
      Number((a.querySelector('.shequ-filter-count') || {}).textContent)]));
    return expected.every(([name, n]) => shown[name] === n);
  }, filters.map(f => [f.name, f.itemCount]));
  await B.shot(director, `day-claimed-input-kept-${how}-${size}`);
  const done = await B.complete(director);
  assert.match(done, /销假/);
  const decided = (await B.timelineOf(key)).filter(e => e.action === 'approve').pop();
  assert.equal(decided.comment, opinion);
  await B.logout(director);
}

test('desktop: who presses 认领 first keeps what he typed', () => claimFirstKeepsInput('desktop', 'button'));
test('phone: who taps 认领 first keeps what he typed', () => claimFirstKeepsInput('phone', 'button'));
test('desktop: who claims with ctrl+alt+c keeps what he typed', () => claimFirstKeepsInput('desktop', 'keyboard'));

/**
 * ORG-2/ORG-4: 委派 downward — the director asks a staff member of his community (not of his post)
 * for an opinion on a leave; she gives it from her own inbox and the task comes back to him, who
 * sees her opinion above the form and decides.
 */
async function delegateDownward(size) {
  const staff = await B.login('liu.staff');
  const key = await B.applyForLeave(staff, { start: B.day(16), reason: '参加亲属婚礼' });
  await B.logout(staff);

  const director = await as('zhang.director', size);
  const task = await B.taskOf(key, 'approveLeave');
  await B.openTaskById(director, task.id);
  const dialog = await B.operation(director, 'delegate');
  assert.match(await dialog.innerText(), /本单位您的下级/, 'the dialog says who may be asked');
  const offered = await dialog.locator('select[name="userId"] option').evaluateAll(os => os.map(o => o.value).filter(Boolean));
  assert.ok(offered.includes('chen.staff') && offered.includes('he.grid'), `staff below the director are offered: ${offered}`);
  assert.ok(!offered.includes('liu.staff'), 'not the applicant');
  assert.ok(!offered.includes('ma.staff') && !offered.includes('qian.social'), `nobody of another unit: ${offered}`);
  await dialog.locator('select[name="userId"]').selectOption('chen.staff');
  // The reason is required; the refusal goes away once it is typed.
  await dialog.locator('button[data-shequ-button="确定委派"]').click();
  const error = dialog.locator('.shequ-error');
  await error.filter({ hasText: /委派理由/ }).waitFor();
  await dialog.locator('textarea[name="reason"]').fill('请核实刘洋手头工作的交接安排');
  assert.equal((await error.innerText()).trim(), '');
  if (size === 'phone') await B.assertDialogFits(director, dialog, 'the 委派 dialog');
  await B.assertChinese(director, 'the 委派 dialog');
  await B.shot(director, 'day-delegate-dialog-' + size);
  await press(director, dialog.locator('button[data-shequ-button="确定委派"]'));
  assert.match(await B.resultText(director), /陈静/);
  let held = (await B.openTasks(key))[0];
  assert.equal(held.assignee, 'chen.staff');

  // The staff member answers from her inbox; the task goes back to the director.
  const chen = await as('chen.staff', size);
  await B.openTaskById(chen, task.id);
  const advice = '交接已安排妥当，建议同意。';
  await B.check(chen, '同意请假');
  await typeOpinion(chen, advice);
  if (size === 'phone') await B.assertFits(chen, 'the delegated task');
  await B.shot(chen, 'day-delegated-task-' + size);
  assert.match(await B.complete(chen), /张志华/, 'she is told the task went back to the director');
  held = (await B.openTasks(key))[0];
  assert.equal(held.id, task.id);
  assert.equal(held.assignee, 'zhang.director', 'back with the director, who decides');
  const resolved = (await B.timelineOf(key)).find(e => e.action === 'delegate-resolved');
  assert.ok(resolved && resolved.userId === 'chen.staff', 'her opinion is on the timeline as hers');
  assert.equal(resolved.comment, '建议同意：' + advice, 'her tick is a recommendation, her words follow');

  await B.openTaskById(director, task.id);
  const chain = director.locator('.shequ-chain');
  await chain.locator('li').first().waitFor();
  assert.match(await chain.innerText(), new RegExp('陈静[\\s\\S]*' + advice));
  if (size === 'phone') await B.assertFits(director, 'the task back with the director');
  await B.check(director, '同意请假');
  await director.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  assert.match(await B.complete(director), /销假/);
  const decided = (await B.timelineOf(key)).filter(e => e.action === 'approve').pop();
  assert.equal(decided.userId, 'zhang.director', 'the decision stays with the director');
  await B.logout(chen);
  await B.logout(director);
}

for (const size of SIZES) {
  test(`${size}: the director delegates (委派) to a staff member of his community, who gives an opinion`, () => delegateDownward(size));
}

/**
 * ORG-4, a delegate who presses 完成 at once: before the inbox has read the task (its case key is
 * held back here), 完成 waits for it, so the delegate is asked for his opinion (请填写处理意见) and
 * never for a refusal (不同意, 请填写审批意见); with the opinion typed, 同意 left unticked, the task
 * goes back to the owner, who still decides.
 */
async function delegateCompletesAtOnce(size) {
  const staff = await B.login('liu.staff');
  const key = await B.applyForLeave(staff, { start: B.day(18), reason: '陪同家人就医' });
  await B.logout(staff);
  const task = await B.taskOf(key, 'approveLeave');
  const director = await B.login('zhang.director');
  const delegated = await B.api(director, 'POST', `/api/tasks/${task.id}/delegate`,
    { userId: 'chen.staff', reason: '请先看看刘洋的工作安排' });
  assert.equal(delegated.status, 200, delegated.text);
  await B.logout(director);

  const chen = await as('chen.staff', size);
  // The inbox reads the task's case key (taskInfo) slowly: Tasklist's form and 完成 come first.
  let release;
  const held = new Promise(r => { release = r; });
  await chen.route('**/localVariables/listNo', async route => {
    await Promise.race([held, B.sleep(20000)]);
    await route.continue();
  });
  await chen.goto(B.TASKLIST + '#/?task=' + task.id);
  const completeButton = chen.locator('.task-details button[ng-click="complete()"]').first();
  await completeButton.waitFor();
  await chen.locator('.task-details .fjs-form').waitFor();
  assert.equal(await chen.locator('.shequ-task-bar .shequ-ops').count(), 0, 'the task is not read yet');
  assert.equal(await B.isChecked(chen, '同意请假'), false);
  await press(chen, completeButton);
  await chen.waitForTimeout(300);
  assert.equal(await chen.locator('.shequ-dialog').count(), 0, 'nothing is asked before the task is read');
  release();
  const asked = chen.locator('.shequ-dialog').last();
  await asked.waitFor();
  const text = await asked.innerText();
  assert.match(text, /请填写处理意见/, 'a delegate is asked for his opinion');
  assert.doesNotMatch(text, /不同意|审批意见/, 'not for a refusal');
  await B.shot(chen, 'day-delegate-at-once-asked-' + size);
  await asked.locator('button[data-shequ-button="确定"]').click();
  assert.equal((await B.openTasks(key))[0].assignee, 'chen.staff', 'nothing was sent');

  const advice = '刘洋手头有急件，建议改期。';
  await typeOpinion(chen, advice);
  await chen.locator('.shequ-done').evaluateAll(els => els.forEach(e => e.remove()));
  await press(chen, completeButton);
  const done = chen.locator('.shequ-done');
  const question = chen.locator('.shequ-dialog');
  await Promise.race([done.waitFor({ timeout: 30000 }), question.waitFor({ timeout: 30000 })]);
  assert.equal(await question.count(), 0, `no question for a delegate: ${await question.allInnerTexts()}`);
  assert.match(await done.innerText(), /交回张志华/);
  const back = (await B.openTasks(key))[0];
  assert.equal(back.id, task.id);
  assert.equal(back.assignee, 'zhang.director', 'back with the director, who decides');
  const timeline = await B.timelineOf(key);
  const resolved = timeline.find(e => e.action === 'delegate-resolved');
  assert.equal(resolved.comment, '建议不同意：' + advice);
  assert.deepEqual(timeline.filter(e => ['approve', 'reject'].includes(e.action)), [], 'nothing was decided by the delegate');
  assert.equal((await B.caseOf(key)).statusLabel, '审批中');
  await B.logout(chen);
}

for (const size of SIZES) {
  test(`${size}: a delegate who presses 完成 before the task is read is asked for an opinion, not a refusal (ORG-4)`, () => delegateCompletesAtOnce(size));
}
