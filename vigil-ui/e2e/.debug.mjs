import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from './server.mjs'
const base = process.argv[2] ?? 'http://127.0.0.1:18080'
const user = process.argv[3] ?? 'duty'
const path = process.argv[4] ?? '/map'
const b = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
const p = await b.newPage({ viewport: { width: 1440, height: 900 } })
p.on('console', (m) => console.log('console', m.type(), m.text()))
p.on('pageerror', (e) => console.log('pageerror', e.message))
p.on('requestfailed', (r) => console.log('failed', r.url()))
p.on('response', (r) => { if (r.status() >= 400) console.log('http', r.status(), r.url()) })
await p.goto(`${base}/#/login`)
await p.locator('input[name=username]').fill(user)
await p.locator('input[name=password]').fill('demo')
await p.locator('[data-test=login]').click()
await p.waitForTimeout(4000)
console.log('url', p.url())
if (path !== '/map') { await p.goto(`${base}/#${path}`); await p.waitForTimeout(3000) }
await p.screenshot({ path: '/tmp/vd/shot.png' })
await b.close()
