// Runs the machine's `npm ci` unless node_modules already holds exactly what package-lock.json says.
// Several builds share one work tree here; reinstalling on every Maven run lets them trip over each other.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const wanted = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages
const hidden = 'node_modules/.package-lock.json'
const have = existsSync(hidden) ? JSON.parse(readFileSync(hidden, 'utf8')).packages : {}
const mismatch = Object.entries(wanted)
  .filter(([path]) => path !== '')
  .find(([path, p]) => !p.optional && !p.peer && (have[path]?.version !== p.version || !existsSync(`${path}/package.json`)))
if (mismatch) {
  console.log(`npm ci (${mismatch[0]} differs)`)
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' })
} else {
  console.log('node_modules matches package-lock.json')
}
