// The service started for real, as its own process on 127.0.0.1 and a free port (PORT=0), with the
// exchange-rate API stubbed; requests go over HTTP. Waits for the "listening on" line, never sleeps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startFxStub } from '../support/fx-stub.mjs';

const MAIN = fileURLToPath(new URL('../../src/main.mjs', import.meta.url));

async function startService(fxBaseUrl) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', FX_BASE_URL: fxBaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 10 s; it printed: ${out}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`service exited with ${code}: ${out}`)); });
  });
  return { baseUrl, stop: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
}

describe('quotes over HTTP', () => {
  let fx;
  let service;
  before(async () => {
    fx = await startFxStub({ EUR: 0.92 });
    service = await startService(fx.baseUrl);
  });
  after(async () => {
    await service?.stop();
    await fx?.close();
  });

  test('the service is healthy', async () => {
    const res = await fetch(`${service.baseUrl}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'UP' });
  });
  test('a quote in euros, discounted, with the rate of the exchange-rate API', async () => {
    const res = await fetch(`${service.baseUrl}/quotes?sku=BIKE-LOCK&quantity=10&currency=EUR`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      sku: 'BIKE-LOCK', quantity: 10, currency: 'EUR', rate: 0.92, discountPct: 10, totalMinor: 24_832,
    });
    assert.deepEqual(fx.requests.at(-1).query, { base: 'USD', symbols: 'EUR' });
  });
  test('a currency the exchange-rate API does not know is 422', async () => {
    const res = await fetch(`${service.baseUrl}/quotes?sku=BIKE-LOCK&currency=XAU`);
    assert.equal(res.status, 422);
  });
  test('an unknown sku is 400 and named', async () => {
    const res = await fetch(`${service.baseUrl}/quotes?sku=UNICYCLE&currency=USD`);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: 'unknown sku "UNICYCLE"' });
  });
  test('the exchange-rate API down is 503', async () => {
    fx.answerWith(500);
    try {
      const res = await fetch(`${service.baseUrl}/quotes?sku=BIKE-LOCK&currency=EUR`);
      assert.equal(res.status, 503);
    } finally {
      fx.answerWith(200);
    }
  });
});
