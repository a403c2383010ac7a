#!/usr/bin/env node
// The console's roles in a real browser (headless Chromium through playwright-core):
//   anonymous -> the login page; admin -> Camel's routes, may stop and start one;
//   viewer -> Camel's routes, a stop is refused (403) and the route keeps running.
// Usage: node console-roles.js <base-url> <chromium> <admin:password> <viewer:password> <route-id> [artifacts-dir]
// Prints one line per check and exits 1 on the first failure, after what the browser saw (console, failed
// requests, Jolokia answers) and a screenshot in the artifacts folder (default: target/ beside this script).
//
// How the console is driven, and why:
// - Each role opens /actuator/hawtio/camel/routes directly (the login sends back to it). Hawtio's own start
//   page selects the routes folder and shows its first tab, the Route Diagram: laying out every one of the
//   hub's routes in a software-rendered browser took the loaded cores tens of seconds, twice with the clicks
//   through the tree, and the routes table was given up on before it came.
// - Stopping or starting a route (un)registers MBeans (its consumer and thread pool); Hawtio notices through
//   its tree watcher, reloads the whole JMX tree (about 11 MB) and meanwhile replaces the Camel view with a
//   spinner, unmounting the routes table. A click is therefore proven by the Jolokia request it sends, and
//   repeated when the table it hit was being replaced.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [baseUrl, executablePath, adminCredentials, viewerCredentials, routeId, artifactsArg] = process.argv.slice(2);
if (!routeId) {
  console.error('usage: console-roles.js <base-url> <chromium> <admin:password> <viewer:password> <route-id> [artifacts-dir]');
  process.exit(2);
}
const ARTIFACTS = path.resolve(artifactsArg || path.join(__dirname, 'target'));
// One step (loading the JMX tree, a table refresh after an operation) on two shared, loaded cores.
const STEP = 90_000;
const STARTED = Date.now();
const pages = [];

function seconds() {
  return ((Date.now() - STARTED) / 1000).toFixed(1) + ' s';
}

function check(condition, what) {
  if (!condition) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok: ' + what + ' (' + seconds() + ')');
}

/** The Jolokia requests in a POST body, summarised: "read kommun-1401-intake", "exec stop() ...", "list". */
function jolokiaRequests(request) {
  try {
    const body = JSON.parse(request.postData() || 'null');
    return (Array.isArray(body) ? body : [body]).filter(Boolean);
  } catch (notJson) {
    return [];
  }
}

function summary(requests) {
  const kinds = [...new Set(requests.map(r => [r.type, r.operation || r.attribute || '', r.mbean || r.path || '']
    .filter(Boolean).join(' ')))];
  return requests.length + ' request(s): ' + kinds.slice(0, 3).join(' | ') + (kinds.length > 3 ? ' | …' : '');
}

/** What the browser saw on one page, printed when a check fails. */
function watch(page, role) {
  const events = [];
  const note = line => {
    events.push('[' + role + ' ' + seconds() + '] ' + line);
    if (events.length > 400) {
      events.shift();
    }
  };
  page.on('console', message => {
    if (message.type() === 'error' || message.type() === 'warning' || /\[hawtio-(camel|shared|rbac|auth)/.test(message.text())) {
      note('console ' + message.type() + ': ' + message.text().slice(0, 400));
    }
  });
  page.on('pageerror', error => note('page error: ' + error.message));
  page.on('requestfailed', request => note('request failed: ' + request.method() + ' ' + request.url() + ' '
    + (request.failure() ? request.failure().errorText : '')));
  page.on('framenavigated', frame => {
    if (frame === page.mainFrame()) {
      note('at ' + frame.url());
    }
  });
  page.on('response', async response => {
    const request = response.request();
    const url = response.url();
    if (!url.includes('/jolokia')) {
      if (response.status() >= 400) {
        note('HTTP ' + response.status() + ' ' + request.method() + ' ' + url);
      }
      return;
    }
    const requests = jolokiaRequests(request);
    const perRoute = requests.length === 1 && requests[0].type === 'read' && /type=routes,/.test(requests[0].mbean || '');
    const length = Number(response.headers()['content-length'] || -1);
    let inner = '';
    if (response.status() === 200 && length >= 0 && length < 1_000_000) {
      try {
        const answers = await response.json();
        const failed = (Array.isArray(answers) ? answers : [answers]).filter(a => a && a.status !== 200);
        if (failed.length > 0) {
          inner = '; ' + failed.length + ' failed inside: ' + failed.slice(0, 3)
            .map(a => a.status + ' ' + String(a.error || '').slice(0, 160)).join(' | ');
        }
      } catch (unreadable) {
        inner = '; answer unreadable (' + unreadable.message.slice(0, 80) + ')';
      }
    }
    if (!perRoute || inner || response.status() !== 200) {
      note('Jolokia ' + response.status() + ' ' + summary(requests) + ', ' + length + ' bytes' + inner);
    }
  });
  pages.push({ page, role, events });
}

async function logIn(browser, role, credentials) {
  const [user, password] = credentials.split(':');
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP);
  watch(page, role);
  await page.goto(baseUrl + '/actuator/hawtio/camel/routes');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/actuator\/hawtio\/camel\/routes/), page.click('button[type=submit]')]);
  return page;
}

/** Polls until one of the named conditions holds; its name, or null when the time is up. */
async function firstOf(page, conditions, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const [name, holds] of Object.entries(conditions)) {
      if (await holds().catch(() => false)) {
        return name;
      }
    }
    if (Date.now() > until) {
      return null;
    }
    await page.waitForTimeout(250);
  }
}

function routeRow(page) {
  return page.locator('table tr').filter({ hasText: routeId }).first();
}

/**
 * Camel's routes table, in two proven steps: Hawtio's Camel tree (its JMX tree loaded through Jolokia and held
 * Camel's domain), then the route's row (the table read the route MBeans).
 */
async function routesTable(page, role) {
  const tree = await firstOf(page, {
    'the Camel tree': () => page.locator('[role=tree]').filter({ hasText: routeId }).first().isVisible(),
    'no Camel context in the JMX tree (Hawtio shows "No Camel Contexts found")':
      () => page.getByText('No Camel Contexts found').isVisible(),
    'Hawtio went to its JMX view (no Camel domain in the JMX tree)': async () => new URL(page.url()).pathname.includes('/jmx'),
    'the login page (logged out)': async () => new URL(page.url()).pathname === '/login',
  }, STEP);
  check(tree === 'the Camel tree', role + ': Hawtio loaded the JMX tree and shows Camel'
    + (tree ? ' (it showed ' + tree + ')' : ' (not within ' + STEP / 1000 + ' s)'));
  const tab = page.locator('a[href*="camel/routes"]');
  if (!new URL(page.url()).pathname.endsWith('/camel/routes') && await tab.count() > 0) {
    await tab.first().click();
  }
  const row = routeRow(page);
  const shown = await firstOf(page, { row: () => row.isVisible() }, STEP);
  check(shown === 'row', role + ': the routes table shows ' + routeId);
  return row;
}

async function state(row) {
  return (await row.locator('td').nth(2).innerText({ timeout: STEP })).trim();
}

async function waitForState(page, row, wanted) {
  const reached = await firstOf(page, { [wanted]: async () => (await state(row)) === wanted }, STEP);
  return reached || await state(row).catch(() => 'no routes table');
}

/**
 * Selects the route and clicks an operation button; returns the answer to the Jolokia request the click sent.
 * A click that sent nothing (the table was being replaced after a tree reload) is repeated.
 */
async function operate(page, row, button, operation) {
  const until = Date.now() + STEP;
  for (;;) {
    const sent = page.waitForRequest(request => jolokiaRequests(request)
      .some(r => r.type === 'exec' && r.operation === operation && (r.mbean || '').includes('"' + routeId + '"')),
    { timeout: 10_000 }).catch(() => null);
    try {
      await row.waitFor({ timeout: STEP });
      const checkbox = row.locator('input[type=checkbox]');
      if (!(await checkbox.isChecked())) {
        await checkbox.check({ timeout: 5_000 });
      }
      await page.getByRole('button', { name: button, exact: true }).click({ timeout: 5_000 });
    } catch (missed) {
      // the table was re-rendered under the click; try again
    }
    const request = await sent;
    if (request) {
      const response = await request.response();
      if (!response) {
        throw new Error('FAILED: ' + operation + ' was sent to Jolokia but got no answer: ' + (request.failure() || {}).errorText);
      }
      return response;
    }
    if (Date.now() > until) {
      throw new Error('FAILED: the ' + button + ' button sent no ' + operation + ' to Jolokia within ' + STEP / 1000 + ' s');
    }
  }
}

/**
 * The next load of Hawtio's JMX tree (a Jolokia list), to be asked for before the click that causes it: a stop or
 * start (un)registers MBeans, Hawtio's tree watcher notices within its 5 s poll and reloads the whole tree, and
 * until that answer is in and the tree rebuilt the Camel view is a spinner. Null when no reload came.
 */
function nextTreeLoad(page) {
  return page.waitForRequest(request => jolokiaRequests(request).some(r => r.type === 'list' && !r.path),
    { timeout: 2 * STEP }).then(request => request.response()).catch(() => null);
}

async function reloaded(role, load, after) {
  const answer = await load;
  if (answer) {
    check(answer.status() === 200, role + ': Hawtio reloaded its JMX tree after ' + after + ' (HTTP ' + answer.status() + ')');
  } else {
    console.log('note: ' + role + ': Hawtio did not reload its JMX tree after ' + after + ' (' + seconds() + ')');
  }
}

async function jolokiaStatus(response) {
  if (response.status() !== 200) {
    return response.status();
  }
  const answer = await response.json();
  return (Array.isArray(answer) ? answer[0] : answer).status;
}

async function anonymous(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl + '/actuator/hawtio/');
  check(new URL(page.url()).pathname === '/login', 'anonymous: the console sends to the login page');
  check(await page.locator('input[name=password]').count() === 1, 'anonymous: the login page asks for a password');
  await context.close();
}

async function admin(browser) {
  const page = await logIn(browser, 'admin', adminCredentials);
  const row = await routesTable(page, 'admin');
  check(await routeRow(page).count() > 0 && await page.locator('tr', { hasText: 'supplier-api-order-deliver' }).count() > 0,
    'admin: sees the Camel routes (' + routeId + ', supplier-api-order-deliver)');
  check(await state(row) === 'Started', 'admin: ' + routeId + ' is started');
  const reloadAfterStop = nextTreeLoad(page);
  const stop = await operate(page, row, 'Stop', 'stop()');
  check(await jolokiaStatus(stop) === 200, 'admin: Jolokia ran stop() (HTTP ' + stop.status() + ')');
  await reloaded('admin', reloadAfterStop, 'the stop');
  check(await waitForState(page, row, 'Stopped') === 'Stopped', 'admin: stops ' + routeId);
  const reloadAfterStart = nextTreeLoad(page);
  const start = await operate(page, row, 'Start', 'start()');
  check(await jolokiaStatus(start) === 200, 'admin: Jolokia ran start() (HTTP ' + start.status() + ')');
  await reloaded('admin', reloadAfterStart, 'the start');
  check(await waitForState(page, row, 'Started') === 'Started', 'admin: starts ' + routeId + ' again');
  await page.context().close();
}

async function viewer(browser) {
  const page = await logIn(browser, 'viewer', viewerCredentials);
  const row = await routesTable(page, 'viewer');
  check(await state(row) === 'Started', 'viewer: sees the Camel routes, ' + routeId + ' started');
  const stop = await operate(page, row, 'Stop', 'stop()');
  check(stop.status() === 403, 'viewer: the stop is refused (HTTP ' + stop.status() + ')');
  // The table reads the route again on its next refresh; what it shows then is the route's real state.
  const reread = await page.waitForResponse(response => jolokiaRequests(response.request())
    .some(r => r.type === 'read' && (r.mbean || '').includes('"' + routeId + '"')), { timeout: STEP }).catch(() => null);
  check(reread !== null, 'viewer: the console read ' + routeId + ' again after the refusal');
  check(await waitForState(page, row, 'Started') === 'Started', 'viewer: ' + routeId + ' is still started');
  await page.context().close();
}

async function evidence() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const { page, role, events } of pages) {
    console.log('--- what the browser saw as ' + role + ' (last ' + events.length + ' events) ---');
    events.forEach(line => console.log(line));
    if (!page.isClosed()) {
      const file = path.join(ARTIFACTS, 'console-test-' + role + '-failure.png');
      await page.screenshot({ path: file, fullPage: true }).then(() => console.log('screenshot: ' + file), () => {});
      console.log('[' + role + '] page at ' + page.url());
    }
  }
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    await anonymous(browser);
    await admin(browser);
    await viewer(browser);
    console.log('all console role checks passed (' + seconds() + ')');
  } catch (error) {
    console.log(error.message);
    await evidence().catch(e => console.log('could not collect what the browser saw: ' + e.message));
    throw error;
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.error(error.message);
  process.exit(1);
});
