import {
  Alert,
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Title,
} from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React, { useState } from 'react'
import { api, Me, ParkedMessage, ReplayRecord, ReplayResult } from '../api'
import { age, time } from '../format'
import { Page } from '../Page'
import { useLoad } from '../useLoad'

type Parked = { queues: Record<string, number>; parked: ParkedMessage[]; replays: ReplayRecord[]; me: Me }

/** Every dead-letter queue's depth, what the non-empty ones hold (never a body: the API has none), recent replays. */
async function loadParked(): Promise<Parked> {
  const [queues, replays, me] = await Promise.all([
    api.get<Record<string, number>>('/dead-letters'),
    api.get<ReplayRecord[]>('/replays?limit=20'),
    api.get<Me>('/console/me'),
  ])
  const nonEmpty = Object.keys(queues).filter(q => queues[q] > 0)
  const lists = await Promise.all(nonEmpty.map(q => api.get<ParkedMessage[]>('/dead-letters/' + encodeURIComponent(q))))
  return { queues, parked: lists.flat(), replays, me }
}

/** What a replay is about to do: one message, or every message of one queue. */
type Intent = { queue: string; message?: ParkedMessage; count: number }

export const DeadLetters: React.FunctionComponent = () => {
  const { data, error, loading, reload } = useLoad(loadParked, 30_000)
  const [intent, setIntent] = useState<Intent | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const replay = async (what: Intent) => {
    setBusy(true)
    try {
      const query = what.message ? '?jmsMessageId=' + encodeURIComponent(what.message.jmsMessageId) : ''
      const result = await api.post<ReplayResult>(
        '/dead-letters/' + encodeURIComponent(what.queue) + '/replay' + query,
      )
      setOutcome({
        ok: result.left === 0,
        text:
          result.replayed +
          ' message(s) put back' +
          (result.left > 0 ? '; ' + result.left + ' left: ' + result.notReplayed.map(n => n.reason).join('; ') : ''),
      })
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message })
    } finally {
      setBusy(false)
      setIntent(null)
      reload()
    }
  }

  const admin = data?.me.admin === true
  const queues = data ? Object.entries(data.queues).sort(([a], [b]) => a.localeCompare(b)) : []
  const parkedTotal = queues.reduce((sum, [, depth]) => sum + depth, 0)
  return (
    <Page
      id='nav-dead-letters'
      title='Dead letters'
      loading={loading}
      error={error}
      onRefresh={reload}
      intro={
        <>
          Messages a stage gave up on, with the reason and the stage, oldest first. Only references are shown, never a
          message's content. A replay puts a message back on the queue it came from and is recorded in the audit
          trail below.{' '}
          {data && !admin && <strong>Replay is for admins; you are logged in as {data.me.user} (viewer).</strong>}
        </>
      }
    >
      {outcome && (
        <Alert
          id='nav-replay-outcome'
          isInline
          variant={outcome.ok ? 'success' : 'danger'}
          title={outcome.text}
          style={{ marginBottom: '1rem' }}
        />
      )}
      {data && (
        <>
          <Title headingLevel='h2'>
            Queues ({parkedTotal} parked in {queues.filter(([, d]) => d > 0).length} of {queues.length})
          </Title>
          {parkedTotal > 0 && (
          <Table aria-label='Dead-letter queues' variant='compact'>
            <Thead>
              <Tr>
                <Th>Dead-letter queue</Th>
                <Th>Parked</Th>
                {admin && <Th screenReaderText='Replay all' />}
              </Tr>
            </Thead>
            <Tbody>
              {queues
                .filter(([, depth]) => depth > 0)
                .map(([queue, depth]) => (
                  <Tr key={queue} data-queue={queue}>
                    <Td dataLabel='Dead-letter queue'>{queue}</Td>
                    <Td dataLabel='Parked'>{depth}</Td>
                    {admin && (
                      <Td>
                        <Button variant='secondary' size='sm' onClick={() => setIntent({ queue, count: depth })}>
                          Replay all
                        </Button>
                      </Td>
                    )}
                  </Tr>
                ))}
            </Tbody>
          </Table>
          )}
          {parkedTotal === 0 && <p>Every dead-letter queue is empty.</p>}
          {data.parked.length > 0 && (
            <Table aria-label='Parked messages' variant='compact' style={{ marginTop: '1rem' }}>
              <Thead>
                <Tr>
                  <Th>Queue</Th>
                  <Th>Municipality</Th>
                  <Th>Type</Th>
                  <Th>messageId</Th>
                  <Th>hubReference</Th>
                  <Th>Stage</Th>
                  <Th>Reason</Th>
                  <Th>Age</Th>
                  {admin && <Th screenReaderText='Replay' />}
                </Tr>
              </Thead>
              <Tbody>
                {data.parked.map(m => (
                  <Tr key={m.deadLetterQueue + m.jmsMessageId} data-parked={m.messageId ?? m.jmsMessageId}>
                    <Td dataLabel='Queue'>{m.deadLetterQueue}</Td>
                    <Td dataLabel='Municipality'>{m.kommunCode ?? '–'}</Td>
                    <Td dataLabel='Type'>{m.messageType ?? '–'}</Td>
                    <Td dataLabel='messageId'>{m.messageId ?? '–'}</Td>
                    <Td dataLabel='hubReference'>{m.hubReference ?? '–'}</Td>
                    <Td dataLabel='Stage'>{m.failedStage ?? '–'}</Td>
                    <Td dataLabel='Reason' modifier='breakWord'>
                      {m.failureReason ?? '–'}
                    </Td>
                    <Td dataLabel='Age' title={time(m.parkedAt)}>
                      {age(m.parkedAt)}
                    </Td>
                    {admin && (
                      <Td>
                        <Button
                          variant='primary'
                          size='sm'
                          onClick={() => setIntent({ queue: m.deadLetterQueue, message: m, count: 1 })}
                        >
                          Replay
                        </Button>
                      </Td>
                    )}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Title headingLevel='h2' style={{ marginTop: '1.5rem' }}>
            Recent replays
          </Title>
          {data.replays.length === 0 ? (
            <p>No replay yet.</p>
          ) : (
            <Table aria-label='Recent replays' variant='compact'>
              <Thead>
                <Tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>Via</Th>
                  <Th>From</Th>
                  <Th>To</Th>
                  <Th>Municipality</Th>
                  <Th>messageId</Th>
                  <Th>Reason it had been parked</Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.replays.map(r => (
                  <Tr key={r.id} data-replay={r.messageId ?? r.id}>
                    <Td dataLabel='When'>{time(r.replayedAt)}</Td>
                    <Td dataLabel='Who'>{r.replayedBy}</Td>
                    <Td dataLabel='Via'>{r.via}</Td>
                    <Td dataLabel='From'>{r.deadLetterQueue}</Td>
                    <Td dataLabel='To'>{r.targetQueue}</Td>
                    <Td dataLabel='Municipality'>{r.kommunCode ?? '–'}</Td>
                    <Td dataLabel='messageId'>{r.messageId ?? '–'}</Td>
                    <Td dataLabel='Reason' modifier='breakWord'>
                      {r.failureReason ?? '–'}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </>
      )}
      <Modal
        variant='small'
        isOpen={intent !== null}
        onClose={() => setIntent(null)}
        aria-labelledby='nav-replay-title'
      >
        <ModalHeader title='Replay?' labelId='nav-replay-title' titleIconVariant='warning' />
        <ModalBody>
          {intent &&
            (intent.message
              ? 'Put message ' +
                (intent.message.messageId ?? intent.message.jmsMessageId) +
                ' (' +
                (intent.message.kommunCode ?? 'no municipality') +
                ') back on ' +
                (intent.message.originQueue ?? 'the queue its stage reads') +
                '?'
              : 'Put all ' + intent.count + ' message(s) of ' + intent.queue + ' back on the queues they came from?')}{' '}
          The stage then tries again; it checks the tracking store first, so nothing is delivered twice.
        </ModalBody>
        <ModalFooter>
          <Button
            variant='primary'
            onClick={() => intent && replay(intent)}
            isLoading={busy}
            isDisabled={busy}
            id='nav-replay-confirm'
          >
            Replay
          </Button>
          <Button variant='link' onClick={() => setIntent(null)} isDisabled={busy}>
            Cancel
          </Button>
        </ModalFooter>
      </Modal>
    </Page>
  )
}
