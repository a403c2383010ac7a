import { Alert, Label } from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React from 'react'
import { api, RaisedAlert } from '../api'
import { age, time } from '../format'
import { useLoad } from '../useLoad'

const REFRESH_MS = 30_000

const loadAlerts = () => api.get<RaisedAlert[]>('/alerts')

/** The alerts raised now, at the top of the Overview: what, about whom, since when, and what to do. */
export const Alerts: React.FunctionComponent = () => {
  const { data, error } = useLoad(loadAlerts, REFRESH_MS)
  if (error) {
    return (
      <Alert id='nav-alerts-error' isInline variant='warning' title={'Alerts: ' + error} style={{ marginBottom: '1rem' }} />
    )
  }
  if (!data) {
    return null
  }
  if (data.length === 0) {
    return (
      <Alert id='nav-alerts-none' isInline isPlain variant='success' title='No alert raised' style={{ marginBottom: '1rem' }} />
    )
  }
  return (
    <div id='nav-alerts' style={{ marginBottom: '1.5rem' }}>
      <Alert isInline variant='danger' title={data.length + ' alert(s) raised'} style={{ marginBottom: '0.5rem' }} />
      <Table aria-label='Alerts raised' variant='compact'>
        <Thead>
          <Tr>
            <Th>Alert</Th>
            <Th>Subject</Th>
            <Th modifier='nowrap'>Since</Th>
            <Th>Found</Th>
            <Th>What to do</Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.map(a => (
            <Tr key={a.code + '/' + a.subject} data-alert-code={a.code} data-alert-subject={a.subject}>
              <Td dataLabel='Alert' modifier='nowrap'>
                <Label color='red'>{a.code}</Label>
              </Td>
              <Td dataLabel='Subject' modifier='nowrap'>
                {a.subjectKind === 'kommun' ? 'municipality ' : 'queue '}
                {a.subject}
              </Td>
              <Td dataLabel='Since' modifier='nowrap' title={time(a.raisedAt)}>
                {age(a.raisedAt)} ago
              </Td>
              <Td dataLabel='Found'>
                {a.detail}
                {a.references.length > 0 && <div>hubReference: {a.references.join(', ')}</div>}
              </Td>
              <Td dataLabel='What to do'>{a.action}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  )
}
