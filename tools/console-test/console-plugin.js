#!/usr/bin/env node
// The hub's own Hawtio plugin in a real browser (headless Chromium through playwright-core), as viewer and as admin:
//   both land on Overview after login (timed), see a municipality's traffic and the silent municipality's alert at
//   the top (the viewer also the alert of the parked message's dead-letter queue); the viewer sees the parked message on
//   Dead letters without any replay button; the admin opens Registry (the last reload, an agreement expiring soon),
//   replays the parked message after confirming, sees the replay in the audit trail, records Läkemedelsverket's
//   confirmation of an incident report (the viewer has no button for it), and finds a message on Journey and opens
//   its timeline.
// Usage: node console-plugin.js <base-url> <chromium> <admin:password> <viewer:password> <kommun> <expected-in-today>
//          <parked-messageId> <journey-messageId> <incident-messageId> <authority-reference> <screenshots-dir>
//          [first-page-goal-ms] [silent-kommun]
// Prints one line per check and exits 1 on the first failure, after what the browser saw and a screenshot.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [baseUrl, executablePath, adminCredentials, viewerCredentials, kommun, expectedIn, parkedMessageId,
  journeyMessageId, incidentMessageId, authorityReference, screenshotsArg, limitArg, silentKommun] = process.argv.slice(2);
if (!screenshotsArg) {
  console.error('usage: console-plugin.js <base-url> <chromium> <admin:password> <viewer:password> <kommun> '
    + '<expected-in-today> <parked-messageId> <journey-messageId> <incident-messageId> <authority-reference> '
    + '<screenshots-dir> [first-page-goal-ms] [silent-kommun]');
  process.exit(2);
}
const SCREENSHOTS = path.resolve(screenshotsArg);
// Issue 13: the first page within 5 s of the login on 2 loaded cores. That is a speed goal, so this test measures
// and prints it beside the goal and the machine's load (.ci/run shows the lines), and does not fail on it: a timed
// assertion would measure the neighbours as much as the console. It fails only when the Overview does not come at all.
const FIRST_PAGE_GOAL = Number(limitArg || 5000);
const STEP = 30_000;
const STARTED = Date.now();
const seen = [];

function check(condition, what) {
  if (!condition) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok: ' + what + ' (' + ((Date.now() - STARTED) / 1000).toFixed(1) + ' s)');
}

function watch(page, role) {
  page.on('console', m => m.type() === 'error' && seen.push('[' + role + '] console: ' + m.text().slice(0, 300)));
  page.on('pageerror', e => seen.push('[' + role + '] page error: ' + e.message));
  page.on('response', r => r.status() >= 400 && seen.push('[' + role + '] HTTP ' + r.status() + ' '
    + r.request().method() + ' ' + r.url()));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, name + '.png') });
}

/** Logs in on the login page and times the way to the plugin's first page, Overview, with the municipality's row. */
async function logIn(browser, role, credentials) {
  const [user, password] = credentials.split(':');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP);
  watch(page, role);
  await page.goto(baseUrl + '/actuator/hawtio/');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  const clicked = Date.now();
  await page.click('button[type=submit]');
  await page.locator('#nav-overview tr[data-kommun="' + kommun + '"]').waitFor({ timeout: STEP });
  const took = Date.now() - clicked;
  console.log('first page after login (' + role + '): Overview shown in ' + took + ' ms (goal ' + FIRST_PAGE_GOAL
    + ' ms; load average ' + os.loadavg()[0].toFixed(1) + ' on ' + os.cpus().length + ' cores)');
  check(new URL(page.url()).pathname.endsWith('/hjalpmedelsnav/overview'),
    role + ': the first page after login is the plugin\'s Overview (' + new URL(page.url()).pathname + ')');
  return page;
}

async function overview(page, role) {
  const row = page.locator('#nav-overview tr[data-kommun="' + kommun + '"]');
  const shown = (await row.locator('[data-count="day-received"]').innerText()).trim();
  check(shown === expectedIn, role + ': Overview shows ' + kommun + ' with ' + expectedIn + ' message(s) in today (' + shown + ')');
  check(await row.locator('[data-state="sending"]').count() === 1, role + ': ' + kommun + ' is marked as sending');
  check(await page.locator('#nav-overview [data-state="silent"]').count() > 0
    && (await page.locator('#nav-overview-silent').innerText()).includes('agreement parties silent'),
    role + ': municipalities that sent nothing are marked silent');
  const codes = (await row.locator('td[data-codes]').innerText()).trim();
  check(codes.includes('CUSTOMER_NUMBER_UNKNOWN 1'), role + ': the refusal is counted by its error code (' + codes + ')');
  if (silentKommun) {
    await alert(page, role, 'BUSINESS_SILENCE', silentKommun, 'Ask the municipality');
  }
}

/** An alert at the top of the Overview: its code, its subject, since when, and what to do. */
async function alert(page, role, code, subject, action) {
  const raised = page.locator('#nav-alerts tr[data-alert-code="' + code + '"][data-alert-subject="' + subject + '"]');
  await raised.waitFor({ timeout: STEP });
  const text = (await raised.innerText()).replace(/\s+/g, ' ').trim();
  check(text.includes(subject) && text.includes(' ago') && text.includes(action),
    role + ': Overview shows the alert ' + code + ' for ' + subject + ' with since when and what to do');
}

async function open(page, title, ready) {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.locator(ready).first().waitFor({ timeout: STEP });
}

async function viewer(browser) {
  const page = await logIn(browser, 'viewer', viewerCredentials);
  await overview(page, 'viewer');
  await alert(page, 'viewer', 'DEAD_LETTERS', 'nav.dlq.order.supplier', 'Open Dead letters');
  await open(page, 'Dead letters', '#nav-dead-letters tr[data-parked="' + parkedMessageId + '"]');
  check(true, 'viewer: Dead letters lists the parked message ' + parkedMessageId);
  const buttons = await page.locator('#nav-dead-letters').getByRole('button', { name: /^Replay/ }).count();
  check(buttons === 0, 'viewer: no replay button (' + buttons + ')');
  check(await page.getByText('Replay is for admins').count() === 1, 'viewer: told that replay is for admins');
  await shot(page, 'dead-letters-viewer');

  await open(page, 'Incident reports', '#nav-incidents tr[data-incident="' + incidentMessageId + '"]');
  const confirmButtons = await page.locator('#nav-incidents').getByRole('button', { name: 'Confirm' }).count();
  check(confirmButtons === 0, 'viewer: Incident reports lists the report, with no button to confirm it (' + confirmButtons + ')');
  await page.context().close();
}

async function admin(browser) {
  const page = await logIn(browser, 'admin', adminCredentials);
  await overview(page, 'admin');
  // Hawtio scrolls inside its page, not the document: a tall window shows every municipality on one image.
  await page.setViewportSize({ width: 1440, height: 2300 });
  await shot(page, 'overview');
  await page.setViewportSize({ width: 1440, height: 900 });

  await open(page, 'Registry', '#nav-registry-last-reload');
  const reload = await page.locator('#nav-registry-last-reload').innerText();
  check(/reloaded/.test(reload), 'admin: Registry shows the last reload (' + reload.replace(/\s+/g, ' ').trim() + ')');
  check(await page.locator('#nav-registry tr[data-validity="EXPIRES_SOON"]').count() > 0,
    'admin: Registry highlights an agreement that expires within 30 days');
  await shot(page, 'registry');

  // The API takes a POST on the console's login only with the CSRF token (the plugin sends it; a forged form cannot).
  const statuses = await page.evaluate(async () => {
    const token = decodeURIComponent((document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]);
    const url = '/api/admin/dead-letters/not-a-queue/replay';
    const without = await fetch(url, { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    const withToken = await fetch(url, { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': token } });
    return [without.status, withToken.status];
  });
  check(statuses[0] === 403 && statuses[1] === 404,
    'admin: a POST on the session is refused without the CSRF token (' + statuses[0] + ') and taken with it (' + statuses[1] + ')');

  await open(page, 'Dead letters', '#nav-dead-letters tr[data-parked="' + parkedMessageId + '"]');
  const parked = page.locator('#nav-dead-letters tr[data-parked="' + parkedMessageId + '"]');
  await parked.getByRole('button', { name: 'Replay', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  check((await dialog.innerText()).includes(parkedMessageId), 'admin: the replay asks for a confirmation naming ' + parkedMessageId);
  await shot(page, 'dead-letters-confirm');
  await page.locator('#nav-replay-confirm').click();
  await page.locator('#nav-replay-outcome').waitFor();
  const outcome = await page.locator('#nav-replay-outcome').innerText();
  check(/1 message\(s\) put back/.test(outcome), 'admin: the parked message was replayed (' + outcome.trim() + ')');
  await page.locator('#nav-dead-letters tr[data-replay="' + parkedMessageId + '"]').waitFor();
  check(true, 'admin: the replay is in the recent replays from the audit trail');
  await parked.waitFor({ state: 'detached' });
  check(true, 'admin: the message is no longer parked');
  await shot(page, 'dead-letters');

  await open(page, 'Incident reports', '#nav-incidents tr[data-incident="' + incidentMessageId + '"]');
  const report = page.locator('#nav-incidents tr[data-incident="' + incidentMessageId + '"]');
  check(await report.getAttribute('data-state') === 'sent',
    'admin: the incident report is sent and awaits confirmation (' + await report.getAttribute('data-state') + ')');
  await report.getByRole('button', { name: 'Confirm' }).click();
  await page.locator('#nav-incident-reference').fill(authorityReference);
  await shot(page, 'incident-confirm');
  await page.locator('#nav-incident-confirm').click();
  await page.locator('#nav-incidents tr[data-incident="' + incidentMessageId + '"][data-state="confirmed"]').waitFor();
  const recorded = await report.locator('td[data-reference]').getAttribute('data-reference');
  check(recorded === authorityReference, 'admin: recorded Läkemedelsverket\'s confirmation (' + recorded + ')');
  await shot(page, 'incident-reports');

  await open(page, 'Journey', '#nav-journey-value');
  await page.fill('#nav-journey-value', journeyMessageId);
  await page.locator('#nav-journey').getByRole('button', { name: 'Find' }).click();
  const found = page.locator('#nav-journey tr[data-message="' + journeyMessageId + '"]');
  await found.waitFor();
  check(true, 'admin: Journey finds ' + journeyMessageId + ' (' + (await found.locator('td[data-status]').innerText()).trim() + ')');
  await found.click();
  const steps = page.locator('#nav-journey-steps tbody tr[data-step]');
  await page.locator('#nav-journey-steps tr[data-step="SUPPLIER_EVENT"][data-detail="CONFIRMED"]').waitFor();
  const timeline = [];
  for (const row of await steps.all()) {
    timeline.push(await row.getAttribute('data-step') + ' ' + await row.getAttribute('data-detail'));
  }
  const expected = ['RECEIVED ORDER', 'RECEIPT ACCEPTED', 'HANDED_TO_SUPPLIER API', 'SUPPLIER_EVENT CONFIRMED'];
  check(expected.every((step, i) => timeline[i] === step),
    'admin: Journey shows the order\'s timeline (' + timeline.join(', ') + ')');
  await shot(page, 'journey');
  await page.context().close();
}

(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu',
    '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'] });
  try {
    await viewer(browser);
    await admin(browser);
    console.log('all console plugin checks passed (' + ((Date.now() - STARTED) / 1000).toFixed(1) + ' s)');
  } catch (error) {
    console.log(error.message);
    console.log('--- what the browser saw ---');
    seen.slice(-60).forEach(line => console.log(line));
    for (const context of browser.contexts()) {
      for (const page of context.pages()) {
        await page.screenshot({ path: path.join(SCREENSHOTS, 'failure.png'), fullPage: true }).catch(() => {});
        console.log('page at ' + page.url() + ', screenshot: ' + path.join(SCREENSHOTS, 'failure.png'));
      }
    }
    throw error;
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.error(error.message);
  process.exit(1);
});
