// The hub's brokers are a primary/backup pair: only one of them takes connections at a time (the replica opens
// its port when it takes over; the other, started again, becomes the replica). A municipality's client is
// given both addresses and tries them in turn, on the first connection and after every connection loss.
//
// The list comes from --broker host:port,host:port, else from NAV_BROKERS (the same form), else from
// --host/--port (one broker: the embedded default).
'use strict';
const net = require('net');
const tls = require('tls');

/** "a:61616,b:61616" → [{host:'a', port:61616}, {host:'b', port:61616}]; a missing port is defaultPort. */
function parseBrokers(list, defaultPort) {
  return String(list).split(',').map((s) => s.trim()).filter((s) => s.length > 0).map((entry) => {
    const colon = entry.lastIndexOf(':');
    if (colon < 0) return { host: entry, port: Number(defaultPort) };
    const port = Number(entry.slice(colon + 1));
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error('not a host:port: ' + entry);
    return { host: entry.slice(0, colon), port };
  });
}

/** The brokers of --broker, else NAV_BROKERS, else the one of --host/--port. */
function brokersFrom(args, env) {
  if (args.broker) return parseBrokers(args.broker, args.port);
  if (env.NAV_BROKERS) return parseBrokers(env.NAV_BROKERS, args.port);
  return [{ host: args.host, port: Number(args.port) }];
}

/**
 * rhea connection options that connect to the brokers in turn, starting with the first: each attempt (the first
 * connection and every reconnect) takes the next broker of the list. With reconnect on (rhea's default) the
 * connection, its sessions and links come back by themselves after a loss, on whichever broker is active; what
 * was sent and not yet settled by the broker is the application's to send again (same messageId).
 * onAttempt(broker), if given, is told each broker as it is tried.
 */
function failoverOptions(brokers, options, onAttempt) {
  let attempt = 0;
  const connect = options.transport === 'tls' || options.transport === 'ssl' ? tls.connect : net.connect;
  return Object.assign({}, options, {
    host: brokers[0].host,
    port: brokers[0].port,
    connection_details: () => {
      const broker = brokers[attempt++ % brokers.length];
      if (onAttempt) onAttempt(broker);
      const socketOptions = Object.assign({}, options, { host: broker.host, port: broker.port });
      if (connect === tls.connect && options.servername === undefined && !net.isIP(broker.host)) {
        socketOptions.servername = broker.host;
      }
      return { host: broker.host, port: broker.port, connect, options: socketOptions };
    }
  });
}

module.exports = { parseBrokers, brokersFrom, failoverOptions };
