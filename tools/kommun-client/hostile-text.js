#!/usr/bin/env node
// A municipality's client written in JavaScript (rhea), sending text with unpaired UTF-16 surrogates:
// what a JS case system does when a string holds half a character (JSON.stringify writes it as the
// escape \ud800). Sends on nav.kommun.<code>.in, one after the other, each once the previous one's
// receipt came back on nav.kommun.<code>.out:
//   1. the order of FILE with a lone high surrogate in orderer.name,
//   2. the same with a lone low surrogate in its messageId (the receipt correlates by the AMQP correlation-id),
//   3. the order of FILE as it is,
// and prints each receipt as one JSON line {"step":...,"messageId":...,"receipt":{...}}. Exits 0 once all three are in;
// 1 if time runs out, the connection fails, or a frame cannot be decoded (rhea then drops the connection).
//
// usage: node hostile-text.js --kommun 1415 [--host 127.0.0.1] [--port 61616] [--wait 60] [--password P] FILE
//        FILE is a valid JSON ORDER of that municipality; its messageId is replaced by fresh ones.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const rhea = require('rhea');

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: 61616, wait: 60 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kommun') args.kommun = argv[++i];
    else if (a === '--host') args.host = argv[++i];
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--wait') args.wait = Number(argv[++i]);
    else if (a === '--password') args.password = argv[++i];
    else args.file = a;
  }
  if (!args.kommun || !args.file) {
    console.error('usage: node hostile-text.js --kommun 1415 [--host H] [--port P] [--wait SECONDS] [--password P] FILE');
    process.exit(2);
  }
  args.user = 'kommun-' + args.kommun;
  if (!args.password) args.password = process.env.NAV_KOMMUN_PASSWORD || args.user + '-dev';
  return args;
}

function fail(reason) {
  console.error(reason);
  process.exit(1);
}

const args = parseArgs(process.argv.slice(2));
const order = JSON.parse(fs.readFileSync(args.file, 'utf8'));

// Each step: what it sends and the correlation id its receipt comes back under.
function step(name, change) {
  const message = JSON.parse(JSON.stringify(order));
  const id = 'rhea-' + crypto.randomUUID();
  message.messageId = id;
  const correlation = change(message, id);
  const body = JSON.stringify(message);
  return { name, id, body, correlation };
}
const steps = [
  step('unpaired-high-surrogate-in-a-name', (m, id) => {
    m.orderer.name = 'Anna \uD800Arbetsterapeut';
    return id;
  }),
  step('unpaired-low-surrogate-in-the-messageId', (m, id) => {
    m.messageId = id + '\uDC00';
    return id; // set as the AMQP correlation-id: the messageId is no id the receipt can echo
  }),
  step('valid-order', (m, id) => id)
];
for (const s of steps.slice(0, 2)) {
  // JSON.stringify writes a lone surrogate as its escape (ES2019): six ASCII characters, as a JS client sends it.
  if (!/\\ud[89a-f][0-9a-f]{2}/i.test(s.body)) fail('step ' + s.name + ' holds no surrogate escape: ' + s.body);
}

const container = rhea.create_container({ id: 'kommun-' + args.kommun + '-hostile-text' });
const connection = container.connect({ host: args.host, port: args.port, reconnect: false,
  username: args.user, password: args.password });
const timer = setTimeout(() => fail('not every receipt came within ' + args.wait + ' s; at step ' + current), args.wait * 1000);
let current = 0;
let sender;

function sendCurrent() {
  const s = steps[current];
  sender.send({ body: s.body, content_type: 'application/json', correlation_id: s.correlation });
}

connection.open_receiver({ source: { address: 'nav.kommun.' + args.kommun + '.out' }, autoaccept: false });
connection.on('receiver_open', () => {
  sender = connection.open_sender('nav.kommun.' + args.kommun + '.in');
});
connection.on('sendable', (context) => {
  if (context.sender.started) return;
  context.sender.started = true;
  sendCurrent();
});
connection.on('message', (context) => {
  const message = context.message;
  let text = message.body;
  if (text && typeof text === 'object' && text.content) text = Buffer.from(text.content).toString('utf8');
  const s = steps[current];
  const event = JSON.parse(text);
  if (s === undefined || message.correlation_id !== s.correlation || event.type !== 'RECEIPT') {
    // A status event, or not ours: decoded all the same; left on the queue, not handed to this client again.
    context.delivery.release({ undeliverable_here: true });
    return;
  }
  context.delivery.accept();
  console.log(JSON.stringify({ step: s.name, messageId: s.id, receipt: event }));
  current++;
  if (current < steps.length) {
    sendCurrent();
  } else {
    clearTimeout(timer);
    connection.close();
  }
});
connection.on('connection_error', (context) => fail('connection error: ' + (context.connection.error || 'unknown')));
connection.on('protocol_error', (context) => fail('protocol error: ' + context.error));
connection.on('error', (error) => fail('error: ' + error));
connection.on('disconnected', (context) => {
  if (context.error || current < steps.length) {
    fail('disconnected at step ' + current + ': ' + (context.error ? context.error.message : 'by the peer'));
  }
});
