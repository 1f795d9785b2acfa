// Consumer side of the contract with the exchange-rate API: the request the service sends and the
// answers it understands, against a stub that answers as the API's documentation shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fxClient, FxError } from '../../src/fx-client.mjs';
import { startFxStub } from '../support/fx-stub.mjs';

describe('exchange-rate API, as the service uses it', () => {
  let stub;
  before(async () => { stub = await startFxStub({ EUR: 0.92 }); });
  after(() => stub.close());

  test('asks GET /v1/rates?base=USD&symbols=<currency> for JSON', async () => {
    await fxClient(stub.baseUrl).usdRateTo('EUR');
    assert.deepEqual(stub.requests.at(-1), {
      method: 'GET', path: '/v1/rates', query: { base: 'USD', symbols: 'EUR' }, accept: 'application/json',
    });
  });
  test('reads the rate from rates.<currency>', async () => {
    assert.equal(await fxClient(stub.baseUrl).usdRateTo('EUR'), 0.92);
  });
  test('a 404 means the API has no rate for the currency', async () => {
    assert.equal(await fxClient(stub.baseUrl).usdRateTo('XAU'), undefined);
  });
  test('US dollars need no call', async () => {
    const before = stub.requests.length;
    assert.equal(await fxClient(stub.baseUrl).usdRateTo('USD'), 1);
    assert.equal(stub.requests.length, before);
  });
  test('a server error is an FxError naming the status', async () => {
    stub.answerWith(502);
    try {
      await assert.rejects(fxClient(stub.baseUrl).usdRateTo('EUR'), new FxError('exchange-rate API answered 502'));
    } finally {
      stub.answerWith(200);
    }
  });
});
