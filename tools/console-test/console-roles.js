#!/usr/bin/env node
// The console's roles in a real browser (headless Chromium through playwright-core):
//   anonymous -> the login page; admin -> Camel's routes, may stop and start one;
//   viewer -> Camel's routes, a stop is refused (403) and the route keeps running.
// Usage: node console-roles.js <base-url> <chromium> <admin:password> <viewer:password> <route-id>
// Prints one line per check and exits 1 on the first failure.
'use strict';
const { chromium } = require('playwright-core');

const [baseUrl, executablePath, adminCredentials, viewerCredentials, routeId] = process.argv.slice(2);
if (!routeId) {
  console.error('usage: console-roles.js <base-url> <chromium> <admin:password> <viewer:password> <route-id>');
  process.exit(2);
}
const TIMEOUT = 90_000;
const STARTED = Date.now();

function check(condition, what) {
  if (!condition) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok: ' + what + ' (' + ((Date.now() - STARTED) / 1000).toFixed(1) + ' s)');
}

async function logIn(browser, credentials) {
  const [user, password] = credentials.split(':');
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(TIMEOUT);
  current = page;
  await page.goto(baseUrl + '/actuator/hawtio/');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/actuator\/hawtio\//), page.click('button[type=submit]')]);
  return page;
}

/**
 * Camel in the console: the routes folder of the tree, then the Routes table. Hawtio loads the JMX tree
 * once per page; when that load is slow or missed the Camel context, the table stays empty: one reload.
 */
async function routesTable(page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.click('a:has-text("Camel")');
      await page.click('button:text-is("routes")');
      await page.click('a[href*="camel/routes"]');
      const row = page.locator('tr', { hasText: routeId }).first();
      await row.waitFor({ timeout: attempt === 1 ? TIMEOUT / 2 : TIMEOUT });
      return row;
    } catch (e) {
      if (attempt > 1) {
        throw e;
      }
      console.log('the routes table did not show; reloading the console once');
      await page.goto(baseUrl + '/actuator/hawtio/');
    }
  }
}

async function state(row) {
  return (await row.locator('td').nth(2).innerText()).trim();
}

async function clickOnRoute(page, row, button) {
  const checkbox = row.locator('input[type=checkbox]');
  if (!(await checkbox.isChecked())) {
    await checkbox.check();
  }
  await page.getByRole('button', { name: button, exact: true }).click();
}

async function waitForState(row, wanted) {
  const until = Date.now() + TIMEOUT;
  let now = await state(row);
  while (now !== wanted && Date.now() < until) {
    await row.page().waitForTimeout(500);
    now = await state(row);
  }
  return now;
}

async function anonymous(browser) {
  const page = await browser.newPage();
  await page.goto(baseUrl + '/actuator/hawtio/');
  check(new URL(page.url()).pathname === '/login', 'anonymous: the console sends to the login page');
  check(await page.locator('input[name=password]').count() === 1, 'anonymous: the login page asks for a password');
  await page.close();
}

async function admin(browser) {
  const page = await logIn(browser, adminCredentials);
  const row = await routesTable(page);
  check(await page.locator('tr', { hasText: 'supplier-api-order-deliver' }).count() > 0,
    'admin: sees the Camel routes (' + routeId + ', supplier-api-order-deliver)');
  check(await state(row) === 'Started', 'admin: ' + routeId + ' is started');
  await clickOnRoute(page, row, 'Stop');
  check(await waitForState(row, 'Stopped') === 'Stopped', 'admin: stops ' + routeId);
  await clickOnRoute(page, row, 'Start');
  check(await waitForState(row, 'Started') === 'Started', 'admin: starts ' + routeId + ' again');
  await page.close();
}

async function viewer(browser) {
  const page = await logIn(browser, viewerCredentials);
  const refused = [];
  page.on('response', response => {
    if (response.url().includes('/jolokia') && response.request().method() === 'POST' && response.status() === 403) {
      refused.push(response.url());
    }
  });
  const row = await routesTable(page);
  check(await state(row) === 'Started', 'viewer: sees the Camel routes, ' + routeId + ' started');
  await clickOnRoute(page, row, 'Stop');
  const until = Date.now() + TIMEOUT;
  while (refused.length === 0 && Date.now() < until) {
    await page.waitForTimeout(250);
  }
  check(refused.length > 0, 'viewer: the stop is refused (HTTP 403)');
  // The console polls the routes' state: give it a round to show any change.
  await page.waitForTimeout(3000);
  check(await state(row) === 'Started', 'viewer: ' + routeId + ' is still started');
  await page.close();
}

let current;

(async () => {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    await anonymous(browser);
    await admin(browser);
    await viewer(browser);
    console.log('all console role checks passed');
  } catch (error) {
    if (current && !current.isClosed()) {
      await current.screenshot({ path: process.env.CONSOLE_TEST_SCREENSHOT || 'console-test-failure.png' })
        .catch(() => {});
    }
    throw error;
  } finally {
    await browser.close();
  }
})().catch(error => {
  console.error(error.message);
  process.exit(1);
});
