// The third party: an exchange-rate API, `GET {base}/v1/rates?base=USD&symbols=EUR`
// answering `{"base":"USD","rates":{"EUR":0.92}}`. Tests stand a stub in its place.

export class FxError extends Error {}

/** Returns a client whose `usdRateTo(currency)` resolves to a number, or rejects with an FxError. */
export function fxClient(baseUrl, { timeoutMs = 2_000 } = {}) {
  return {
    async usdRateTo(currency) {
      if (currency === 'USD') return 1;
      const url = new URL('/v1/rates', baseUrl);
      url.searchParams.set('base', 'USD');
      url.searchParams.set('symbols', currency);
      let response;
      try {
        response = await fetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new FxError(`exchange-rate API unreachable at ${url.origin}: ${e.message}`);
      }
      if (response.status === 404) return undefined;
      if (!response.ok) throw new FxError(`exchange-rate API answered ${response.status}`);
      const body = await response.json();
      const rate = body?.rates?.[currency];
      if (body?.base !== 'USD' || typeof rate !== 'number') {
        throw new FxError(`exchange-rate API answered no USD->${currency} rate`);
      }
      return rate;
    },
  };
}
