import {
  Alert,
  Button,
  Form,
  FormGroup,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Switch,
  TextInput,
} from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React, { useState } from 'react'
import { api, IncidentReport, Me } from '../api'
import { age, time, until } from '../format'
import { Page } from '../Page'
import { useLoad } from '../useLoad'

const SOON_MS = 24 * 3600 * 1000

type State = { text: string; color: 'green' | 'red' | 'orange' | 'blue' | 'grey'; key: string }

/** Where a report stands: confirmed, overdue (its deadline passed unconfirmed), due soon, sent, or not yet sent. */
function state(report: IncidentReport, now: number): State {
  if (report.confirmedAt) {
    return { text: 'Confirmed', color: 'green', key: 'confirmed' }
  }
  const due = new Date(report.dueAt).getTime()
  if (due < now) {
    return { text: 'Overdue by ' + age(report.dueAt, now), color: 'red', key: 'overdue' }
  }
  if (due - now < SOON_MS) {
    return { text: 'Due in ' + until(report.dueAt, now), color: 'orange', key: 'due-soon' }
  }
  return report.sentAt
    ? { text: 'Sent, awaiting confirmation', color: 'blue', key: 'sent' }
    : { text: 'Not yet sent', color: 'grey', key: 'not-sent' }
}

async function loadReports() {
  const [reports, me] = await Promise.all([
    api.get<IncidentReport[]>('/incident-reports?limit=200'),
    api.get<Me>('/console/me'),
  ])
  return { reports, me }
}

/** Incident reports to Läkemedelsverket with their deadlines; admins record the authority's confirmation. */
export const IncidentReports: React.FunctionComponent = () => {
  const [unconfirmedOnly, setUnconfirmedOnly] = useState(false)
  const { data, error, loading, reload } = useLoad(loadReports, 30_000)
  const [confirming, setConfirming] = useState<IncidentReport | null>(null)
  const [reference, setReference] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const now = Date.now()
  const admin = data?.me.admin === true

  const confirm = async () => {
    if (!confirming) {
      return
    }
    setBusy(true)
    try {
      await api.post('/incident-reports/' + encodeURIComponent(confirming.hubReference) + '/confirmation', {
        authorityReference: reference.trim(),
      })
      setOutcome('Confirmation recorded for ' + confirming.messageId + ' (' + reference.trim() + ')')
      setConfirming(null)
      reload()
    } catch (e) {
      setProblem((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const reports = data ? data.reports.filter(r => !unconfirmedOnly || !r.confirmedAt) : []

  return (
    <Page
      id='nav-incidents'
      title='Incident reports'
      loading={loading}
      error={error}
      onRefresh={reload}
      intro={
        <>
          Reports to Läkemedelsverket, the newest 200 first: when the hub accepted each, by when its submission must be
          confirmed, when the report and the manufacturer's copy were delivered, and the authority's reference once
          confirmed. References and times only; the reports' content stays in the delivered files.{' '}
          {data && !admin && <strong>Recording a confirmation is for admins.</strong>}
        </>
      }
    >
      {outcome && <Alert id='nav-incident-outcome' isInline variant='success' title={outcome} style={{ marginBottom: '1rem' }} />}
      <Switch
        id='nav-incidents-unconfirmed'
        label='Unconfirmed only'
        isChecked={unconfirmedOnly}
        onChange={(_e, on) => setUnconfirmedOnly(on)}
        style={{ marginBottom: '1rem' }}
      />
      {data && reports.length === 0 && <p>No incident report.</p>}
      {data && reports.length > 0 && (
        <Table aria-label='Incident reports' variant='compact'>
          <Thead>
            <Tr>
              <Th>State</Th>
              <Th>Municipality</Th>
              <Th>messageId</Th>
              <Th>Consequence</Th>
              <Th>Accepted</Th>
              <Th>Due</Th>
              <Th>Sent to Läkemedelsverket</Th>
              <Th>Manufacturer's copy</Th>
              <Th>Confirmed</Th>
              {admin && <Th screenReaderText='Confirm' />}
            </Tr>
          </Thead>
          <Tbody>
            {reports.map(r => {
              const s = state(r, now)
              return (
                <Tr key={r.hubReference} data-incident={r.messageId} data-state={s.key}>
                  <Td dataLabel='State' modifier='nowrap'>
                    <Label color={s.color}>{s.text}</Label>
                  </Td>
                  <Td dataLabel='Municipality'>{r.kommunCode}</Td>
                  <Td dataLabel='messageId' modifier='breakWord'>
                    {r.messageId}
                  </Td>
                  <Td dataLabel='Consequence'>{r.consequence}</Td>
                  <Td dataLabel='Accepted'>{time(r.acceptedAt)}</Td>
                  <Td dataLabel='Due'>{time(r.dueAt)}</Td>
                  <Td dataLabel='Sent'>{time(r.sentAt)}</Td>
                  <Td dataLabel="Manufacturer's copy">{time(r.manufacturerSentAt)}</Td>
                  <Td dataLabel='Confirmed' data-reference={r.authorityReference ?? ''}>
                    {r.confirmedAt ? time(r.confirmedAt) + ' (' + r.authorityReference + ')' : '–'}
                  </Td>
                  {admin && (
                    <Td>
                      {!r.confirmedAt && (
                        <Button
                          variant='secondary'
                          size='sm'
                          onClick={() => {
                            setConfirming(r)
                            setReference('')
                            setProblem(null)
                          }}
                        >
                          Confirm
                        </Button>
                      )}
                    </Td>
                  )}
                </Tr>
              )
            })}
          </Tbody>
        </Table>
      )}
      <Modal
        variant='small'
        isOpen={confirming !== null}
        onClose={() => setConfirming(null)}
        aria-labelledby='nav-incident-confirm-title'
      >
        <ModalHeader title="Läkemedelsverket's confirmation" labelId='nav-incident-confirm-title' />
        <ModalBody>
          <p style={{ marginBottom: '1rem' }}>
            Läkemedelsverket has report {confirming?.messageId} ({confirming?.kommunCode}). Its reference, as in the
            authority's receipt; the municipality is then told SUBMITTED.
          </p>
          {problem && <Alert isInline variant='danger' title={problem} style={{ marginBottom: '1rem' }} />}
          <Form onSubmit={e => e.preventDefault()}>
            <FormGroup label="Läkemedelsverket's reference" fieldId='nav-incident-reference' isRequired>
              <TextInput
                id='nav-incident-reference'
                value={reference}
                onChange={(_e, v) => setReference(v)}
                placeholder='6.3.4-2026-012345'
              />
            </FormGroup>
          </Form>
        </ModalBody>
        <ModalFooter>
          <Button
            id='nav-incident-confirm'
            variant='primary'
            onClick={confirm}
            isLoading={busy}
            isDisabled={busy || reference.trim() === ''}
          >
            Record confirmation
          </Button>
          <Button variant='link' onClick={() => setConfirming(null)} isDisabled={busy}>
            Cancel
          </Button>
        </ModalFooter>
      </Modal>
    </Page>
  )
}
