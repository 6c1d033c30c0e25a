// Attachments in Tasklist (issue 19, scripts/shequ-files.js), in a real browser: a grid worker on a
// phone (390×844) reports an incident with a photo taken on the start form and his location from
// the phone's geolocation; the files are listed with thumbnails in 审批记录 and on the 审批单 of the
// next task, a thumbnail opens the full image, nothing is wider than the screen. At desktop size a
// sick leave of 3 days is applied for with its certificate on the start form; the approver sees it
// (a medical certificate's thumbnail only when asked: every view is recorded) and may approve
// (the rule sickLeaveCertificate of processes/files/required-attachments.dmn); a file of a type
// the server refuses shows the server's Chinese message; the holder of a task adds a file on it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

const drawnImage = B.drawnImage;

/** The upload dialog after a start: its outcome, and a way to close it. */
async function startUploadResult(page) {
  const result = await B.startUploadResult(page);
  return Object.assign(result, { close: async () => {
    await page.locator('.shequ-dialog', { has: page.locator('.shequ-start-upload') })
      .locator('button[data-shequ-button="关闭"]').click();
  } });
}

async function filesOf(page, key) {
  const r = await B.api(page, 'GET', `/api/cases/${encodeURIComponent(key)}/files`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

/** The thumbnail of a listed file has loaded (a real image, not a broken one). */
async function thumbnailLoaded(page, scope) {
  const img = page.locator(`${scope} .shequ-file-thumb img`).first();
  await img.waitFor();
  await page.waitForFunction(i => i.complete && i.naturalWidth > 0, await img.elementHandle());
}

/** Taps a file's thumbnail and checks the full image shows inside the screen; closes the viewer. */
async function openFullImage(page, scope, where) {
  await page.locator(`${scope} .shequ-file-thumb`).first().click();
  const viewer = page.locator('.shequ-dialog', { has: page.locator('.shequ-viewer') });
  await viewer.waitFor();
  const img = viewer.locator('.shequ-viewer img');
  await page.waitForFunction(i => i.complete && i.naturalWidth > 0, await img.elementHandle());
  await B.assertDialogFits(page, viewer, where);
  const box = await img.boundingBox();
  assert.ok(box.width > 100 && box.x >= 0 && box.x + box.width <= page.viewportSize().width + 1, `${where}: ${JSON.stringify(box)}`);
  await B.shot(page, where);
  await viewer.locator('button[data-shequ-button="关闭"]').click();
}

test('incident on a phone: a photo and the location on the start form, listed and opened full size', async () => {
  const grid = await B.login('he.grid', 'demo', { phone: true });
  assert.ok(B.isPhone(grid));
  await grid.context().grantPermissions(['geolocation']);
  await grid.context().setGeolocation({ latitude: 29.70512, longitude: 116.00113 });
  const photo = await drawnImage(grid, '楼道堆物 现场', 'image/jpeg', '现场照片.jpg');

  await B.startProcessWith(grid, '事件上报', async p => {
    for (const [label, value] of Object.entries({ 事件类别: '公共设施损坏', 紧急程度: '需协调（社区签收处置）',
      标题: '路灯损坏', 事件描述: '幸福路 3 号路灯不亮，夜间行人不便。', 发生地点: '造纸社区幸福路 3 号' })) {
      await B.fill(p, label, value);
    }
    const box = p.locator('.modal-body .shequ-start-files');
    await box.waitFor();
    assert.equal(await box.locator('.shequ-upload-kind').inputValue(), 'photo', 'an incident takes photos first');
    // The phone's camera: a file input with `capture` and the accepted types.
    const camera = box.locator('input[data-shequ-file="camera"]');
    assert.equal(await camera.getAttribute('capture'), 'environment');
    assert.equal(await box.locator('input[data-shequ-file="pick"]').getAttribute('accept'), 'image/jpeg,image/png,application/pdf');
    assert.ok(await box.locator('label.shequ-camera').isVisible(), '拍照 is offered on a touch screen');
    await box.locator('.shequ-locate').click();
    await p.waitForFunction(() => document.querySelector('.shequ-start-files .shequ-latitude').value !== '');
    assert.equal(await box.locator('.shequ-latitude').inputValue(), '29.705120');
    assert.equal(await box.locator('.shequ-longitude').inputValue(), '116.001130');
    await camera.setInputFiles(photo);
    await box.locator('.shequ-chosen li').first().waitFor();
    await box.scrollIntoViewIfNeeded();
    await B.assertFits(p, 'start form with a photo (phone)', '.modal-body');
    await B.shot(p, 'files-phone-incident-start');
  });
  const result = await startUploadResult(grid);
  assert.ok(result.ok, result.text);
  assert.match(result.text, /已上传 1 个附件/);
  await B.shot(grid, 'files-phone-incident-uploaded');
  await result.close();

  const key = await B.newestCase(grid);
  const files = await filesOf(grid, key);
  assert.equal(files.length, 1, JSON.stringify(files));
  assert.equal(files[0].kind, 'photo');
  assert.equal(files[0].name, '现场照片.jpg');
  assert.equal(String(files[0].latitude), '29.70512');
  assert.ok(files[0].thumbnailUrl);

  // 审批记录 from 我的申请: the photo with its thumbnail and location; tapping it opens the photo.
  const lists = await B.openLists(grid, 'mine');
  await lists.locator(`tr[data-key="${key}"] button[data-op="记录"]`).click();
  const record = grid.locator('.shequ-dialog .shequ-record[data-key] .shequ-files');
  await record.locator('.shequ-file').first().waitFor();
  await thumbnailLoaded(grid, '.shequ-dialog .shequ-record .shequ-files');
  assert.match(await record.innerText(), /现场照片[\s\S]*北纬 29\.70512[\s\S]*东经 116\.00113/);
  await B.assertFits(grid, '审批记录 with a photo (phone)', '.shequ-overlay');
  await B.shot(grid, 'files-phone-record');
  await openFullImage(grid, '.shequ-dialog .shequ-record .shequ-files', 'files-phone-full-image');
  await B.logout(grid);

  // The next task's holder sees the photo on the 审批单 and adds his own on his task.
  const tasks = await B.openTasks(key);
  assert.equal(tasks.length, 1, JSON.stringify(tasks));
  const holderId = tasks[0].assignee || tasks[0].users[0];
  const holder = await B.login(holderId, 'demo', { phone: true });
  await B.openTaskById(holder, tasks[0].id);
  const onForm = holder.locator('.shequ-task-files');
  await onForm.locator('.shequ-file').first().waitFor();
  await thumbnailLoaded(holder, '.shequ-task-files');
  await B.attachOnTask(holder, await drawnImage(holder, '处置前', 'image/png', '处置前.png'));
  assert.equal(await onForm.locator('.shequ-file').count(), 2);
  assert.match(await onForm.innerText(), new RegExp(`在“${tasks[0].name}”中上传`));
  await onForm.scrollIntoViewIfNeeded();
  await B.assertFits(holder, '审批单 with photos (phone)');
  await B.shot(holder, 'files-phone-task-form');
  await openFullImage(holder, '.shequ-task-files', 'files-phone-task-full-image');
  await B.logout(holder);
});

test('sick leave at desktop: the certificate on the start form; the approver sees it and approves', async () => {
  const staff = await B.login('chen.staff');
  assert.ok(!B.isPhone(staff));
  const certificate = await drawnImage(staff, '诊断证明书 建议休息三天', 'image/jpeg', '诊断证明.jpg');
  await B.startProcessWith(staff, '请假申请', async p => {
    for (const [label, value] of Object.entries({ 请假类型: '病假', 开始日期: B.day(-4), 结束日期: B.day(-2), 请假天数: '3', 请假事由: '急性肠胃炎' })) {
      await B.fill(p, label, value);
    }
    const box = p.locator('.modal-body .shequ-start-files');
    await box.waitFor();
    assert.equal(await box.locator('.shequ-upload-kind').inputValue(), 'medical-certificate');
    assert.match(await box.innerText(), /病假超过 2 天须附病假证明/);
    // A type the server takes only from the content: an HTML page is refused already here.
    await box.locator('input[data-shequ-file="pick"]').setInputFiles({ name: 'x.html', mimeType: 'text/html', buffer: Buffer.from('<p>x</p>') });
    await box.locator('.shequ-upload-status.shequ-bad').filter({ hasText: '只能上传 JPG、PNG 图片或 PDF 文件' }).waitFor();
    await box.locator('input[data-shequ-file="pick"]').setInputFiles(certificate);
    await box.locator('.shequ-chosen li').first().waitFor();
    assert.match(await box.innerText(), /已选择 1 个附件，将在提交申请后上传/);
    await box.scrollIntoViewIfNeeded();
    await B.shot(p, 'files-desktop-leave-start');
  });
  const result = await startUploadResult(staff);
  assert.ok(result.ok, result.text);
  await B.shot(staff, 'files-desktop-leave-uploaded');
  await result.close();
  const key = await B.newestCase(staff);
  const files = await filesOf(staff, key);
  assert.deepEqual(files.map(f => [f.kind, f.name]), [['medical-certificate', '诊断证明.jpg']]);

  // A file the server refuses by its content: its own Chinese message, naming what is wrong.
  const lists = await B.openLists(staff, 'mine');
  await lists.locator(`tr[data-key="${key}"] button[data-op="记录"]`).click();
  const record = staff.locator('.shequ-dialog .shequ-record[data-key] .shequ-files');
  await record.locator('.shequ-file').first().waitFor();
  await record.locator('summary[data-shequ-button="添加附件"]').click();
  assert.equal(await record.locator('.shequ-upload-kind').inputValue(), 'medical-certificate');
  await record.locator('input[data-shequ-file="pick"]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
  const refused = record.locator('.shequ-upload-status.shequ-bad');
  await refused.waitFor();
  assert.match(await refused.innerText(), /“scan\.pdf”上传失败：\S/);
  await B.shot(staff, 'files-desktop-refused');
  assert.equal((await filesOf(staff, key)).length, 1, 'a refusal adds nothing');
  await B.logout(staff);

  const task = await B.taskOf(key, 'approveLeave');
  const approver = await B.login(task.assignee || task.users[0]);
  await B.openTaskById(approver, task.id);
  const onForm = approver.locator('.shequ-task-files');
  await onForm.locator('.shequ-file').first().waitFor();
  // A medical certificate: no thumbnail loaded until asked (each view is recorded).
  assert.equal(await onForm.locator('.shequ-file-thumb img').count(), 0);
  assert.match(await onForm.innerText(), /含个人信息[\s\S]*病假证明[\s\S]*诊断证明\.jpg/);
  await B.shot(approver, 'files-desktop-approve-form');
  await openFullImage(approver, '.shequ-task-files', 'files-desktop-certificate');
  await B.claimIfNeeded(approver);
  await B.check(approver, '同意请假');
  await approver.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  const done = await B.complete(approver);
  assert.match(done, /同意|销假|办理/);
  await B.logout(approver);
});

test('sick leave without its certificate: 同意 is refused in Chinese until the approver adds it on his task', async () => {
  const staff = await B.login('liu.staff');
  const key = await B.applyForLeave(staff, { type: '病假', start: B.day(-6), end: B.day(-4), days: '3', reason: '发烧' });
  await B.logout(staff);
  const task = await B.taskOf(key, 'approveLeave');
  const approver = await B.login(task.assignee || task.users[0]);
  await B.openTaskById(approver, task.id);
  await B.claimIfNeeded(approver);
  assert.match(await approver.locator('.shequ-task-files').innerText(), /还没有附件/);
  await B.check(approver, '同意请假');
  await approver.locator('.shequ-phrases button[data-phrase="同意。"]').click();
  // Rule sickLeaveCertificate: the server's message, nothing completed.
  await approver.locator('.task-details button[ng-click="complete()"]').first().click();
  const refusal = approver.locator('text=病假超过 2 天须有病假证明').first();
  await refusal.waitFor({ timeout: 30000 });
  await B.shot(approver, 'files-desktop-refused-without-certificate');
  // Tasklist's notice of the refusal lies over 完成 until closed.
  await approver.locator('.page-notifications .alert-danger .close:visible').first().click();
  await approver.locator('.page-notifications .alert-danger').first().waitFor({ state: 'hidden' });
  assert.equal((await B.openTasks(key)).length, 1, 'the task is still open');
  // The approver has the paper certificate: he photographs it on his own task, then approves.
  const text = await B.attachOnTask(approver, await B.drawnImage(approver, '病假证明 休息三天', 'image/jpeg', '病假条.jpg'), 'medical-certificate');
  assert.match(text, /病假条\.jpg[\s\S]*在“[^”]+”中上传/);
  await B.shot(approver, 'files-desktop-certificate-added-on-task');
  // A file added by mistake: its uploader deletes it (删除, confirmed) while nobody has acted on the case since.
  const box = approver.locator('.shequ-task-files');
  // The upload stays open after the first file: choose the second one there.
  await box.locator('.shequ-upload-kind').selectOption('other');
  await box.locator('input[data-shequ-file="pick"]').setInputFiles(await B.drawnImage(approver, '传错了', 'image/png', '传错了.png'));
  const wrong = box.locator('.shequ-file', { hasText: '传错了.png' });
  await wrong.locator('button.shequ-file-delete').waitFor({ timeout: 40000 });
  await wrong.locator('button.shequ-file-delete').click();
  await approver.locator('.shequ-dialog', { hasText: '删除附件' }).locator('button', { hasText: '删除' }).click();
  await wrong.waitFor({ state: 'detached', timeout: 30000 });
  assert.match(await box.innerText(), /病假条\.jpg/, 'the certificate stays');
  const done = await B.complete(approver);
  assert.match(done, /同意|销假|办理/);
  await B.logout(approver);
});
