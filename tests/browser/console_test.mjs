// The web console in a real browser (Debian's headless Chromium, driven by playwright-core)
// against a live dialerd: run by campaign_run.py --on-ready with DIALER_* variables naming the
// API and the users. An agent logs in, goes ready, receives a call from the SIPp carrier, sees
// the screen pop, hangs up and dispositions it; a supervisor's wallboard shows the agent on the
// call and the counts change; a manager uploads a CSV and sees its error report.
// Screenshots go to $DIALER_WORK/screenshots. Exits non-zero at the first failed expectation.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const env = process.env;
const base = env.DIALER_API;
const shots = path.join(env.DIALER_WORK, 'screenshots');
fs.mkdirSync(shots, { recursive: true });

function log(message) { console.log(`browser: ${message}`); }
function expect(condition, message) { if (!condition) throw new Error(`expectation failed: ${message}`); }

async function login(page, user, password) {
  await page.goto(`${base}/`);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#submit');
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const timeout = 60_000;
try {
  const agent = await (await browser.newContext()).newPage();
  const supervisor = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  for (const p of [agent, supervisor, manager]) p.setDefaultTimeout(timeout);

  // A wrong password shows the error and stays on the login page.
  await login(agent, env.DIALER_AGENT_USER, 'wrong-password');
  await agent.waitForSelector('#error:has-text("wrong user name or password")');
  log('wrong password refused');

  await login(agent, env.DIALER_AGENT_USER, env.DIALER_AGENT_PASSWORD);
  await agent.waitForURL('**/agent.html');
  await agent.waitForSelector('#link:has-text("live")');
  await agent.waitForSelector('#phone:has-text("phone connected")');
  await agent.screenshot({ path: `${shots}/1-agent-logged-in.png` });
  log('agent logged in; phone connected');

  await login(supervisor, env.DIALER_SUPERVISOR_USER, env.DIALER_SUPERVISOR_PASSWORD);
  await supervisor.waitForURL('**/wallboard.html');
  const agentRow = `tr[data-agent="${env.DIALER_AGENT_USER}"]`;
  await supervisor.waitForSelector(`${agentRow} .state.paused`);
  const dialedBefore = Number(await supervisor.textContent('td[data-dialed]'));
  log(`wallboard shows the agent paused; dialed so far ${dialedBefore}`);

  await agent.keyboard.press('r');  // the Ready shortcut
  await agent.waitForSelector('#state.ready');
  log('agent ready');

  // The pacer dials for the ready agent; a person answers and is bridged: the screen pop.
  await agent.waitForSelector('#callcard:not([hidden])', { timeout: 90_000 });
  await agent.waitForSelector('#phase:has-text("talking")');
  const customer = await agent.textContent('#customer');
  const leadText = await agent.textContent('#lead');
  expect(/Lead\d+ Test/.test(customer), `screen pop names the lead (got "${customer}")`);
  expect(/\+1\d{10}/.test(leadText), `screen pop shows the phone number (got "${leadText}")`);
  expect(leadText.includes('customer_id'), 'screen pop shows the list\'s custom columns');
  await agent.screenshot({ path: `${shots}/2-agent-screen-pop.png` });
  log(`screen pop: ${customer}`);

  await supervisor.waitForSelector(`${agentRow} .state.talking`);
  await supervisor.waitForFunction(
    (before) => Number(document.querySelector('td[data-dialed]').textContent) > before, dialedBefore);
  await supervisor.screenshot({ path: `${shots}/3-wallboard-agent-talking.png`, fullPage: true });
  log('wallboard shows the agent talking and the dialed count went up');

  await agent.click('#hangup');
  await agent.waitForSelector('#dispocard:not([hidden])');
  const firstCode = await agent.getAttribute('#codes button', 'data-code');
  await agent.screenshot({ path: `${shots}/4-agent-wrap-up.png` });
  // Pause during wrap-up takes effect when the wrap-up ends: no new call is offered.
  await agent.selectOption('#reason', 'lunch');
  await agent.click('#pause');
  await agent.press('body', '1');  // the first code's shortcut
  await agent.waitForSelector('#dispocard', { state: 'hidden' });
  await agent.waitForSelector('#state.paused');
  expect((await agent.textContent('#state')).includes('lunch'), 'the pause reason is shown');
  log(`agent hung up, paused for lunch and set ${firstCode} with its key`);
  await supervisor.waitForSelector(`${agentRow} .state.paused`);
  log('wallboard shows the agent paused again');

  await login(manager, env.DIALER_MANAGER_USER, env.DIALER_MANAGER_PASSWORD);
  await manager.waitForURL('**/manager.html');
  await manager.waitForSelector('#campaign option', { state: 'attached' });
  const csv = path.join(env.DIALER_WORK, 'upload.csv');
  fs.writeFileSync(csv, 'phone,first_name\n+12127365143,Ann\n555,Bad\n+12127365172,Cy\n,Empty\n');
  await manager.setInputFiles('#file', csv);
  await manager.click('#upload');
  await manager.waitForSelector('#errors tr[data-line="3"]');
  await manager.waitForSelector('#errors tr[data-line="5"]');
  const summary = await manager.textContent('#summary');
  expect(summary.includes('rows 4') && summary.includes('loaded 2'), `upload summary (got "${summary}")`);
  await manager.screenshot({ path: `${shots}/5-manager-upload-report.png`, fullPage: true });
  log(`upload report: ${summary}`);
  log(`OK, screenshots in ${shots}`);
} catch (err) {
  console.error(`browser: FAIL: ${err.message}`);
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await p.screenshot({ path: `${shots}/failure-${i}.png`, fullPage: true }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
