// 作废 (issue 18): the applicant voids an approved leave that has not started from 我的申请 —
// the 作废 button, the reason dialog in Chinese (a missing reason is refused in the dialog, and the
// refusal goes away once a reason is typed), the case then 已作废 with no report-back task left and
// the approver told. On a desktop screen and on a phone (390×844): there the list is a card per
// request and the dialog, its reason field and its buttons fit the screen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

for (const size of ['desktop', 'phone']) {
  test(`${size}: the applicant voids an approved leave that has not started, from 我的申请`, async () => {
    const phone = size === 'phone';
    const staff = await B.login('liu.staff', 'demo', { phone });
    // Two weeks ahead: always before the leave's first working day, whatever day the test runs.
    const key = await B.applyForLeave(staff, { start: B.day(14), reason: '回老家办事' });

    const director = await B.login('zhang.director');
    await B.approveLeave(director, key);
    assert.equal((await B.caseOf(key)).status, 'approved');
    await B.taskOf(key, 'reportBack');

    let mine = await B.openLists(staff, 'mine');
    let row = mine.locator(`tr[data-key="${key}"]`);
    assert.match(await row.innerText(), /已批准/);
    // 导出 Excel: the whole list as an .xlsx file, with the staff member's own session.
    const exportLink = mine.locator('.shequ-export a', { hasText: '导出 Excel' });
    assert.ok(await exportLink.isVisible(), '导出 Excel is shown above 我的申请');
    const file = await staff.request.get(new URL(await exportLink.getAttribute('href'), staff.url()).href);
    assert.equal(file.status(), 200);
    assert.match(file.headers()['content-type'], /spreadsheetml/);
    assert.equal((await file.body()).subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
    const voidButton = row.locator('button[data-op="作废"]');
    await voidButton.waitFor();
    assert.equal(await row.locator('button[data-op="撤回"]').count(), 0, 'an approved request is voided, not withdrawn');
    if (phone) {
      await B.assertDialogFits(staff, mine, '我的申请 with 作废');
      assert.ok(await voidButton.isVisible(), '作废 is on the card');
      await voidButton.tap();
    } else {
      await voidButton.click();
    }
    const dialog = staff.locator('.shequ-dialog', { hasText: '作废 ' + key });
    await dialog.waitFor();
    const reason = dialog.locator('textarea[name="voidReason"]');
    const error = dialog.locator('.shequ-error');
    // No reason: refused in the dialog, which stays open; nothing is sent.
    await dialog.locator('button[data-shequ-button="确定作废"]').click();
    await error.filter({ hasText: /作废理由/ }).waitFor();
    assert.equal((await B.caseOf(key)).status, 'approved', 'a refusal changes nothing');
    if (phone) await B.shot(staff, 'void-dialog-refused-phone');
    // Blanks are no reason; a reason typed clears the refusal at once.
    await reason.fill('   ');
    assert.match(await error.innerText(), /作废理由/, 'blanks are still no reason');
    await reason.fill('行程取消，不再请假');
    assert.equal((await error.innerText()).trim(), '', 'the refusal is gone once a reason is typed');
    assert.equal(await error.isVisible(), false, 'no empty red box either');
    await B.assertChinese(staff, '作废 dialog');
    if (phone) {
      await B.assertDialogFits(staff, dialog, 'the 作废 dialog');
      const [field, box] = await Promise.all([reason.boundingBox(), dialog.boundingBox()]);
      assert.ok(field.x >= box.x && field.x + field.width <= box.x + box.width + 1, 'the reason field fits the dialog');
      assert.ok(field.height >= 44, `the reason field is tall enough to tap (${field.height} px)`);
      // Text under 16 px makes a phone zoom the page in when the field is tapped.
      assert.ok(await reason.evaluate(e => parseFloat(getComputedStyle(e).fontSize)) >= 16, 'the reason is typed at 16 px');
    }
    await B.shot(staff, 'void-dialog-' + size);
    const confirm = dialog.locator('button[data-shequ-button="确定作废"]');
    if (phone) await confirm.tap(); else await confirm.click();
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
    mine = await B.openLists(staff, 'mine');
    row = mine.locator(`tr[data-key="${key}"]`);
    await row.filter({ hasText: '已作废' }).waitFor();
    assert.equal(await row.locator('button[data-op="作废"]').count(), 0);
    if (phone) {
      await row.scrollIntoViewIfNeeded();
      await B.assertDialogFits(staff, mine, '我的申请 after 作废');
      // The card names only what it has: no 当前环节 or 期限 without a value.
      const labels = await row.locator('td[data-label]').evaluateAll(tds => tds
        .filter(td => getComputedStyle(td).display !== 'none')
        .map(td => [td.getAttribute('data-label'), td.textContent.trim()]));
      assert.deepEqual(labels.filter(([, text]) => !text), [], 'a label without a value on the voided card');
      assert.ok(labels.some(([label, text]) => label === '状态' && text === '已作废'), JSON.stringify(labels));
    }
    await B.shot(staff, 'void-list-mine-' + size);

    const notices = await B.api(director, 'GET', '/api/notifications');
    assert.equal(notices.status, 200, notices.text);
    assert.match(notices.text, new RegExp(key + '[\\s\\S]*作废|作废[\\s\\S]*' + key));
    await B.logout(staff);
    await B.logout(director);
  });
}
