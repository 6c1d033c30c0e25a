// The fault test of two nodes behind nginx (issue 22, docs/operations.md). Run by ../fault-test.
// Loopback only, bounded in time. Exits 1 if a case, a timeline entry or a timer is lost or doubled,
// if a session is logged out, or if a phase does not come back.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = process.env;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const JAR = env.FAULT_JAR;
const WORK = env.FAULT_WORK;
const TIMERS = Math.min(1000, Math.max(1, Number(env.FAULT_TIMERS || 200)));
const BASE_PORT = Number(env.FAULT_BASE_PORT || 18180);
const LB = BASE_PORT, PORTS = { node1: BASE_PORT + 1, node2: BASE_PORT + 2, node3: BASE_PORT + 3 };
const SHARED_DB = env.FAULT_DB === 'shared';
const DB_PORT = Number(env.FAULT_DB_PORT || (SHARED_DB ? 3306 : BASE_PORT + 9));
const DB_NAME = env.FAULT_DB_NAME || 'shequ_fault';
const RESTORE_DB = DB_NAME + '_restore';
const DB_DIR = env.FAULT_DB_DIR || `/tmp/shequ-fault-mariadb-${DB_PORT}`;
const ADMIN_PASSWORD = 'Fault-Test-2026!';
const DEADLINE = Date.now() + Number(env.FAULT_MAX_SECONDS || 900) * 1000;
const LB_URL = `http://127.0.0.1:${LB}`;
const T0 = Date.now();

const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const children = new Map();
const failures = [];
const figures = {};

// ---------------------------------------------------------------- database
function sql(query, db = DB_NAME) {
  const out = execFileSync('mariadb', ['-h', '127.0.0.1', '-P', String(DB_PORT), '-u', 'root', '-N', '-B',
    ...(db ? [db] : []), '-e', query], { encoding: 'utf8', timeout: 60000 });
  return out.trim() === '' ? [] : out.trim().split('\n').map(l => l.split('\t'));
}
const one = (q, db) => Number(sql(q, db)[0][0]);
function dbUp() {
  try {
    execFileSync('mariadb-admin', ['-h', '127.0.0.1', '-P', String(DB_PORT), '-u', 'root', 'ping'], { stdio: 'ignore', timeout: 10000 });
    return true;
  } catch { return false; }
}
async function waitDb(up = true) {
  for (let i = 0; i < 120; i++) { if (dbUp() === up) return; await sleep(500); }
  throw new Error(`database did not ${up ? 'come up' : 'stop'}`);
}
function startDb() {
  if (SHARED_DB) {
    execFileSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd', '--', '--user=mysql']);
    return;
  }
  if (!fs.existsSync(path.join(DB_DIR, 'mysql'))) {
    fs.mkdirSync(DB_DIR, { recursive: true });
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${DB_DIR}`, '--user=mysql',
      '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
    execFileSync('chown', ['-R', 'mysql:mysql', DB_DIR]);
  }
  track('mariadb', spawn('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${DB_DIR}`, `--port=${DB_PORT}`,
    '--bind-address=127.0.0.1', `--socket=${DB_DIR}/mariadb.sock`, `--pid-file=${DB_DIR}/mariadb.pid`,
    '--user=mysql', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
    '--transaction-isolation=READ-COMMITTED', '--innodb-buffer-pool-size=128M', '--max-connections=300',
    `--log-error=${WORK}/mariadb.log`], { stdio: 'ignore' }));
}
async function stopDb() {
  if (SHARED_DB) {
    execFileSync('mariadb-admin', ['-h', '127.0.0.1', '-P', String(DB_PORT), '-u', 'root', 'shutdown']);
  } else {
    await stop('mariadb', 'SIGTERM');
  }
  await waitDb(false);
}

// ---------------------------------------------------------------- processes
function track(name, child) {
  children.set(name, child);
  child.on('exit', () => { if (children.get(name) === child) children.delete(name); });
  return child;
}
async function stop(name, signal = 'SIGTERM') {
  const child = children.get(name);
  if (!child) return;
  const gone = new Promise(r => child.once('exit', r));
  child.kill(signal);
  await Promise.race([gone, sleep(30000)]);
  if (children.get(name) === child) { child.kill('SIGKILL'); await gone; }
}
function startNode(name, db = DB_NAME) {
  const out = fs.openSync(path.join(WORK, `${name}.log`), 'a');
  track(name, spawn('java', ['-Xmx384m', '-XX:TieredStopAtLevel=1', '-Xss512k', '-Duser.timezone=Asia/Shanghai',
    '-jar', JAR, `--camunda.bpm.generic-properties.properties.hostname=${name}`,
    '--camunda.bpm.job-execution.enabled=true', '--spring.jpa.open-in-view=false'], {
    stdio: ['ignore', out, out],
    env: { ...env, SPRING_PROFILES_ACTIVE: 'mysql', PORT: String(PORTS[name]), DB_HOST: '127.0.0.1',
      DB_PORT: String(DB_PORT), DB_NAME: db, DB_USER: 'root', DB_PASSWORD: '', DB_POOL_SIZE: '12',
      SHEQU_DEMO: 'true', SHEQU_ADMIN_PASSWORD: ADMIN_PASSWORD, SHEQU_CALENDAR_DIR: path.join(REPO, 'calendar'),
      SHEQU_FILES_STORE: 'database', TZ: 'Asia/Shanghai' }
  }));
}
async function ready(port) {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/actuator/health/readiness`, { signal: AbortSignal.timeout(3000) });
    return r.status === 200;
  } catch { return false; }
}
async function waitReady(name, seconds = 240) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await ready(PORTS[name])) return true;
    if (!children.has(name)) throw new Error(`${name} exited during start-up (see ${WORK}/${name}.log)`);
    await sleep(1000);
  }
  throw new Error(`${name} not ready after ${seconds}s`);
}
function startNginx() {
  const conf = fs.readFileSync(path.join(REPO, 'ops/nginx/shequ-flow.conf'), 'utf8')
    .replace('127.0.0.1:8081', `127.0.0.1:${PORTS.node1}`).replace('127.0.0.1:8082', `127.0.0.1:${PORTS.node2}`)
    .replace('listen 8080;', `listen 127.0.0.1:${LB};`)
    .replace('/etc/nginx/shequ-proxy.inc', path.join(REPO, 'ops/nginx/shequ-proxy.inc'));
  fs.writeFileSync(path.join(WORK, 'shequ-flow.conf'), conf);
  fs.writeFileSync(path.join(WORK, 'nginx.conf'), `worker_processes 1;
pid ${WORK}/nginx.pid;
error_log ${WORK}/nginx-error.log warn;
events { worker_connections 512; }
http {
  log_format upstream '$time_iso8601 $request_method $uri $status upstream=$upstream_addr $upstream_status';
  access_log ${WORK}/nginx-access.log upstream;
  client_body_temp_path ${WORK}/nginx-body;
  proxy_temp_path ${WORK}/nginx-proxy;
  include ${WORK}/shequ-flow.conf;
}
`);
  execFileSync('nginx', ['-t', '-q', '-p', WORK, '-c', path.join(WORK, 'nginx.conf')]);
  track('nginx', spawn('nginx', ['-p', WORK, '-c', path.join(WORK, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' }));
}

// ---------------------------------------------------------------- HTTP clients
let phase = 'start';
const errors = {}; // phase -> "what" -> count
function noteError(what) {
  errors[phase] ??= {};
  errors[phase][what] = (errors[phase][what] || 0) + 1;
}
const basic = user => 'Basic ' + Buffer.from(`${user}:demo`).toString('base64');

class Client {
  constructor(user, { session = false } = {}) { this.user = user; this.session = session; this.cookies = {}; }
  async call(method, url, body, { form = false } = {}) {
    const headers = { Accept: 'application/json' };
    if (this.session) {
      const jar = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
      if (jar) headers.Cookie = jar;
      if (this.cookies['XSRF-TOKEN']) headers['X-XSRF-TOKEN'] = this.cookies['XSRF-TOKEN'];
    } else {
      headers.Authorization = basic(this.user);
    }
    if (body !== undefined) headers['Content-Type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
    const label = `${method} ${url.replace(/LV-\d{4}-\d{6}/, '{key}').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '{id}').split('?')[0]}`;
    let r;
    try {
      r = await fetch(LB_URL + url, { method, headers, redirect: 'manual', signal: AbortSignal.timeout(30000),
        body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    } catch (e) {
      noteError(`${label}: ${e.cause?.code || e.name}`);
      return { status: 0, json: null };
    }
    for (const c of r.headers.getSetCookie?.() || []) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies[pair.slice(0, i)] = pair.slice(i + 1);
    }
    const text = await r.text().catch(() => '');
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* html */ }
    if (r.status >= 400) noteError(`${label}: ${r.status}${r.status === 400 && json?.message ? ' ' + String(json.message).slice(0, 60) : ''}`);
    if (r.status === 401 && this.session) this.loggedOut = (this.loggedOut || 0) + 1;
    return { status: r.status, json };
  }
  async login() {
    await this.call('GET', '/camunda/app/tasklist/default/');
    const r = await this.call('POST', '/camunda/api/admin/auth/user/default/login/tasklist',
      `username=${this.user}&password=demo`, { form: true });
    if (r.status !== 200) throw new Error(`login of ${this.user}: HTTP ${r.status}`);
    // The login starts a new session (session fixation) whose CSRF token is not the one the client
    // holds: as the browser does when Tasklist reloads, read once from the webapps to receive it.
    // Without this the first POST is refused (403) and the webapps end the session (then all 401).
    const t = await this.call('GET', `${this.engine}/user/${this.user}/profile`);
    if (t.status !== 200) throw new Error(`after the login of ${this.user}: HTTP ${t.status}`);
  }
  get engine() { return this.session ? '/camunda/api/engine/engine/default' : '/engine-rest'; }
}

const ack = new Map();      // business key -> applicant
const attempted = new Set();
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const YEAR = today.slice(0, 4);
let seq = 0;
const nextKey = () => `LV-${YEAR}-5${String(++seq).padStart(5, '0')}`;

// Files a leave request with its own business key. Retrying is safe: the key is taken once, a second
// start with it is refused (400, nothing written), which tells the client its first try had landed.
async function fileLeave(client) {
  const key = nextKey();
  attempted.add(key);
  const body = { businessKey: key, variables: {
    leaveType: { value: 'personal' }, startDate: { value: today }, endDate: { value: today },
    days: { value: 1 }, reason: { value: `fault test ${key}` } } };
  for (let attempt = 1; attempt <= 8 && Date.now() < DEADLINE; attempt++) {
    const r = await client.call('POST', `${client.engine}/process-definition/key/leave-request/start`, body);
    if (r.status === 200) { ack.set(key, client.user); return key; }
    if (r.status === 400 && attempt > 1 && /businessKey/.test(JSON.stringify(r.json))) { ack.set(key, client.user); return key; }
    if (r.status >= 400 && r.status < 500 && r.status !== 409) return null;
    await sleep(1000 * attempt);
  }
  return null;
}
// The director of the applicant's community approves every open approval task of the case (claim,
// then complete). Repeating is safe: a task already done is no longer listed.
async function approve(approver, key) {
  for (let round = 0; round < 10 && Date.now() < DEADLINE; round++) {
    const list = await approver.call('GET', `${approver.engine}/task?processInstanceBusinessKey=${key}&taskDefinitionKey=approveLeave`);
    if (list.status !== 200) { await sleep(1000); continue; }
    if (list.json.length === 0) return true;
    for (const t of list.json) {
      if (!t.assignee) await approver.call('POST', `${approver.engine}/task/${t.id}/claim`, { userId: approver.user });
      await approver.call('POST', `${approver.engine}/task/${t.id}/complete`,
        { variables: { approved: { value: true }, comment: { value: '同意' } } });
    }
  }
  return false;
}

let loadOn = true;
const DIRECTOR = { zaozhi: 'zhang.director', taiping: 'gao.director' };
async function worker(applicant, approver, pause) {
  while (loadOn && Date.now() < DEADLINE) {
    const key = await fileLeave(applicant);
    if (key) await approve(approver, key);
    if (applicant.session) await applicant.call('GET', '/api/cases/mine');
    await sleep(pause);
  }
}

// ---------------------------------------------------------------- checks
function checkNoDoubles(where) {
  const procdef = one("select count(*) from (select KEY_ from ACT_RE_PROCDEF group by KEY_, DEPLOYMENT_ID_ is not null having max(VERSION_) > 1 or count(*) > 1) x");
  const deployments = one('select count(*) from (select NAME_ from ACT_RE_DEPLOYMENT group by NAME_ having count(*) > 1) x');
  const filters = one('select count(*) from (select NAME_ from ACT_RU_FILTER group by NAME_, OWNER_ having count(*) > 1) x');
  const users = one('select count(*) from ACT_ID_USER');
  const grants = one('select count(*) from ACT_RU_AUTHORIZATION');
  figures[`start-up (${where})`] = { 'process definitions deployed twice': procdef, 'deployments twice': deployments,
    'Tasklist filters twice': filters, users, grants };
  if (procdef + deployments + filters > 0) failures.push(`start-up ${where}: something created twice`);
}

function quoteKeys(keys) { return [...keys].map(k => `'${k}'`).join(','); }

function checkCases() {
  const mine = `business_key like 'LV-${YEAR}-5%'`;
  const existing = new Set(sql(`select business_key from biz_case where ${mine}`).map(r => r[0]));
  const lost = [...ack.keys()].filter(k => !existing.has(k));
  const unknown = [...existing].filter(k => !attempted.has(k));
  const landedUnacked = [...existing].filter(k => attempted.has(k) && !ack.has(k));
  const instancesTwice = one(`select count(*) from (select BUSINESS_KEY_ from ACT_HI_PROCINST where BUSINESS_KEY_ like 'LV-${YEAR}-5%' group by BUSINESS_KEY_ having count(*) > 1) x`);
  const timelineTwice = sql(`select business_key, action, count(*) from case_event where ${mine} group by business_key, action, coalesce(task_name, ''), coalesce(user_id, '') having count(*) > 1`);
  const stepsTwice = one(`select count(*) from (select business_key from approval_step where ${mine} and decided_at is not null group by business_key, submission, step_no, coalesce(candidate_group, '') having count(*) > 1) x`);
  figures.cases = { 'requests acknowledged': ack.size, 'cases in the register (of those tried)': existing.size,
    'acknowledged but missing (lost)': lost.length, 'filed though the client saw no answer': landedUnacked.length,
    'cases nobody asked for': unknown.length, 'process instances twice': instancesTwice,
    'timeline entries twice': timelineTwice.length, 'approval steps decided twice': stepsTwice };
  if (lost.length) failures.push(`lost cases: ${lost.slice(0, 10).join(' ')}`);
  if (unknown.length || instancesTwice || stepsTwice) failures.push('cases doubled');
  if (timelineTwice.length) failures.push(`timeline entries twice: ${timelineTwice.slice(0, 5).map(r => r.join('/')).join(' ')}`);
}

// ---------------------------------------------------------------- the run
async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  log(`work dir ${WORK}; database ${SHARED_DB ? 'the shared MariaDB' : 'a private MariaDB'} on 127.0.0.1:${DB_PORT}, ${DB_NAME}; timers ${TIMERS}`);
  if (!dbUp()) { startDb(); await waitDb(); }
  sql(`drop database if exists ${DB_NAME}; drop database if exists ${RESTORE_DB};
       create database ${DB_NAME} character set utf8mb4 collate utf8mb4_unicode_ci`, null);

  // 0. Two nodes start at the same moment on the empty database.
  phase = 'start-up race';
  log('node1 and node2 start at the same moment on the empty database');
  startNode('node1'); startNode('node2');
  await Promise.all([waitReady('node1'), waitReady('node2')]);
  checkNoDoubles('two nodes at once');
  log('both ready', JSON.stringify(figures['start-up (two nodes at once)']));
  startNginx();
  for (let i = 0; i < 50 && !(await fetch(LB_URL + '/actuator/health/readiness').then(r => r.ok, () => false)); i++) await sleep(200);

  // Load: Basic clients and two webapp sessions (a staff member filing, her director approving).
  phase = 'load';
  const workers = [];
  const sessionApplicant = new Client('ma.staff', { session: true });
  const sessionApprover = new Client('gao.director', { session: true });
  await sessionApplicant.login(); await sessionApprover.login();
  workers.push(worker(sessionApplicant, sessionApprover, 300));
  for (const u of ['liu.staff', 'chen.staff', 'he.grid']) workers.push(worker(new Client(u), new Client(DIRECTOR.zaozhi), 300));
  workers.push(worker(new Client('xu.grid'), new Client(DIRECTOR.taiping), 300));
  await sleep(15000);
  log(`load running: ${ack.size} acknowledged`);

  // a. SIGKILL of node1 under load, then start it again.
  phase = 'a. node1 killed (SIGKILL) and restarted';
  log(phase);
  await stop('node1', 'SIGKILL');
  await sleep(5000);
  startNode('node1');
  await waitReady('node1');
  await sleep(5000);
  log(`node1 back: ${ack.size} acknowledged`);

  // b. The database restarts under load.
  phase = 'b. database restarted';
  log(phase);
  await stopDb();
  await sleep(3000);
  startDb();
  await waitDb();
  for (const n of ['node1', 'node2']) await waitReady(n, 120);
  await sleep(5000);
  log(`database back: ${ack.size} acknowledged`);

  phase = 'load';
  loadOn = false;
  await Promise.all(workers);

  // c. Many timers fall due at once across the two nodes.
  phase = 'c. timers due at once';
  const zaozhi = ['liu.staff', 'chen.staff', 'he.grid', 'lin.grid'].map(u => new Client(u));
  const director = new Client(DIRECTOR.zaozhi);
  const openTimers = () => one("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'leave-request' and HANDLER_CFG_ like '%reportBackOverdue%'");
  log(`filing and approving leave until ${TIMERS} report-back timers are waiting (${openTimers()} now)`);
  let i = 0;
  while (openTimers() < TIMERS && Date.now() < DEADLINE) {
    const missing = TIMERS - openTimers();
    await Promise.all(Array.from({ length: Math.min(6, missing) }, async () => {
      const c = zaozhi[i++ % zaozhi.length];
      const key = await fileLeave(c);
      if (key) await approve(director, key);
    }));
  }
  const jobs = sql("select ID_, PROCESS_INSTANCE_ID_ from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'leave-request' and HANDLER_CFG_ like '%reportBackOverdue%'").slice(0, TIMERS);
  const jobIds = jobs.map(r => r[0]);
  sql(`update ACT_RU_JOB set DUEDATE_ = '2000-01-01 00:00:00' where ID_ in (${quoteKeys(jobIds)})`);
  const firedAt = Date.now();
  log(`${jobIds.length} timers made due at once`);
  while (Date.now() < DEADLINE && Date.now() - firedAt < 240000) {
    const left = one(`select count(*) from ACT_RU_JOB where ID_ in (${quoteKeys(jobIds)}) and (RETRIES_ > 0 or RETRIES_ is null)`);
    if (left === 0) break;
    await sleep(2000);
  }
  const seconds = (Date.now() - firedAt) / 1000;
  const ids = quoteKeys(jobIds);
  const pis = quoteKeys(jobs.map(r => r[1]));
  const ran = sql(`select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where JOB_ID_ in (${ids}) and JOB_STATE_ = 2 group by HOSTNAME_`);
  const runTwice = one(`select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where JOB_ID_ in (${ids}) and JOB_STATE_ = 2 group by JOB_ID_ having count(*) > 1) x`);
  const failed = one(`select count(*) from ACT_HI_JOB_LOG where JOB_ID_ in (${ids}) and JOB_STATE_ = 3`);
  const notRun = one(`select count(*) from ACT_RU_JOB where ID_ in (${ids})`);
  const reminders = sql(`select PROC_INST_ID_, count(*) from ACT_RU_TASK where PROC_INST_ID_ in (${pis}) and TASK_DEF_KEY_ <> 'reportBack' group by PROC_INST_ID_`);
  const late = one(`select count(*) from biz_case where process_instance_id in (${pis}) and status = 'late'`);
  figures.timers = { 'made due at once': jobIds.length, 'seconds until all had run': Math.round(seconds),
    'ran on': Object.fromEntries(ran), 'run twice': runTwice, 'failed attempts (retried)': failed, 'not run': notRun,
    'reminder tasks': reminders.reduce((s, r) => s + Number(r[1]), 0),
    'cases with two reminders': reminders.filter(r => Number(r[1]) > 1).length, 'cases marked late': late };
  log('timers', JSON.stringify(figures.timers));
  if (runTwice || reminders.some(r => Number(r[1]) > 1)) failures.push('timers run twice');
  if (notRun) failures.push(`${notRun} timers not run`);

  phase = 'checks';
  checkCases();
  figures.sessions = { 'webapp sessions logged out (401)': (sessionApplicant.loggedOut || 0) + (sessionApprover.loggedOut || 0) };
  if (figures.sessions['webapp sessions logged out (401)']) failures.push('a webapp session was logged out');
  const access = fs.readFileSync(path.join(WORK, 'nginx-access.log'), 'utf8').split('\n');
  figures.nginx = { requests: access.length - 1, 'answered by node1': access.filter(l => l.includes(`:${PORTS.node1}`)).length,
    'answered by node2': access.filter(l => l.includes(`:${PORTS.node2}`)).length,
    'passed on to the other node': access.filter(l => /upstream=\S+, /.test(l)).length };

  // 3. Backup and restore drill: mysqldump, restore into an empty database, a node on it, counts.
  phase = 'restore drill';
  log('backup (mysqldump) and restore into an empty database');
  await stop('nginx'); await stop('node1'); await stop('node2');
  const dump = path.join(WORK, `${DB_NAME}.sql`);
  execFileSync('sh', ['-c', `mariadb-dump -h 127.0.0.1 -P ${DB_PORT} -u root --single-transaction --routines --triggers ${DB_NAME} > '${dump}'`]);
  sql(`create database ${RESTORE_DB} character set utf8mb4 collate utf8mb4_unicode_ci`, null);
  execFileSync('sh', ['-c', `mariadb -h 127.0.0.1 -P ${DB_PORT} -u root ${RESTORE_DB} < '${dump}'`]);
  const counts = db => ({ cases: one('select count(*) from biz_case', db), 'timeline entries': one('select count(*) from case_event', db),
    'open tasks': one('select count(*) from ACT_RU_TASK', db), 'waiting jobs': one('select count(*) from ACT_RU_JOB', db),
    'audit entries': one('select count(*) from audit_entry', db) });
  const before = counts(DB_NAME);
  startNode('node3', RESTORE_DB);
  await waitReady('node3');
  const after = counts(RESTORE_DB);
  const sample = [...ack.keys()].slice(-20);
  let served = 0;
  for (const key of sample) {
    const r = await fetch(`http://127.0.0.1:${PORTS.node3}/api/cases/${key}/timeline`, { headers: { Authorization: basic(ack.get(key)), Accept: 'application/json' } });
    const entries = one(`select count(*) from case_event where business_key = '${key}'`);
    const body = r.status === 200 ? await r.json() : null;
    const n = Array.isArray(body) ? body.length : Array.isArray(body?.entries) ? body.entries.length : -1;
    if (r.status === 200 && (n === -1 || n === entries)) served++;
  }
  const tasksRest = await fetch(`http://127.0.0.1:${PORTS.node3}/engine-rest/task/count`, { headers: { Authorization: 'Basic ' + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64') } })
    .then(r => r.ok ? r.json() : { count: -1 }).then(j => j.count);
  figures['restore drill'] = { 'dump size (MB)': +(fs.statSync(dump).size / 1e6).toFixed(1), original: before, restored: after,
    'open tasks the restored node lists (admin, REST)': tasksRest,
    [`timelines served by the restored node (of ${sample.length})`]: served };
  await stop('node3');
  if (JSON.stringify(before) !== JSON.stringify(after) || served !== sample.length) failures.push('restore drill: counts differ');
  if (tasksRest !== before['open tasks']) failures.push(`restore drill: the restored node lists ${tasksRest} open tasks, not ${before['open tasks']}`);
}

async function cleanup() {
  for (const name of ['nginx', 'node3', 'node2', 'node1']) await stop(name).catch(() => {});
  if (!dbUp()) { startDb(); await waitDb().catch(() => {}); }
  if (env.FAULT_KEEP_DB !== '1') {
    try { sql(`drop database if exists ${DB_NAME}; drop database if exists ${RESTORE_DB}`, null); } catch { /* reported below */ }
  }
  if (!SHARED_DB) { await stop('mariadb'); fs.rmSync(DB_DIR, { recursive: true, force: true }); }
}

let code = 0;
try {
  await main();
} catch (e) {
  failures.push(`aborted in phase "${phase}": ${e.message}`);
}
figures['client errors by phase (retried where safe)'] = errors;
console.log('\n== Fault test figures\n' + JSON.stringify(figures, null, 2));
await cleanup();
if (failures.length) {
  console.log('\n== FAILED\n- ' + failures.join('\n- '));
  code = 1;
} else {
  console.log(`\n== PASSED in ${Math.round((Date.now() - T0) / 1000)}s: nothing lost, nothing twice`);
}
process.exit(code);
