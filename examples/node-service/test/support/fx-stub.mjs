// A stub of the exchange-rate API on 127.0.0.1 and a free port: answers from a table of rates,
// records every request so that a test can check what the service sent.
import http from 'node:http';

export async function startFxStub(rates = { EUR: 0.92, GBP: 0.79 }) {
  const requests = [];
  const state = { rates, status: 200 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://stub');
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), accept: req.headers.accept });
    const symbol = url.searchParams.get('symbols');
    if (state.status !== 200) {
      res.writeHead(state.status).end();
    } else if (url.pathname !== '/v1/rates' || url.searchParams.get('base') !== 'USD' || !(symbol in state.rates)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown symbol"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ base: 'USD', date: '2026-12-01', rates: { [symbol]: state.rates[symbol] } }));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    requests,
    answerWith(status) { state.status = status; },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
