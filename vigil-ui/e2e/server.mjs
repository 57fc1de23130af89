// Starts the packaged jar with the demo on a free port and a fresh data directory, for the browser tests.
import { spawn } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const here = new URL('.', import.meta.url).pathname

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)) })
    s.on('error', fail)
  })
}

export async function startVigil() {
  const jar = process.env.VIGIL_JAR ?? resolve(here, '../../vigil-server/target/vigil.jar')
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'))
  const port = await freePort()
  const log = openSync(join(dataDir, 'vigil.log'), 'w')
  const child = spawn('java', ['-jar', jar, '--vigil.demo=true', `--vigil.data-dir=${dataDir}`, `--server.port=${port}`,
    '--vigil.ingest.mqtt.port=0', '--vigil.ingest.hj212.port=0'], { stdio: ['ignore', log, log] })
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vigil exited with ${child.exitCode}; see ${dataDir}/vigil.log`)
    try {
      const res = await fetch(`${base}/actuator/health`)
      if (res.ok && (await res.json()).status === 'UP') break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`vigil not healthy in 180 s; see ${dataDir}/vigil.log`) }
    await new Promise((r) => setTimeout(r, 500))
  }
  // the demo loads in an ApplicationRunner, after the server already answers healthy
  while (!readFileSync(join(dataDir, 'vigil.log'), 'utf8').includes('Demo simulator started')) {
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`demo not loaded in 180 s; see ${dataDir}/vigil.log`) }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    base, dataDir,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r() }, 20_000); child.once('exit', () => { clearTimeout(t); r() }) })
      if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function apiLogin(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) })
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`)
  return (await res.json()).token
}

export async function apiGet(base, token, path) {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
