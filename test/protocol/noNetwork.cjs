// Preloaded into the server and the CLI in tests: any attempt to reach the network is recorded on
// stderr and refused. Local IPC (pipes, stdio) is not network and is left alone.
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

function refuse(what) {
  process.stderr.write(`SANAD-NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network access refused in tests: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const isPipe = (typeof first === 'object' && first && 'path' in first) || (typeof first === 'string' && isNaN(Number(first)));
  if (!isPipe) refuse(`socket ${JSON.stringify(first)}`);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = (...args) => (refuse(`dns.${name} ${args[0]}`), original);
}
for (const mod of [http, https]) {
  mod.request = (...args) => refuse(`http request ${String(args[0]?.href ?? args[0]?.host ?? args[0])}`);
  mod.get = mod.request;
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = (u) => refuse(`fetch ${String(u)}`);
