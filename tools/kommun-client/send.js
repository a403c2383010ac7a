#!/usr/bin/env node
// A municipality's case system in a few lines, written without Java on purpose: sends one message
// over AMQP 1.0 to nav.kommun.<code>.in and prints what arrives on nav.kommun.<code>.out for it
// (the receipt, then the status events) until the order is delivered, rejected or time runs out.
// A LOANS_REQUEST (examples/loans-request.json) is answered by the hub itself: the client prints the
// receipt and the LOANS answer (the devices lent, an empty list included) and stops.
//
// usage: node send.js --kommun 1480 [--host 127.0.0.1] [--port 61616] [--wait 20] [--user U] [--password P]
//                     [--tls --ca CA.pem] FILE
//        FILE is a JSON or XML message; its messageId is replaced by a fresh one unless --keep-id.
//        The broker user is kommun-<code>; without --password the embedded default's development
//        password kommun-<code>-dev is used (or NAV_KOMMUN_PASSWORD from the environment).
//        --tls connects over TLS (the broker's TLS port, 61617 by default), trusting the CA in --ca.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const rhea = require('rhea');

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: 61616, wait: 20, keepId: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kommun') args.kommun = argv[++i];
    else if (a === '--host') args.host = argv[++i];
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--wait') args.wait = Number(argv[++i]);
    else if (a === '--user') args.user = argv[++i];
    else if (a === '--password') args.password = argv[++i];
    else if (a === '--keep-id') args.keepId = true;
    else if (a === '--tls') args.tls = true;
    else if (a === '--ca') args.ca = argv[++i];
    else args.file = a;
  }
  if (!args.kommun || !args.file) {
    console.error('usage: node send.js --kommun 1480 [--host H] [--port P] [--wait SECONDS] [--user U] [--password P]'
      + ' [--tls --ca CA.pem] [--keep-id] FILE');
    process.exit(2);
  }
  if (!args.user) args.user = 'kommun-' + args.kommun;
  if (!args.password) args.password = process.env.NAV_KOMMUN_PASSWORD || args.user + '-dev';
  if (args.tls && argv.indexOf('--port') < 0) args.port = 61617;
  return args;
}

const args = parseArgs(process.argv.slice(2));
let body = fs.readFileSync(args.file, 'utf8');
const xml = body.trimStart().startsWith('<');
let messageId;
if (xml) {
  const m = body.match(/<messageId>([^<]*)<\/messageId>/);
  messageId = args.keepId && m ? m[1] : 'demo-' + crypto.randomUUID();
  body = body.replace(/<messageId>[^<]*<\/messageId>/, '<messageId>' + messageId + '</messageId>');
} else {
  const json = JSON.parse(body);
  messageId = args.keepId && json.messageId ? json.messageId : 'demo-' + crypto.randomUUID();
  json.messageId = messageId;
  body = JSON.stringify(json);
}

// The last status event of each kind of message: the client waits for one of these.
const finalStatuses = {
  ORDER_STATUS: new Set(['DELIVERED', 'REJECTED_BY_SUPPLIER', 'CANCELLED']),
  RETURN_STATUS: new Set(['PICKED_UP', 'LOST_REGISTERED', 'REJECTED_BY_SUPPLIER']),
  FAULT_REPORT_STATUS: new Set(['RESOLVED', 'DEVICE_REPLACED', 'REJECTED_BY_SUPPLIER']),
  // An incident report is with Läkemedelsverket's channel at SENT; SUBMITTED follows the authority's confirmation.
  INCIDENT_REPORT_STATUS: new Set(['SENT', 'SUBMITTED'])
};
// Answers that end the exchange whatever they say: LOANS answers a LOANS_REQUEST (an empty list included).
const finalTypes = new Set(['LOANS']);
const container = rhea.create_container({ id: 'kommun-' + args.kommun + '-client' });
const options = { host: args.host, port: args.port, reconnect: false, username: args.user, password: args.password };
if (args.tls) {
  options.transport = 'tls';
  if (args.ca) options.ca = [fs.readFileSync(args.ca)];
}
const connection = container.connect(options);
const timer = setTimeout(() => {
  console.error('no final status for ' + messageId + ' within ' + args.wait + ' s');
  connection.close();
  process.exitCode = 1;
}, args.wait * 1000);

connection.open_receiver({ source: { address: 'nav.kommun.' + args.kommun + '.out' }, autoaccept: false });
connection.on('receiver_open', () => {
  connection.open_sender('nav.kommun.' + args.kommun + '.in');
});
connection.on('sendable', (context) => {
  if (context.sender.sent) return;
  context.sender.sent = true;
  context.sender.send({ body: body, content_type: xml ? 'application/xml' : 'application/json' });
  console.log('sent ' + (xml ? 'XML' : 'JSON') + ' message ' + messageId + ' to nav.kommun.' + args.kommun + '.in');
});
connection.on('message', (context) => {
  const message = context.message;
  let text = message.body;
  if (text && typeof text === 'object' && text.content) text = Buffer.from(text.content).toString('utf8');
  if (message.correlation_id !== messageId) {
    context.delivery.release(); // not ours: leave it for whoever is waiting for it
    return;
  }
  context.delivery.accept();
  console.log(text);
  const event = JSON.parse(text);
  const done = (event.type === 'RECEIPT' && event.status === 'REJECTED' && !event.duplicate)
    || (event.type === 'RECEIPT' && event.duplicate)
    || finalTypes.has(event.type)
    || (finalStatuses[event.type] !== undefined && finalStatuses[event.type].has(event.status));
  if (done) {
    clearTimeout(timer);
    connection.close();
  }
});
connection.on('connection_error', (context) => {
  console.error('connection error: ' + (context.connection.error || 'unknown'));
  process.exitCode = 1;
});
connection.on('disconnected', (context) => {
  if (context.error) {
    console.error('disconnected: ' + context.error.message);
    clearTimeout(timer);
    process.exitCode = 1;
  }
});
