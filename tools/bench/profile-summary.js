#!/usr/bin/env node
// Summarises a JFR recording's CPU samples (jdk.ExecutionSample) for the bench: the share of samples by the hub's
// stage (from the sampled thread's name: a Camel JMS consumer names its queue) and by the library that was working
// (the first frame from the top that is not the JDK's own: a HashMap look-up Camel asked for counts as Camel).
//
// usage: jfr print --events jdk.ExecutionSample --stack-depth 64 hub.jfr | node profile-summary.js
'use strict';
const readline = require('readline');

const STAGES = [
  [/JmsConsumer\[nav\.kommun\.[^.]+\.in\]/, 'intake (municipality queues)'],
  [/JmsConsumer\[nav\.internal\.supplier\.events\]/, 'supplier events -> municipality'],
  [/JmsConsumer\[nav\.internal\.[^\]]*supplier\]/, 'delivery to the supplier'],
  [/JmsConsumer\[nav\.internal\.incident/, 'incident reports'],
  [/JmsConsumer/, 'other queues'],
  [/^http-nio|^https-jsse/, 'HTTP server (supplier webhook, actuator)'],
  [/activemq|Artemis|netty|nioEventLoop|epollEventLoop|Thread-\d+ \(ActiveMQ/i, 'broker (Artemis, Netty)'],
  [/HttpClient|httpclient|I\/O dispatcher|pool-\d+-thread/i, 'HTTP client (supplier API, OAuth)'],
  [/H2 |MVStore/, 'H2 background'],
];
const LIBRARIES = [
  ['se.hjalpmedelsnav.', "the hub's own code"],
  ['org.h2.', 'H2 (tracking store)'],
  ['org.apache.activemq.', 'Artemis (broker and client)'],
  ['io.netty.', 'Netty (broker transport)'],
  ['org.apache.qpid.', 'Qpid Proton (AMQP)'],
  ['com.fasterxml.jackson.', 'Jackson (JSON)'],
  ['com.networknt.', 'JSON Schema validation'],
  ['org.apache.camel.', 'Camel'],
  ['org.springframework.jms.', 'Spring JMS (listener container)'],
  ['org.springframework.security.', 'Spring Security'],
  ['org.springframework.jdbc.', 'Spring JDBC'],
  ['org.springframework.', 'Spring (other)'],
  ['org.apache.catalina.', 'Tomcat'],
  ['org.apache.coyote.', 'Tomcat'],
  ['org.apache.tomcat.', 'Tomcat'],
  ['org.apache.hc.', 'HttpClient 5'],
  ['com.zaxxer.hikari.', 'Hikari (connection pool)'],
  ['ch.qos.logback.', 'logging'],
  ['org.slf4j.', 'logging'],
  ['io.micrometer.', 'Micrometer'],
  ['org.flywaydb.', 'Flyway'],
];
const JDK = /^(java|javax|jdk|sun|com\.sun)\./;

const byStage = new Map(), byLibrary = new Map();
let total = 0, thread = null, inStack = false, frames = [];
const add = (map, key) => map.set(key, (map.get(key) || 0) + 1);

function finish() {
  if (thread === null) return;
  total++;
  const stage = (STAGES.find(([re]) => re.test(thread)) || [null, 'other threads'])[1];
  add(byStage, stage);
  const frame = frames.find((f) => !JDK.test(f)) || frames[0] || '';
  const library = (LIBRARIES.find(([prefix]) => frame.startsWith(prefix)) || [null, JDK.test(frame) || !frame
    ? 'the JDK alone' : 'other libraries'])[1];
  add(byLibrary, library);
  thread = null; frames = [];
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const t = line.trim();
  if (t.startsWith('jdk.ExecutionSample')) { finish(); thread = ''; return; }
  const m = t.match(/^sampledThread = "(.*)" \(javaThreadId/);
  if (m) { thread = m[1]; return; }
  if (t.startsWith('stackTrace = [')) { inStack = true; return; }
  if (inStack && t === ']') { inStack = false; return; }
  if (inStack && t && t !== '...') frames.push(t.replace(/\(.*$/, ''));
}).on('close', () => {
  finish();
  const table = (title, map) => {
    console.log(`| ${title} | share of ${total} CPU samples |`);
    console.log('|---|---|');
    [...map.entries()].sort((a, b) => b[1] - a[1])
      .forEach(([k, v]) => console.log(`| ${k} | ${(100 * v / total).toFixed(1)} % |`));
    console.log();
  };
  table('stage (sampled thread)', byStage);
  table('library at work (first frame not the JDK\'s)', byLibrary);
});
