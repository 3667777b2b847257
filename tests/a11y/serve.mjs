// End-to-end test of `concord serve` in headless Chromium (Debian's /usr/bin/chromium, or
// CHROMIUM=path), with axe-core on every page and state.
//
// Usage: node tests/a11y/serve.mjs CONCORD_BIN OUT_DIR
// Starts `concord serve` twice (on free ports, with a project copied into OUT_DIR), drives
// every page as a user would, saves the files it downloads into OUT_DIR (for the LibreOffice
// check of crates/cli/tests/serve.rs), and, with SCREENSHOTS=DIR, screenshots every page at
// 1280 and 375 pixels wide. Prints one line per check; exits 0 when all pass, 1 when any fails,
// 2 on bad usage and 3 when the browser or the server cannot be started.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [bin, outArg] = process.argv.slice(2);
if (!bin || !outArg) {
  console.error('usage: node tests/a11y/serve.mjs CONCORD_BIN OUT_DIR');
  process.exit(2);
}
const out = resolve(outArg);
mkdirSync(out, { recursive: true });
const shots = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;
if (shots) { mkdirSync(shots, { recursive: true }); }

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
  if (!ok) { failures += 1; }
}

// A server: `concord serve --port 0 ...`, its address read from what it prints.
function startServer(args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ['serve', '--port', '0', ...args], {
      cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let said = '';
    const timer = setTimeout(() => reject(new Error(`no address from concord serve: ${said}`)), 20000);
    child.stderr.on('data', (d) => {
      said += d.toString();
      const m = said.match(/running at (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolvePromise({ child, url: m[1].replace(/\/$/, '') }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`concord serve exited ${code}: ${said}`)); });
  });
}

// Files to upload, made here.
const files = join(out, 'inputs');
mkdirSync(files, { recursive: true });
writeFileSync(join(files, 'empty.txt'), '');
writeFileSync(join(files, 'binary.txt'), Buffer.from([0x4d, 0x5a, 0, 0, 0xff, 0xfe, 0, 1, 2, 3, 0, 0, 0, 0, 7, 8]));
// An OLE compound file's signature and nothing a Word 97 reader can use.
const ole = Buffer.alloc(2048, 0);
Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
Buffer.from('WordDocument', 'utf16le').copy(ole, 1024);
writeFileSync(join(files, 'old-word.doc'), ole);
writeFileSync(join(files, 'large.txt'), '1.1 Officers and councillors work together.\n'.repeat(30000));
// Special characters in every field: a council called <script>, quotes, ampersands.
const nasty = `<script>alert("x")</script> & 'Quotes' Parish Council`;
writeFileSync(join(files, '<b>odd & "named".md'), `# Protocol of ${nasty}\n\n## 1 Complaints\n\n1.1 If an officer is unhappy with how a councillor treats them, they should raise the matter with the Clerk <img src=x onerror=alert(1)>.\n`);

const project = join(out, 'project');
rmSync(project, { recursive: true, force: true });
cpSync(join(root, 'templates/examples/site'), project, { recursive: true });

let server, server2, context;
const profile = mkdtempSync(join(tmpdir(), 'concord-serve-e2e-'));
try {
  server = await startServer(['--project', project, '--max-size', '1M']);
} catch (e) {
  console.error(`cannot start concord serve: ${e.message}`);
  process.exit(3);
}
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
} catch (e) {
  console.error(`cannot start chromium: ${e.message}`);
  server.child.kill();
  process.exit(3);
}

const base = server.url;
await context.addInitScript({ path: axePath });
let blocked = 0;
const page = context.pages()[0] || await context.newPage();
// Any request that leaves the server (a CDN, a font) is a failure: the app is one binary.
await context.route('**/*', (route) => {
  const u = route.request().url();
  if (u.startsWith('http://127.0.0.1:') || u.startsWith('data:') || u.startsWith('blob:')) { return route.continue(); }
  blocked += 1;
  return route.abort();
});
const consoleErrors = [];
// Refusal pages answer with 4xx statuses on purpose; anything else said in red is a fault.
page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { consoleErrors.push(m.text()); } });
page.on('pageerror', (e) => consoleErrors.push(e.message));

async function axe(name) {
  // The page whole, its stylesheet applied, before it is judged.
  await page.waitForLoadState('load');
  // axe comes in as an init script (the CSP forbids an injected inline one).
  let result;
  try {
    result = await page.evaluate(async () => await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }));
  } catch (e) {
    check(false, `${name}: axe could not run (${e.message})`);
    return;
  }
  for (const v of result.violations) {
    console.log(`  ${name}: ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 3)) { console.log(`    ${n.target.join(' ')}`); }
  }
  check(result.violations.length === 0, `${name}: axe finds no WCAG A/AA violation (${result.passes.length} rules pass)`);
  if (shots) {
    await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(shots, `${name}-375.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

async function h1() {
  await page.waitForLoadState('load');
  return (await page.textContent('h1'))?.trim();
}

async function download(click, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(out, name);
  await dl.saveAs(path);
  return path;
}

// Presses Tab until the element with this id has focus: it must be reachable by keyboard.
async function tabTo(id, most = 400) {
  for (let i = 0; i < most; i++) {
    const at = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (at === id) { return true; }
    await page.keyboard.press('Tab');
  }
  return false;
}
async function tabToButton(value, most = 400) {
  for (let i = 0; i < most; i++) {
    const at = await page.evaluate(() => document.activeElement && document.activeElement.tagName === 'BUTTON' ? document.activeElement.value : null);
    if (at === value) { return true; }
    await page.keyboard.press('Tab');
  }
  return false;
}

try {
  // Home.
  await page.goto(`${base}/`);
  check((await h1()) === 'Concord', 'home page opens');
  await axe('home');

  // Compare: an upload and a bundled protocol, answers with evidence, a clause opened.
  await page.goto(`${base}/compare`);
  await axe('compare-form');
  await page.setInputFiles('#files', join(root, 'corpus/003_d91a8e6c4f59d3bb.txt'));
  await page.check('input[name="corpus"][value="004_71cbc2f1760365f7"]');
  await page.click('button[type="submit"]');
  check((await h1()) === 'Answers side by side', 'compare shows the answers');
  const body = await page.textContent('main');
  check(body.includes('Who does an officer go to about a councillor') && body.includes('Tewkesbury'), 'the answers name the questions and the councils');
  const clauseLink = page.locator('.where a').first();
  const href = await clauseLink.getAttribute('href');
  await axe('compare-result');
  await clauseLink.click();
  await page.waitForLoadState('load');
  const fragment = href.split('#')[1];
  const target = await page.evaluate(() => decodeURIComponent(location.hash.slice(1)) === (document.querySelector(':target') || {}).id ? document.querySelector(':target').id : null);
  check(target === fragment, `a cited clause opens in its document (#${fragment})`);
  await axe('document');

  // A file dropped on the field is taken (the script's drag and drop).
  await page.goto(`${base}/compare`);
  const dropped = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    return dt;
  }, readFileSync(join(root, 'templates/examples/site/protocol.md'), 'utf8'));
  await page.dispatchEvent('[data-drop]', 'drop', { dataTransfer: dropped });
  check((await page.$eval('#files', (i) => i.files.length)) === 1, 'a dropped file fills the file field');
  await page.click('button[type="submit"]');
  check((await page.textContent('main')).includes('dropped.md'), 'the dropped file is compared');

  // Redline: two versions, the page, the Word and PDF downloads.
  await page.goto(`${base}/redline`);
  await axe('redline-form');
  await page.setInputFiles('#old', join(root, 'templates/examples/site/previous.md'));
  await page.setInputFiles('#new', join(root, 'templates/examples/site/protocol.md'));
  await page.click('button[type="submit"]');
  check((await h1()) === 'Redline', 'redline shows the redline');
  check((await page.locator('del').count()) > 0 && (await page.locator('ins').count()) > 0, 'the redline strikes and inserts words');
  await axe('redline-result');
  const docx = await download(() => page.click('a[href$="redline.docx"]'), 'redline.docx');
  check(readFileSync(docx).subarray(0, 2).toString() === 'PK', 'the Word redline downloads');
  const pdf = await download(() => page.click('a[href$="redline.pdf"]'), 'redline.pdf');
  check(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'the PDF redline downloads');

  // Review pack: a file with tracked changes, peers from the corpus, one zip.
  await page.goto(`${base}/pack`);
  await axe('pack-form');
  await page.setInputFiles('#tracked', join(root, 'corpus/000_0739291e76a941b3.txt'));
  await page.check('input[name="corpus"][value="003_d91a8e6c4f59d3bb"]');
  await page.fill('#title', `Review for ${nasty}`);
  await page.fill('#meeting', 'Standards Committee, 12 March 2027');
  await page.click('button[type="submit"]');
  check((await h1()) === 'Your review pack is ready', 'the pack is made');
  check((await page.textContent('main')).includes(`Review for ${nasty}`), 'a title with markup is shown as text');
  await axe('pack-result');
  const zip = await download(() => page.click('a[href$="pack.zip"]'), 'pack.zip');
  check(readFileSync(zip).subarray(0, 2).toString() === 'PK', 'the pack downloads as one zip');
  await download(() => page.click('a[href$="pack.docx"]'), 'pack.docx');

  // Draft by keyboard only: name, kind, a route step, download Word.
  await page.goto(`${base}/draft`);
  await axe('draft-form');
  check(await tabTo('name'), 'the council name field is reached by Tab');
  await page.keyboard.type(nasty);
  check(await tabTo('kind'), 'the kind field is reached by Tab');
  // A district council: choose it with the keyboard (the select is a listbox).
  const kinds = await page.$$eval('#kind option', (os) => os.map((o) => o.value));
  const from = kinds.indexOf(await page.$eval('#kind', (s) => s.value));
  const to = kinds.indexOf('district');
  for (let i = from; i < to; i++) { await page.keyboard.press('ArrowDown'); }
  await page.waitForTimeout(800);
  check((await page.$eval('#kind', (s) => s.value)) === 'district', 'the kind changes by keyboard');
  await page.waitForFunction(() => document.querySelector('#q-officer-complaint-about-councillor-1 option[value="chief-executive"]'), null, { timeout: 5000 }).catch(() => {});
  check(await tabTo('q-officer-complaint-about-councillor-1'), 'a route step is reached by Tab');
  const preview = await page.textContent('#preview-officer-complaint-about-councillor');
  check(/clause/.test(preview), 'the wording of the choice is previewed beside it');
  // The preview follows the choice as it changes (the script asks the server again).
  await page.fill('#q-response-time-days', '5');
  await page.keyboard.press('Tab');
  const live = await page.waitForFunction(() => /\bfive\b|\b5\b/.test(document.querySelector('#preview-response-time').textContent), null, { timeout: 10000 }).then(() => true, () => false);
  check(live, 'the previewed wording changes with the choice');
  check(await tabToButton('docx'), 'the Word download button is reached by Tab');
  const drafted = await download(() => page.keyboard.press('Enter'), 'draft.docx');
  check(readFileSync(drafted).subarray(0, 2).toString() === 'PK', 'the drafted protocol downloads as Word');
  await page.goto(`${base}/draft`);
  await tabToButton('docx');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary');
  check((await page.textContent('.error-summary')).includes("missing the council's name"), 'a missing name gets the validator\'s message');
  check(await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('error-summary')), 'the error summary takes focus');
  check((await page.locator('#name-error').count()) === 1, 'the message is shown at the name field');
  await axe('draft-errors');
  await page.click('.error-summary a');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'name'), 'the summary links to the field');
  await page.goto(`${base}/draft?example=joint`);
  check((await page.$eval('#name', (e) => e.value)).length > 0, 'an example fills the form');
  await axe('draft-example');
  await page.click('summary');
  await page.setInputFiles('#file', join(root, 'corpus/003_d91a8e6c4f59d3bb.txt'));
  await page.click('form[action="/draft/from"] button');
  check((await page.$eval('#name', (e) => e.value)).includes('Tewkesbury'), 'a protocol\'s own choices fill the form');
  await axe('draft-from');
  await page.click('button[value="save"]');
  check((await page.textContent('.notice')).includes('drafts/'), 'the draft is saved into the project');
  check(existsSync(join(project, 'drafts')), 'the project has the saved draft');

  // Revise: the protocol in force, a choice changed, the edit proposed and adjusted, the
  // redline and the pack in one flow; a change the words cannot carry is refused at once.
  await page.goto(`${base}/revise`);
  await axe('revise-form');
  await page.setInputFiles('#file', join(root, 'templates/examples/site/previous.md'));
  await page.click('button[type="submit"]');
  check((await page.locator('fieldset.question').count()) > 5, 'revise shows who does what today');
  await axe('revise-choices');
  await page.selectOption('#q-officer-complaint-about-councillor-1', 'chief-executive');
  await page.selectOption('#q-officer-complaint-about-councillor-2', 'monitoring-officer');
  await page.click('#questions button[type="submit"]');
  check((await page.textContent('.error-summary')).includes('clause 12.2'), 'a route of another length is refused naming the clause');
  await axe('revise-refused');
  await page.selectOption('#q-officer-complaint-about-councillor-2', '');
  await page.click('#questions button[type="submit"]');
  check((await h1()) === 'Check the proposed changes', 'the edit is proposed');
  check((await page.textContent('main')).includes('raise it with the Chief Executive'), 'the clause keeps its own words with the new role');
  await axe('revise-proposed');
  await page.click('main form button[type="submit"]');
  check((await h1()) === 'Redline', 'the revision is redlined');
  check((await page.textContent('main')).includes('Officer complaints about councillors: Monitoring Officer -&gt; Chief Executive'.replace('-&gt;', '->')), 'the redline says who is now responsible');
  await axe('revise-redline');
  const revised = await download(() => page.click('a[href$="redline.docx"]'), 'revised.docx');
  check(readFileSync(revised).subarray(0, 2).toString() === 'PK', 'the revision downloads as Word tracked changes');
  const revisedPack = await download(() => page.click('a[href$="pack.docx"]'), 'revised-pack.docx');
  check(readFileSync(revisedPack).subarray(0, 2).toString() === 'PK', 'and its committee pack');
  // A clause edited by hand keeps its number.
  await page.goto(`${base}/revise`);
  await page.setInputFiles('#file', join(root, 'templates/examples/site/previous.md'));
  await page.click('button[type="submit"]');
  await page.selectOption('#edit_clause', '2.1');
  await page.click('#questions button[type="submit"]');
  check((await h1()) === 'Check the proposed changes', 'a clause can be edited by hand');
  await page.fill('textarea', 'Councillors and officers treat each other with courtesy, at all times.');
  await axe('revise-by-hand');
  await page.click('main form button[type="submit"]');
  check((await page.textContent('main')).includes('Clause 2.1') && (await page.locator('ins').count()) > 0, 'the edited clause is redlined under its own number');

  // Check and Read.
  await page.goto(`${base}/check`);
  await axe('check-form');
  await page.setInputFiles('#file', join(root, 'corpus/000_0739291e76a941b3.txt'));
  await page.click('button[type="submit"]');
  check((await page.locator('.finding').count()) > 0, 'the checks show findings next to clauses');
  await axe('check-result');
  await page.goto(`${base}/read`);
  await axe('read-form');
  await page.setInputFiles('#file', join(root, 'corpus/docx/brackenfield.docx'));
  await page.click('button[type="submit"]');
  check((await h1()).startsWith('How brackenfield.docx was read'), 'a Word file is read');
  check((await page.textContent('main')).includes('Where Concord had to choose') || (await page.textContent('main')).includes('How it is laid out'), 'the reader\'s notes are shown');
  await axe('read-result');
  await page.goto(`${base}/read`);
  await page.setInputFiles('#file', join(files, '<b>odd & "named".md'));
  await page.click('button[type="submit"]');
  const shown = await page.textContent('main');
  check(shown.includes('<b>odd & "named".md') && shown.includes('<script>alert'), 'file names and texts with markup are shown as text');
  check((await page.locator('main b, main script, main img').count()) === 0, 'no markup from a file reaches the page');

  // Each refusal has its own page.
  const refusals = [
    ['empty.txt', 'The file is empty'],
    ['binary.txt', 'The file is not a protocol'],
    ['old-word.doc', 'Concord cannot convert this file'],
    ['large.txt', 'The file is too large'],
  ];
  for (const [file, title] of refusals) {
    await page.goto(`${base}/read`);
    await page.setInputFiles('#file', join(files, file));
    await page.click('button[type="submit"]');
    check((await h1()) === title, `${file}: "${title}"`);
    await axe(`refusal-${file.split('.')[0]}`);
  }
  await page.goto(`${base}/read`);
  await page.setInputFiles('#file', join(root, 'crates/cli/tests/fixtures/scan.pdf'));
  await page.click('button[type="submit"]');
  check((await h1()) === 'The PDF is a scan, with no text to read', 'scan.pdf: a scanned PDF is refused');
  await axe('refusal-scan');
  await page.goto(`${base}/redline`);
  await page.click('button[type="submit"]');
  check((await h1()) === 'The form could not be read', 'a form with no files is refused');
  await page.goto(`${base}/nowhere`);
  check((await h1()) === 'Page not found', 'an unknown address has its page');
  await axe('not-found');

  // The project.
  await page.goto(`${base}/project`);
  check((await page.textContent('main')).includes('protocol.md'), 'the project lists its protocols');
  check(!(await page.textContent('main')).includes('model-draft.md'), 'the project\'s outputs are not listed as protocols');
  await axe('project');
  await page.click('form[action="/project/build"] button');
  check((await h1()) === 'Project built', 'build runs from the page');
  await axe('project-built');

  // A server bound widely needs its token: without it, a page that says so.
  server2 = await startServer(['--token', 'e2e-token-0123456789abcdef', '--bind', '127.0.0.1']);
  await page.goto(`${server2.url.replace(/\/\?token=.*/, '')}/`);
  check((await h1()) === 'This Concord needs its access token', 'without the token, a page says it is needed');
  await axe('token-needed');
  await page.goto(server2.url.includes('?token=') ? server2.url : `${server2.url}/?token=e2e-token-0123456789abcdef`);
  check((await h1()) === 'Concord' && !page.url().includes('token='), 'the token in the address lets the browser in, and leaves the address');

  check(blocked === 0, `no request left the server (${blocked} blocked)`);
  check(consoleErrors.length === 0, `no errors in the console${consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''}`);
} catch (e) {
  check(false, `the run stopped: ${e.stack || e.message}`);
} finally {
  await context.close();
  server.child.kill();
  if (server2) { server2.child.kill(); }
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${failures === 0 ? 'all checks passed' : `${failures} check(s) failed`}`);
process.exit(failures === 0 ? 0 : 1);
