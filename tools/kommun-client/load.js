#!/usr/bin/env node
// Load for measuring, not for tests: sends COUNT valid orders spread over several municipalities with
// at most INFLIGHT unanswered at a time, or (with --rate) paced at RATE orders a second whatever is
// unanswered, and reports receipts per second and receipt latency percentiles, with the epoch
// milliseconds of the first send (startedAtMs) for an end-to-end rate measured elsewhere. Orders use
// the demo registry (KN-<kommun>-001 / BN-<kommun>-01, article HMN-10001).
//
// usage: node load.js [--host 127.0.0.1] [--port 61616] [--count 2000] [--inflight 50 | --rate 80]
//                     [--kommuns 1480,1481,1482,1490,1401]
// Each municipality connects as its own broker user kommun-<code> with the embedded default's
// development password kommun-<code>-dev: the broker lets a user act on its own queues only.
'use strict';
const crypto = require('crypto');
const rhea = require('rhea');
const { order } = require('./orders');

const args = { host: '127.0.0.1', port: 61616, count: 2000, inflight: 50, kommuns: '1480,1481,1482,1490,1401' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const count = Number(args.count), kommuns = String(args.kommuns).split(',');
const rate = args.rate === undefined ? 0 : Number(args.rate);
const inflight = rate > 0 ? Infinity : Number(args.inflight);


const container = rhea.create_container({ id: 'load-' + crypto.randomUUID() });
const connections = [];
const senders = {};
const sentAt = new Map();
const latencies = [];
let sent = 0, answered = 0, rejected = 0, opened = 0, started = 0;

// Paced: as many as RATE orders a second allow since the start; otherwise: as many as INFLIGHT allows.
function due() {
  return rate > 0 ? Math.min(count, Math.floor((Date.now() - started) * rate / 1000) + 1) : count;
}

function pump() {
  while (sent < due() && sent - answered < inflight) {
    const kommun = kommuns[sent % kommuns.length];
    const sender = senders[kommun];
    if (!sender || !sender.sendable()) return;
    const messageId = 'load-' + crypto.randomUUID();
    sentAt.set(messageId, process.hrtime.bigint());
    sender.send({ body: order(kommun, messageId) });
    sent++;
  }
}

for (const kommun of kommuns) {
  const user = 'kommun-' + kommun;
  const connection = container.connect({ host: args.host, port: Number(args.port), reconnect: false,
    username: user, password: user + '-dev' });
  connections.push(connection);
  connection.open_receiver({ source: { address: 'nav.kommun.' + kommun + '.out' }, credit_window: 500 });
  senders[kommun] = connection.open_sender('nav.kommun.' + kommun + '.in');
}
container.on('sender_open', () => {
  if (++opened !== kommuns.length) return;
  started = Date.now();
  pump();
  if (rate > 0) {
    const pacer = setInterval(() => { if (sent >= count) clearInterval(pacer); else pump(); }, 2);
  }
});
container.on('sendable', pump);
container.on('message', (context) => {
  const event = JSON.parse(typeof context.message.body === 'string' ? context.message.body
    : Buffer.from(context.message.body.content).toString('utf8'));
  if (event.type !== 'RECEIPT') return;
  const t0 = sentAt.get(event.inReplyTo);
  if (t0 === undefined) return;
  sentAt.delete(event.inReplyTo);
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (event.status !== 'ACCEPTED') rejected++;
  if (++answered === count) {
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(JSON.stringify({ orders: count, inflight: rate > 0 ? null : inflight, paced: rate > 0 ? rate : null,
      kommuns: kommuns.length, startedAtMs: started, seconds,
      receiptsPerSecond: Math.round(count / seconds), rejected,
      latencyMs: { p50: p(0.5), p95: p(0.95), p99: p(0.99), max: latencies[latencies.length - 1].toFixed(1) } }));
    connections.forEach((c) => c.close());
  } else {
    pump();
  }
});
container.on('disconnected', (context) => { if (context.error) { console.error(context.error.message); process.exit(1); } });
