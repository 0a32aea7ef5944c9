import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { defaultBuildLayer, LocalAgent } from '../../../framework/agent';
import { ModelServer } from '../../../framework/dev';
import { buildCliBundle } from '../../support/cli-bundle';

const LAYER = resolve(__dirname, '../../fixtures/layers/status-app');
const ROOT = resolve(__dirname, '../../..');
/** Debian's chromium: the test never downloads a browser. */
const CHROMIUM = process.env.RXCHARM_CHROMIUM ?? '/usr/bin/chromium';

function flagsOnPage(page: Page): Promise<string[]> {
  return page.$$eval('ul.flags[data-unit="status-app/0"] li', (items) => items.map((li) => li.textContent ?? ''));
}

describe('the live model page, in a real browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-ui-'));
  const modelDir = join(dir, 'model');
  const cli = join(ROOT, `dist/test-ui-${process.pid}.js`);
  const agent = new LocalAgent({
    modelDir,
    parallel: false,
    address: '10.1.2.3',
    basePath: process.env.PATH ?? '/usr/bin:/bin',
    buildLayer: defaultBuildLayer({}),
  });
  let server: ModelServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildCliBundle(cli);
    await agent.deploy(LAYER);
    server = await ModelServer.start(agent);
    const profile = join(dir, 'chromium-profile');
    mkdirSync(profile);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(cli, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the application, its unit, flags and the flag graph', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(server.url);
    await page.waitForSelector('ul.flags[data-unit="status-app/0"] li');
    expect(await page.$eval('section[data-app="status-app"] h2', (h) => h.textContent)).toBe('status-app (status-app)');
    const flags = await flagsOnPage(page);
    expect(flags).toContain('status-app.installed');
    expect(flags).not.toContain('status-app.configured');
    await page.waitForSelector('.graph[data-app="status-app"] svg g.node');
  });

  it('follows a config change made with the CLI: flags and the graph highlight change', async () => {
    const before = Number(await page.$eval('body', (b) => b.dataset.updates ?? '0'));
    const run = spawnSync(process.execPath, [cli, 'config', 'status-app', 'port=8080', '--model', modelDir], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, RXCHARM_UNIT_ADDRESS: '10.1.2.3' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Page-side expressions (evaluated in the browser, where `document` exists).
    await page.waitForFunction(
      `[...document.querySelectorAll('ul.flags[data-unit="status-app/0"] li')].some((li) => li.textContent === 'status-app.configured')`,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      `document.querySelector('.graph[data-app="status-app"] g.ran[data-key$="StatusApp.configure"]') !== null`,
      { timeout: 60_000 },
    );
    expect(Number(await page.$eval('body', (b) => b.dataset.updates ?? '0'))).toBeGreaterThan(before);
    expect(await page.$eval('ul.hooks[data-unit="status-app/0"] li', (li) => li.textContent)).toMatch(
      /config-changed: .*StatusApp\.configure/,
    );
    if (process.env.RXCHARM_UI_SCREENSHOT !== undefined)
      await page.screenshot({ path: process.env.RXCHARM_UI_SCREENSHOT, fullPage: true });
  });
});
