// Map bench (not a test): serves the built dist/ on a loopback port, opens bench.html in headless Chromium
// and prints the frame times. `npm run build && npm run bench:map [-- points segments]`.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const dist = resolve(new URL('.', import.meta.url).pathname, '../dist')
const [points = 100000, segments = 5000] = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number)
const lines = process.argv.includes('--leaflet-lines') ? '&lines=leaflet' : ''
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' }
const server = createServer((req, res) => {
  const file = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname))
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404).end(); return }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const port = server.address().port
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(`http://127.0.0.1:${port}/bench.html?points=${points}&segments=${segments}${lines}`)
  await page.waitForFunction(() => window.__benchResult, null, { timeout: 300_000 })
  const result = await page.evaluate(() => window.__benchResult)
  // drag the map with the mouse: 3 strokes of 40 steps
  await page.evaluate(() => window.__startFrames())
  for (let stroke = 0; stroke < 3; stroke++) {
    await page.mouse.move(900, 450)
    await page.mouse.down()
    for (let i = 1; i <= 40; i++) await page.mouse.move(900 - i * 8 * (stroke % 2 ? -1 : 1), 450 + i * 3)
    await page.mouse.up()
  }
  Object.assign(result, await page.evaluate(() => window.__stopFrames()))
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT })
  console.log(JSON.stringify(result, null, 2))
} finally {
  await browser.close()
  server.close()
}
