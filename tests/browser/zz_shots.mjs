import { launchBrowser } from './support/browser.mjs';
const base = 'http://127.0.0.1:18125';
const b = await launchBrowser(); const p = await b.newPage({ viewport: { width: 1100, height: 900 } });
await p.goto(base + '/sign-in'); await p.fill('#username', process.argv[2] || 'alice'); await p.fill('#password', 'correct horse battery');
await p.click('button[type=submit]'); await p.waitForLoadState();
for (const [name, url] of [['search', '/families?q=jones'], ['family', '/families/7'], ['referral', '/referrals/new'], ['users', '/admin/users'], ['audit', '/families/7/audit']]) {
  await p.goto(base + url); await p.screenshot({ path: `/tmp/vis/${name}.png`, fullPage: true });
}
await b.close();
