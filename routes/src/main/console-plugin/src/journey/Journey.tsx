import { Button, Form, FormGroup, FormSelect, FormSelectOption, TextInput, Title } from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React, { useState } from 'react'
import { api, MessageJourney, TrackedMessage } from '../api'
import { time } from '../format'
import { Page } from '../Page'

const FIELDS = [
  { key: 'messageId', label: 'messageId' },
  { key: 'hubReference', label: 'hubReference' },
  { key: 'customerNumber', label: 'Customer number' },
  { key: 'status', label: 'Status' },
  { key: 'kommunCode', label: 'Municipality code' },
]

/** What each step means, in the operator's words; the step's detail says with which code, status or channel. */
const STEPS: Record<string, string> = {
  RECEIVED: 'Received from the municipality',
  RECEIPT: 'Receipt sent',
  HANDED_TO_SUPPLIER: 'Handed to the supplier',
  SUPPLIER_EVENT: "Supplier's event",
  SUPPLIER_ANSWER: "Supplier's answer",
  PARKED: 'Parked on a dead-letter queue',
  SENT_TO_AUTHORITY: 'Sent to Läkemedelsverket',
  MANUFACTURER_COPY_SENT: "Manufacturer's copy sent",
  AUTHORITY_CONFIRMED: 'Confirmed by Läkemedelsverket',
}

/** Finds tracked messages by one reference (the tracking store: references, codes and times only). */
export const Journey: React.FunctionComponent = () => {
  const [field, setField] = useState('messageId')
  const [value, setValue] = useState('')
  const [rows, setRows] = useState<TrackedMessage[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [journey, setJourney] = useState<MessageJourney | null>(null)

  const open = async (hubReference: string) => {
    setLoading(true)
    try {
      setJourney(await api.get<MessageJourney>('/messages/' + encodeURIComponent(hubReference) + '/journey'))
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }

  const search = async (event?: React.FormEvent) => {
    event?.preventDefault()
    if (value.trim() === '') {
      return
    }
    setLoading(true)
    try {
      const term = field === 'status' ? value.trim().toUpperCase() : value.trim()
      setRows(await api.get<TrackedMessage[]>('/messages?' + field + '=' + encodeURIComponent(term) + '&limit=100'))
      setJourney(null)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }

  return (
    <Page
      id='nav-journey'
      title='Journey'
      loading={loading}
      error={error}
      intro={
        <>
          Where a message stands: find it by messageId, hubReference, customer number, status (ACCEPTED, REJECTED,
          SENT_TO_SUPPLIER, CONFIRMED, DELIVERED, PARKED, …) or municipality code; newest first. Each row shows its
          status now and when it was received; click a row for its journey: received, the receipt, the hand-off to
          the supplier, each answer and event of the supplier, an incident report's channels.
        </>
      }
    >
      <Form isHorizontal onSubmit={search} style={{ maxWidth: '48rem', marginBottom: '1rem' }}>
        <FormGroup label='Find by' fieldId='nav-journey-field'>
          <FormSelect id='nav-journey-field' value={field} onChange={(_e, v) => setField(v)} aria-label='Find by'>
            {FIELDS.map(f => (
              <FormSelectOption key={f.key} value={f.key} label={f.label} />
            ))}
          </FormSelect>
        </FormGroup>
        <FormGroup label='Value' fieldId='nav-journey-value'>
          <TextInput id='nav-journey-value' value={value} onChange={(_e, v) => setValue(v)} aria-label='Value' />
        </FormGroup>
        <Button type='submit' variant='primary' isDisabled={loading} style={{ width: '8rem' }}>
          Find
        </Button>
      </Form>
      {rows && rows.length === 0 && <p>No tracked message matches.</p>}
      {rows && rows.length > 0 && (
        <Table aria-label='Tracked messages' variant='compact'>
          <Thead>
            <Tr>
              <Th>Received</Th>
              <Th>Municipality</Th>
              <Th>Type</Th>
              <Th>messageId</Th>
              <Th>hubReference</Th>
              <Th>Customer number</Th>
              <Th>Status now</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map(m => (
              <Tr
                key={m.hubReference}
                data-message={m.messageId}
                isClickable
                isRowSelected={journey?.hubReference === m.hubReference}
                onRowClick={() => open(m.hubReference)}
              >
                <Td dataLabel='Received'>{time(m.receivedAt)}</Td>
                <Td dataLabel='Municipality'>{m.kommunCode}</Td>
                <Td dataLabel='Type'>{m.messageType ?? '–'}</Td>
                <Td dataLabel='messageId'>{m.messageId}</Td>
                <Td dataLabel='hubReference'>{m.hubReference}</Td>
                <Td dataLabel='Customer number'>{m.customerNumber ?? '–'}</Td>
                <Td dataLabel='Status now' data-status={m.status}>
                  {m.status}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {journey && (
        <Title headingLevel='h2' style={{ marginTop: '1.5rem' }}>
          Journey of {journey.messageType ?? 'message'} {journey.hubReference} ({journey.kommunCode}, status now{' '}
          {journey.status})
        </Title>
      )}
      {journey && (
        <Table aria-label='Journey' variant='compact' id='nav-journey-steps' data-hub-reference={journey.hubReference}>
          <Thead>
            <Tr>
              <Th>Step</Th>
              <Th>Time</Th>
              <Th>Code, status or channel</Th>
            </Tr>
          </Thead>
          <Tbody>
            {journey.steps.map((s, i) => (
              <Tr key={i} data-step={s.step} data-detail={s.detail ?? ''}>
                <Td dataLabel='Step'>{STEPS[s.step] ?? s.step}</Td>
                <Td dataLabel='Time'>{time(s.at)}</Td>
                <Td dataLabel='Code, status or channel'>{s.detail ?? '–'}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Page>
  )
}
