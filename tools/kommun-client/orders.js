// The valid order the measuring clients send (load.js to the hub, onehop.js to the raw broker): the demo
// registry's KN-<kommun>-001 / BN-<kommun>-01 and article HMN-10001, the test person 19121212-1212.
'use strict';

function order(kommun, messageId) {
  return JSON.stringify({
    type: 'ORDER', messageId, kommunCode: kommun, sentAt: new Date().toISOString(),
    orderer: { id: 'load-1', name: 'Last Testare', role: 'ARBETSTERAPEUT' },
    customerNumber: 'KN-' + kommun + '-001', payerNumber: 'BN-' + kommun + '-01',
    decision: { reference: 'LOAD-' + messageId, process: 'EXECUTION', decidedAt: '2026-11-20' },
    recipient: { personalIdentityNumber: '19121212-1212', name: 'Tolvan Tolvansson', protection: 'NONE' },
    delivery: { target: 'UNIT', address: { street: 'Enhetsgatan 1', postalCode: '411 01', city: 'Ort' },
      contact: { name: 'Enhetschef', phone: '010-000 00 00' } },
    riskAnalysisDone: true, consentObtained: true, lines: [{ articleNumber: 'HMN-10001', quantity: 1 }]
  });
}

module.exports = { order };
