// The held branch: its lines wait for the live branch, and a group opened inside it is written as
// a group of its own, never interleaved with the live lines.
import { groupAfter, log } from '../src/runner/log.js'
import { captureCoreOutput } from './support/core-output.js'

const output = captureCoreOutput()
const tick = () => new Promise(resolve => setTimeout(resolve, 5))

test('held lines and groups are written after the live branch, each group whole', async () => {
  let release!: () => void
  const live = new Promise<void>(resolve => (release = resolve))
  const held = groupAfter('Role r', live, async () => {
    log.info('role line')
    const checks = await log.group('Verify', async () => {
      log.info('check line')
      return 2
    })
    log.warning('role again')
    return checks
  })
  await tick()
  log.info('live line')
  release()

  expect(await held).toBe(2)
  expect(output.text().split('\n').filter(Boolean)).toEqual([
    'live line',
    '::group::Role r',
    'role line',
    '::endgroup::',
    '::group::Verify',
    'check line',
    '::endgroup::',
    '::group::Role r',
    '::warning::role again',
    '::endgroup::'
  ])
})

test('outside a held branch a group is written as it runs', async () => {
  await log.group('Live', async () => log.info('inside'))
  expect(output.text().split('\n').filter(Boolean)).toEqual([
    '::group::Live',
    'inside',
    '::endgroup::'
  ])
})
