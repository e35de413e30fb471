// Preloaded (--import) into CLI and proxy children: names under the reserved .test domain resolve
// to 127.0.0.1, so a "remote" platform (not loopback by name, so proxied) still stays on this machine.
import dns from 'node:dns';

const lookup = dns.lookup;
dns.lookup = function testLookup(hostname, options, callback, ...rest) {
  if (typeof hostname === 'string' && hostname.endsWith('.test')) {
    const done = typeof options === 'function' ? options : callback;
    const all = typeof options === 'object' && options !== null && options.all;
    process.nextTick(() =>
      all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4),
    );
    return {};
  }
  return lookup.call(this, hostname, options, callback, ...rest);
};
