// Starts the service: HOST (default 127.0.0.1), PORT (default 8080; 0 for a free one), FX_BASE_URL.
// Prints "listening on http://HOST:PORT" once it accepts connections.
import { createServer } from './server.mjs';
import { fxClient } from './fx-client.mjs';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '8080');
const fxBaseUrl = process.env.FX_BASE_URL;
if (!fxBaseUrl) {
  console.error('FX_BASE_URL is not set: give the exchange-rate API base URL, e.g. FX_BASE_URL=http://127.0.0.1:9090');
  process.exit(2);
}
const server = createServer(fxClient(fxBaseUrl));
server.listen(port, host, () => {
  const { address, port: bound } = server.address();
  console.log(`listening on http://${address}:${bound}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
