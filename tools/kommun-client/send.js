#!/usr/bin/env node
// A municipality's case system in a few lines, written without Java on purpose: sends one message
// over AMQP 1.0 to nav.kommun.<code>.in and prints what arrives on nav.kommun.<code>.out for it
// (the receipt, then the status events) until the order is delivered, rejected or time runs out.
// A LOANS_REQUEST (examples/loans-request.json) is answered by the hub itself: the client prints the
// receipt and the LOANS answer (the devices lent, an empty list included) and stops. A FOLLOW_UP_DONE
// (examples/follow-up-done.json) is answered with its receipt only.
//
// usage: node send.js --kommun 1480 [--host 127.0.0.1] [--port 61616] [--wait 20] [--user U] [--password P]
//                     [--broker HOST:PORT,HOST:PORT] [--tls --ca CA.pem] FILE
//        FILE is a JSON or XML message; its messageId is replaced by a fresh one unless --keep-id.
//        The broker user is kommun-<code>; without --password the embedded default's development
//        password kommun-<code>-dev is used (or NAV_KOMMUN_PASSWORD from the environment).
//        --tls connects over TLS (the broker's TLS port, 61617 by default), trusting the CA in --ca.
//        --broker (or NAV_BROKERS) names both brokers of the hub's primary/backup pair: the client tries them in
//        turn and, when the connection is lost, reconnects to whichever is active. A send the broker had not
//        confirmed when the connection broke is sent again with the same messageId: the hub answers it once,
//        or, if the first copy had arrived after all, once more with the original receipt flagged duplicate.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const rhea = require('rhea');
const { brokersFrom, failoverOptions } = require('./brokers');

function parseArgs(argv) {
  const args = { host: '127.0.0.1', port: 61616, wait: 20, keepId: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kommun') args.kommun = argv[++i];
    else if (a === '--host') args.host = argv[++i];
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--broker') args.broker = argv[++i];
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
      + ' [--broker HOST:PORT,HOST:PORT] [--tls --ca CA.pem] [--keep-id] FILE');
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
// The message's type: a FOLLOW_UP_DONE gets its receipt and nothing after it.
const type = xml ? ((body.match(/<type>([^<]*)<\/type>/) || [])[1]) : JSON.parse(body).type;
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
// Messages whose receipt is all the hub answers.
const answeredByReceipt = new Set(['FOLLOW_UP_DONE']);
const container = rhea.create_container({ id: 'kommun-' + args.kommun + '-client' });
const brokers = brokersFrom(args, process.env);
// One broker: no reconnect, as before. Several: reconnect to the next one of the list, quickly at first.
const base = { username: args.user, password: args.password, reconnect: brokers.length > 1,
  initial_reconnect_delay: 100, max_reconnect_delay: 2000 };
if (args.tls) {
  base.transport = 'tls';
  if (args.ca) base.ca = [fs.readFileSync(args.ca)];
}
let trying;
const connection = container.connect(failoverOptions(brokers, base, (broker) => { trying = broker; }));
// The message is sent until the broker has accepted it (settled it): after a connection loss it goes again.
let inFlight = false, accepted = false, sends = 0, finished = false;
const timer = setTimeout(() => {
  console.error('no final status for ' + messageId + ' within ' + args.wait + ' s');
  connection.set_reconnect(false);
  connection.close();
  process.exitCode = 1;
  // A reconnect already scheduled (no broker of the list answering) would keep the process alive.
  setTimeout(() => process.exit(), 500).unref();
}, args.wait * 1000);

connection.open_receiver({ source: { address: 'nav.kommun.' + args.kommun + '.out' }, autoaccept: false });
connection.on('receiver_open', () => {
  connection.open_sender('nav.kommun.' + args.kommun + '.in');
});
connection.on('connection_open', () => {
  if (brokers.length > 1) console.log('connected to ' + trying.host + ':' + trying.port);
});
connection.on('sendable', (context) => {
  if (inFlight || accepted) return;
  inFlight = true;
  sends++;
  context.sender.send({ body: body, content_type: xml ? 'application/xml' : 'application/json' });
  console.log((sends > 1 ? 'sent again (same messageId) ' : 'sent ') + (xml ? 'XML' : 'JSON') + ' message '
    + messageId + ' to nav.kommun.' + args.kommun + '.in');
});
connection.on('accepted', () => { accepted = true; });
connection.on('rejected', (context) => {
  console.error('the broker refused the message: ' + JSON.stringify(context.delivery.remote_state));
  accepted = true;
  process.exitCode = 1;
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
  // A duplicate receipt ends the wait when the messageId was used before (--keep-id); after a resend of our own
  // it is the expected second answer to the same order, and the status events still follow.
  const done = (event.type === 'RECEIPT' && event.status === 'REJECTED' && !event.duplicate)
    || (event.type === 'RECEIPT' && event.duplicate && sends === 1)
    || (event.type === 'RECEIPT' && answeredByReceipt.has(type))
    || finalTypes.has(event.type)
    || (finalStatuses[event.type] !== undefined && finalStatuses[event.type].has(event.status));
  if (done) {
    finished = true;
    clearTimeout(timer);
    connection.close();
  }
});
connection.on('connection_error', (context) => {
  const error = context.connection.error;
  const text = error ? (error.condition || '') + (error.description ? ': ' + error.description : '') : 'unknown';
  // Once the final status is in, the broker's answer to our close no longer matters: the order is done.
  console.error('connection error' + (finished ? ' while closing after the final status' : '') + ': ' + text);
  if (!finished) process.exitCode = 1;
});
connection.on('disconnected', (context) => {
  if (context.reconnecting) {
    // Lost (or refused: a backup that is not active takes no connections): the next broker of the list is tried.
    if (inFlight && !accepted) inFlight = false;
    console.log('disconnected from ' + trying.host + ':' + trying.port + (context.error ? ' (' + context.error.message
      + ')' : '') + '; trying the next broker');
    return;
  }
  if (context.error) {
    console.error('disconnected: ' + context.error.message);
    clearTimeout(timer);
    process.exitCode = 1;
  }
});
