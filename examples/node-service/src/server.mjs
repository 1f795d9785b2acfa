// The HTTP API: GET /quotes?sku=BIKE-LOCK&quantity=3&currency=EUR, and GET /health.
import http from 'node:http';
import { quote } from './pricing.mjs';
import { FxError } from './fx-client.mjs';

const CURRENCY = /^[A-Z]{3}$/;

/** An http.Server (not listening yet) answering quotes with rates from `fx`. */
export function createServer(fx) {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'UP' });
      if (req.method !== 'GET' || url.pathname !== '/quotes') return send(res, 404, { error: 'not found' });
      const sku = url.searchParams.get('sku') ?? '';
      const quantity = Number(url.searchParams.get('quantity') ?? '1');
      const currency = url.searchParams.get('currency') ?? 'USD';
      if (!CURRENCY.test(currency)) return send(res, 400, { error: `currency must be 3 capitals, was "${currency}"` });
      const rate = await fx.usdRateTo(currency);
      if (rate === undefined) return send(res, 422, { error: `no rate for ${currency}` });
      return send(res, 200, quote(sku, quantity, currency, rate));
    } catch (e) {
      if (e instanceof RangeError) return send(res, 400, { error: e.message });
      if (e instanceof FxError) return send(res, 503, { error: e.message });
      return send(res, 500, { error: 'internal error' });
    }
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
