// A local proxy for the CLI network tests, run as a child (with test-dns.cjs): `open` is the real
// `proxy` package; `auth` the same asking for a login (407); `login-page` answers CONNECT with a redirect.
// Prints "listening <port>", then one JSON line per CONNECT it saw.
import http from 'node:http';
import { createProxy } from 'proxy';

const mode = process.argv[2] ?? 'open';
const server = http.createServer();
server.prependListener('connect', (req) => {
  const line = { target: req.url, proxyAuthorization: Boolean(req.headers['proxy-authorization']) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
});
if (mode === 'login-page') {
  server.on('connect', (_req, socket) => {
    socket.end(
      'HTTP/1.1 302 Found\r\nLocation: http://login.proxy.test/portal?session=abc\r\nContent-Length: 0\r\n\r\n',
    );
  });
} else {
  const proxy = createProxy(server);
  if (mode === 'auth') {
    const expected = `Basic ${Buffer.from('consultant:proxy-pass-123').toString('base64')}`;
    proxy.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
}
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
