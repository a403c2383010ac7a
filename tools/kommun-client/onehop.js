#!/usr/bin/env node
// The raw broker's anchor for measuring the hub (tools/bench/bench.sh), not for tests: sends COUNT durable
// messages with the same body as load.js's orders (one order's JSON, about 1.1 KiB) to one queue and takes them off
// the same queue, at most INFLIGHT sent and not yet received, over AMQP 1.0 with the same client library. It
// reports messages per second and the send-to-receive latency percentiles, in load.js's format.
//
// With --reply-queue it takes them off that queue instead, matched by correlation id: a relay between the two
// (tools/bench/camel-floor) passes each on.
//
// usage: node onehop.js [--host 127.0.0.1] [--port 61616] [--count 5000] [--inflight 50]
//                       [--queue bench.onehop] [--reply-queue Q] [--user bench] [--password bench]
'use strict';
const crypto = require('crypto');
const rhea = require('rhea');
const { order } = require('./orders');

const args = { host: '127.0.0.1', port: 61616, count: 5000, inflight: 50, queue: 'bench.onehop', user: 'bench',
  password: 'bench' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const count = Number(args.count), inflight = Number(args.inflight);

const container = rhea.create_container({ id: 'onehop-' + crypto.randomUUID() });
const connection = container.connect({ host: args.host, port: Number(args.port), reconnect: false,
  username: args.user, password: args.password });
const sentAt = new Map();
const latencies = [];
let sender, sent = 0, received = 0, started = 0, bytes = 0;

function pump() {
  while (sender && sent < count && sent - received < inflight && sender.sendable()) {
    const messageId = 'onehop-' + crypto.randomUUID();
    const body = order('1480', messageId);
    bytes = Buffer.byteLength(body);
    sentAt.set(messageId, process.hrtime.bigint());
    sender.send({ message_id: messageId, correlation_id: messageId, durable: true, body });
    sent++;
  }
}

connection.open_receiver({ source: { address: args['reply-queue'] || args.queue }, credit_window: inflight,
  autoaccept: true });
sender = connection.open_sender({ target: { address: args.queue } });
container.on('sender_open', () => { started = Date.now(); pump(); });
container.on('sendable', pump);
container.on('message', (context) => {
  const id = context.message.correlation_id || context.message.message_id;
  const t0 = sentAt.get(id);
  if (t0 === undefined) return;
  sentAt.delete(id);
  latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (++received === count) {
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(JSON.stringify({ messages: count, inflight, bytes, seconds,
      messagesPerSecond: Math.round(count / seconds),
      latencyMs: { p50: p(0.5), p95: p(0.95), p99: p(0.99), max: latencies[latencies.length - 1].toFixed(1) } }));
    connection.close();
  } else {
    pump();
  }
});
container.on('disconnected', (context) => { if (context.error) { console.error(context.error.message); process.exit(1); } });
