// The emulator: one loopback HTTP server for every service, routed by the SigV4 credential scope.
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { forceAlarmState } from '../cloudwatch/model.js'
import { handleAdmin } from './admin.js'
import { dispatch, readBody, send } from './dispatch.js'
import { createFaultInjector, seededRandom } from './faults.js'
import type { Emulator } from './emulator.js'
import { type RequestLogEntry, operationsIn, writesIn } from './log.js'
import { type EmulatorOptions, applyConfigPatch, configFrom, publicConfig } from './options.js'
import { applySeed } from './seed.js'
import { snapshot } from './snapshot.js'
import { type EmulatorContext, clearState, emptyState } from './context.js'

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = configFrom(options)
  const state = emptyState()
  const log: RequestLogEntry[] = []
  const faults = createFaultInjector(seededRandom(options.randomSeed ?? 1))
  const ctx: EmulatorContext = {
    state,
    config,
    url: '',
    now: () => Date.now(),
    // Its own stream, so weighted invokes do not shift which calls faults pick.
    random: seededRandom((options.randomSeed ?? 1) + 0x9e3779b9)
  }
  const connections = new WeakMap<Socket, number>()
  let opened = 0
  const connectionOf = (req: { socket: Socket }) => connections.get(req.socket) ?? 0

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    readBody(req)
      .then(body =>
        url.pathname.startsWith('/_emulator/')
          ? send(res, method, handleAdmin(emulator, method, url, body ?? Buffer.alloc(0)))
          : dispatch({ ctx, faults, log, connectionOf }, req, res, url, body)
      )
      // Reached only if the socket failed mid-request: there is no one left to answer.
      .catch(() => res.destroy())
  })
  server.on('connection', socket => connections.set(socket, ++opened))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  ctx.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  applySeed(ctx, options.seed)

  const emulator: Emulator = {
    url: ctx.url,
    accountId: config.accountId,
    log,
    state,
    config,
    injectFault: spec => faults.add(spec),
    clearFaults: () => faults.clear(),
    faults: () => faults.active(),
    writes: () => writesIn(log),
    operations: service => operationsIn(log, service),
    configure(patch) {
      applyConfigPatch(config, patch)
      return publicConfig(config)
    },
    setAlarmState: (name, state, reason) => forceAlarmState(ctx, name, state, reason),
    snapshot: () => snapshot(ctx),
    reset() {
      clearState(state)
      applySeed(ctx, options.seed)
      log.length = 0
      faults.clear()
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
  return emulator
}
