// Cockpit, Admin and the welcome page in Chinese under our own name (issue 10): a street leader's
// Cockpit dashboard and task page without permission errors, the administrator's Admin pages, and
// none of the apps' own English labels, no Camunda 8 banner and no raw ${...}.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as B from '../lib.mjs';

after(B.closeBrowser);

// Labels of Cockpit's, Admin's and the welcome page's own English locale files (locales/en.json).
const ENGLISH = [
  'Processes', 'Decisions', 'Deployments', 'Running Process Instances', 'Open Incidents', 'Open Human Tasks',
  'Dashboard', 'Batches', 'Migrations', 'Users', 'Groups', 'Tenants', 'Authorizations', 'System', 'Log out',
  'My Profile', 'Welcome', 'Applications', 'Frequent links', 'Sign in', 'Process Definitions'
];

async function open(userId, app, path = '') {
  const b = await B.launch();
  const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 960 } });
  context.setDefaultTimeout(45000);
  const page = await context.newPage();
  const failures = [];
  page.on('response', r => {
    if (r.url().includes('/camunda/api/') && r.status() >= 400) failures.push(r.status() + ' ' + r.url());
  });
  await page.goto(`${B.BASE}/camunda/app/${app}/default/`);
  await page.waitForSelector('input[ng-model="username"]');
  await assertNoEnglish(page, `${app} login`);
  await B.fillLogin(page, userId);
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', { state: 'detached' });
  if (path) await page.goto(`${B.BASE}/camunda/app/${app}/default/#${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  page.failures = failures;
  return page;
}

async function assertNoEnglish(page, where) {
  const text = await page.evaluate(() => document.body.innerText + '\n' + document.title);
  assert.ok(!text.includes('${'), `${where}: a raw \${...} placeholder is shown`);
  const found = ENGLISH.filter(label => new RegExp('(^|[^A-Za-z])' + label.replace(/ /g, '\\s+') + '([^A-Za-z]|$)').test(text));
  assert.deepEqual(found, [], `${where}: English labels are shown: ${found.join(', ')}`);
  assert.ok(!/Camunda 8/.test(text), `${where}: the vendor's migration banner is shown`);
}

test('a street leader reads the Cockpit dashboard and the human-task page in Chinese, without permission errors', async () => {
  const page = await open('li.leader', 'cockpit');
  assert.match(await page.title(), /社区流程/);
  await assertNoEnglish(page, 'cockpit dashboard (li.leader)');
  await B.shot(page, 'cockpit-dashboard-li.leader');
  await page.goto(`${B.BASE}/camunda/app/cockpit/default/#/tasks`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await assertNoEnglish(page, 'cockpit tasks (li.leader)');
  await B.shot(page, 'cockpit-tasks-li.leader');
  assert.equal(await page.locator('.alert-danger:visible, .notification.error:visible, .alert-error:visible').count(), 0,
    'a red error is shown on the leader\'s Cockpit');
  assert.deepEqual(page.failures.filter(f => f.startsWith('403') || f.startsWith('500')), [],
    'Cockpit requests refused for the leader');
  await page.context().close();
});

test('the administrator\'s Admin and the welcome page are Chinese under our name', async () => {
  const admin = await open('admin', 'admin', '/users');
  assert.match(await admin.title(), /社区流程/);
  await assertNoEnglish(admin, 'admin users');
  await B.shot(admin, 'admin-users');
  await admin.goto(`${B.BASE}/camunda/app/welcome/default/`);
  await admin.waitForLoadState('networkidle');
  await admin.waitForTimeout(1000);
  await assertNoEnglish(admin, 'welcome page');
  await B.shot(admin, 'welcome');
  await admin.context().close();
});

