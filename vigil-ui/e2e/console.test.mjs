// The console in a real headless Chromium against the packaged jar with the demo (issue 6 "done means").
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { after, before, test } from 'node:test'
import { chromium } from 'playwright-core'
import { apiGet, apiLogin, CHROMIUM, CHROMIUM_ARGS, startVigil } from './server.mjs'

const SHOTS = process.env.E2E_SCREENSHOTS ?? resolve(new URL('.', import.meta.url).pathname, '../target/e2e-screenshots')
const GAS = process.env.E2E_GAS_SENSOR ?? 'PL-DG01-VC1-GAS'
const ENTERPRISE = 'dgpc'

let vigil, browser, duty, dutyPage, warningId
const requests = []

async function context() {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  ctx.on('request', (r) => requests.push(r.url()))
  return ctx
}

async function login(page, username, password = 'demo') {
  await page.goto(`${vigil.base}/#/login`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login]').click()
  try {
    await page.waitForFunction(() => location.hash.startsWith('#/map'), null, { timeout: 15_000 })
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/login-failed-${username}.png` })
    throw new Error(`login as ${username} did not reach the map: ${await page.locator('.el-alert').allTextContents()}`, { cause: e })
  }
}

async function step(page, action, fill = async () => {}) {
  await page.locator(`[data-action=${action}]`).click()
  await page.locator('textarea[data-test=note], [data-test=note] textarea').first().fill(`e2e ${action}`)
  await fill()
  await page.locator('[data-test=submit]').click()
  await page.locator('.el-message--success').first().waitFor()
}

async function postGas(sensor, value) {
  const now = Date.now()
  const readings = [2, 1, 0].map((s) => ({ sensor, ts: new Date(now - s * 1000).toISOString(), value, flag: 'N' }))
  const res = await fetch(`${vigil.base}/api/v1/readings`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': `demo-${ENTERPRISE}` }, body: JSON.stringify({ readings }) })
  assert.equal(res.status, 202, await res.text())
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true })
  vigil = await startVigil()
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
})

after(async () => {
  await browser?.close()
  await vigil?.stop()
})

test('duty officer logs in and sees the map with pipelines, within 2 s of login', async () => {
  duty = await context()
  dutyPage = await duty.newPage()
  await login(dutyPage, 'duty')
  const map = dutyPage.locator('[data-test=map][data-ready=true]')
  await map.waitFor({ timeout: 15_000 })
  const pipelines = Number(await map.getAttribute('data-pipelines'))
  assert.ok(pipelines >= 5, `pipelines drawn: ${pipelines}`)
  const renderMs = await dutyPage.evaluate(() => window.__vigilMapRenderMs)
  console.log(`# map render after login: ${renderMs} ms`)
  assert.ok(renderMs < 2000, `map rendered ${renderMs} ms after login`)
  // the pipelines are really painted: the overlay canvas holds the normal-level green
  const green = await dutyPage.evaluate(() => {
    const c = [...document.querySelectorAll('.leaflet-overlay-pane canvas')].find((x) => !x.classList.contains('vigil-points'))
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 42) < 30 && Math.abs(d[i + 1] - 168) < 30 && Math.abs(d[i + 2] - 118) < 30) n++
    return n
  })
  assert.ok(green > 300, `green pipeline pixels: ${green}`)
  await dutyPage.waitForTimeout(500)
  await dutyPage.screenshot({ path: `${SHOTS}/map.png` })
})

test('a gas reading of 60 %LEL posted to ingest shows up as a warning without reload', async () => {
  await dutyPage.evaluate(() => { window.__sameDocument = true })
  await postGas(GAS, 60)
  const token = await apiLogin(vigil.base, 'duty')
  for (let i = 0; i < 60 && !warningId; i++) {
    const page = await apiGet(vigil.base, token, `/warnings?sensor=${GAS}&state=active`)
    warningId = page.items.find((w) => w.status !== 'cleared')?.id
    if (!warningId) await new Promise((r) => setTimeout(r, 500))
  }
  assert.ok(warningId, `no active warning for ${GAS}`)
  const item = dutyPage.locator(`[data-test=map-warnings] [data-warning-id="${warningId}"]`)
  await item.waitFor({ timeout: 15_000 })
  assert.equal(await dutyPage.evaluate(() => window.__sameDocument), true, 'the page was reloaded')
  await dutyPage.locator(`.vigil-warning[data-warning-id="${warningId}"]`).waitFor()
  await dutyPage.screenshot({ path: `${SHOTS}/map-warning.png` })
  // the warning's marker opens the object card: owner, latest values, its warning, the 24 h trend
  await dutyPage.locator(`.vigil-warning[data-warning-id="${warningId}"]`).click()
  const card = dutyPage.locator('[data-test=object-card]')
  await card.waitFor()
  await card.getByText(`#${warningId}`).waitFor()
  await card.locator('canvas').first().waitFor({ timeout: 10_000 })
  await dutyPage.waitForTimeout(600)
  await dutyPage.screenshot({ path: `${SHOTS}/map-card.png` })
  await dutyPage.keyboard.press('Escape')
  await item.click()
  await dutyPage.locator('[data-test=warning-detail]').waitFor()
  await dutyPage.locator('[data-test=timeline]').waitFor()
  await dutyPage.waitForTimeout(800)
  await dutyPage.screenshot({ path: `${SHOTS}/warning-detail.png`, fullPage: true })
})

test('the enterprise acknowledges, feeds back and clears; the duty officer sees it cleared', async () => {
  assert.ok(warningId, 'needs the warning from the previous test')
  const ent = await context()
  const page = await ent.newPage()
  await login(page, ENTERPRISE)
  await page.goto(`${vigil.base}/#/warnings/${warningId}`)
  await page.locator('[data-test=warning-detail]').waitFor()
  await step(page, 'acknowledge')
  await page.locator('[data-test=status][data-status=acknowledged]').waitFor()
  await step(page, 'feedback')
  await page.locator('[data-test=status][data-status=feedback]').waitFor()
  await step(page, 'clear')
  await page.locator('[data-test=status][data-status=cleared], [data-test=status][data-status=reviewing]').first().waitFor()
  if (await page.locator('[data-test=status][data-status=reviewing]').count()) {
    await step(dutyPage, 'review')
  }
  await ent.close()
  // duty's open detail page follows the live stream
  await dutyPage.locator('[data-test=status][data-status=cleared]').waitFor({ timeout: 15_000 })
  await dutyPage.screenshot({ path: `${SHOTS}/warning-cleared.png`, fullPage: true })
})

test('the duty desk flashes when a new red or orange warning arrives', async () => {
  await dutyPage.goto(`${vigil.base}/#/duty`)
  await dutyPage.locator('[data-test=duty-desk]').waitFor()
  await dutyPage.waitForTimeout(1000)
  assert.equal(await dutyPage.locator('[data-test=flash]').count(), 0)
  await postGas(process.env.E2E_SECOND_GAS_SENSOR ?? 'PL-DG01-VC3-GAS', 60)
  await dutyPage.locator('[data-test=flash]').waitFor({ timeout: 20_000 })
  await dutyPage.screenshot({ path: `${SHOTS}/duty-desk.png` })
  // English beside Chinese: the switch relabels the console
  await dutyPage.getByRole('button', { name: 'English' }).click()
  await dutyPage.getByText('Duty desk').first().waitFor()
  await dutyPage.getByRole('button', { name: '中文' }).click()
  await duty.close()
})

/** Picks the option containing `text` in the create form's select for `field`. */
async function choose(page, field, text) {
  await page.locator(`[data-test=create-form] [data-field="${field}"] .el-select__wrapper`).click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: text, visible: true }).first().click()
}

// a complete 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

test('the admin creates a user through the form; that user logs in and feeds back with an uploaded photo', async () => {
  const admin = await context()
  const page = await admin.newPage()
  await login(page, 'admin')
  await page.goto(`${vigil.base}/#/admin/users`)
  await page.locator('[data-test=create-users]').click()
  const form = page.locator('[data-test=create-form]')
  await form.waitFor()
  await form.locator('[data-field=username] input').fill('e2e-operator')
  await form.locator('[data-field=displayName] input').fill('E2E 操作员')
  await form.locator('[data-field=password] input').fill('e2e-password')
  await choose(page, 'role', 'enterprise operator')
  await choose(page, 'organisation', `(${ENTERPRISE})`)
  await page.locator('[data-test=form-submit]').click()
  await page.locator('.el-table').getByText('e2e-operator').waitFor()
  await admin.close()

  const sensor = process.env.E2E_THIRD_GAS_SENSOR ?? 'PL-DG01-VC2-GAS'
  await postGas(sensor, 60)
  const token = await apiLogin(vigil.base, ENTERPRISE)
  let id
  for (let i = 0; i < 60 && !id; i++) {
    id = (await apiGet(vigil.base, token, `/warnings?sensor=${sensor}&status=open`)).items[0]?.id
    if (!id) await new Promise((r) => setTimeout(r, 500))
  }
  assert.ok(id, `no open warning for ${sensor}`)

  const operator = await context()
  const op = await operator.newPage()
  await login(op, 'e2e-operator', 'e2e-password')
  await op.goto(`${vigil.base}/#/warnings/${id}`)
  await op.locator('[data-test=warning-detail]').waitFor()
  if (await op.locator('[data-action=acknowledge]').count()) {
    await step(op, 'acknowledge')
    await op.locator('[data-test=status][data-status=acknowledged]').waitFor()
  }
  await step(op, 'feedback', async () => {
    await op.locator('[data-test=upload]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG })
    await op.locator('[data-test=uploaded]').getByText('site.png').waitFor()
  })
  await op.locator('[data-test=status][data-status=feedback]').waitFor()
  const link = op.locator('[data-test=attachment-link]').filter({ hasText: 'site.png' }).first()
  await link.waitFor()
  const feedback = (await apiGet(vigil.base, token, `/warnings/${id}`)).timeline.findLast((e) => e.action === 'feedback')
  const attached = feedback.details.attachments[0]
  assert.equal(attached.name, 'site.png')
  assert.equal(attached.contentType, 'image/png')
  const bytes = await fetch(`${vigil.base}${attached.url}`, { headers: { Authorization: `Bearer ${token}` } })
  assert.equal(bytes.status, 200)
  assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), PNG)
  await operator.close()
})

test('the console asks no host but the server it came from', () => {
  assert.ok(requests.length > 10, `recorded ${requests.length} requests`)
  const foreign = requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false
    const host = new URL(u).hostname
    return host !== '127.0.0.1' && host !== 'localhost'
  })
  assert.deepEqual(foreign, [])
})
