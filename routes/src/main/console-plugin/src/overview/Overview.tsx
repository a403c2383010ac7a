import { Alert, Label } from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React from 'react'
import { MunicipalityTraffic, Traffic } from '../api'
import { age, hoursAndMinutes, time } from '../format'
import { Page } from '../Page'
import { loadOverview } from '../prefetch'
import { useLoad } from '../useLoad'
import { Alerts } from './Alerts'

const REFRESH_MS = 30_000

function codes(traffic: Traffic): string {
  return Object.entries(traffic.rejectedByCode)
    .map(([code, count]) => code + ' ' + count)
    .join(', ')
}

function name(m: MunicipalityTraffic): string {
  return m.kommunCode + ' ' + (m.name ?? '(not in the registry)')
}

const State: React.FunctionComponent<{ m: MunicipalityTraffic }> = ({ m }) => {
  if (m.silent) {
    return (
      <Label color='red' data-state='silent'>
        Silent {m.lastReceivedAt ? 'for ' + age(m.lastReceivedAt) : '(never sent)'}
      </Label>
    )
  }
  if (!m.agreementParty) {
    return (
      <Label color='grey' data-state='not-party'>
        {m.name ? 'Not a party' : 'Unknown'}
      </Label>
    )
  }
  return (
    <Label color='green' data-state='sending'>
      Sending
    </Label>
  )
}

/** One count for the last hour and the last day: "hour / day". */
const HourAndDay: React.FunctionComponent<{ m: MunicipalityTraffic; count: keyof Traffic; label: string }> = ({
  m,
  count,
  label,
}) => (
  <Td dataLabel={label} modifier='nowrap'>
    <span data-count={'hour-' + count}>{m.lastHour[count] as number}</span>
    {' / '}
    <strong data-count={'day-' + count}>{m.lastDay[count] as number}</strong>
  </Td>
)

export const Overview: React.FunctionComponent = () => {
  const { data, error, loading, reload } = useLoad(loadOverview, REFRESH_MS)
  const rows = data ? [...data.municipalities].sort((a, b) => a.kommunCode.localeCompare(b.kommunCode)) : []
  const silent = rows.filter(m => m.silent)
  return (
    <Page
      id='nav-overview'
      title='Overview'
      loading={loading}
      error={error}
      onRefresh={reload}
      intro={
        <>
          Each municipality's messages in the last hour / the last day, counted by when the hub received them, with
          their state now. Delivered: handed to the supplier (an incident report: to Läkemedelsverket). Events out:
          the supplier's status events passed on.{' '}
          {data && (
            <>
              As of {time(data.generatedAt)}, refreshed every {REFRESH_MS / 1000} s.
            </>
          )}
        </>
      }
    >
      <Alerts />
      {data && silent.length > 0 && (
        <Alert
          id='nav-overview-silent'
          isInline
          variant='danger'
          title={
            silent.length +
            ' of ' +
            rows.filter(m => m.agreementParty).length +
            ' agreement parties silent: no message for ' +
            hoursAndMinutes(data.silentAfterMinutes) +
            ' (nav.console.silent-after)'
          }
          style={{ marginBottom: '1rem' }}
        >
          {silent.map(name).join(', ')}
        </Alert>
      )}
      {data && (
        <Table aria-label='Traffic per municipality' variant='compact'>
          <Thead>
            <Tr>
              <Th>Municipality</Th>
              <Th>State</Th>
              <Th modifier='nowrap'>Last message</Th>
              <Th modifier='wrap'>In (hour / day)</Th>
              <Th modifier='wrap'>Accepted</Th>
              <Th modifier='wrap'>Rejected</Th>
              <Th modifier='wrap'>Delivered</Th>
              <Th modifier='wrap'>Events out</Th>
              <Th modifier='wrap'>Rejected by error code (day)</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map(m => (
              <Tr key={m.kommunCode} data-kommun={m.kommunCode}>
                <Td dataLabel='Municipality' modifier='nowrap'>
                  {name(m)}
                </Td>
                <Td dataLabel='State' modifier='nowrap'>
                  <State m={m} />
                </Td>
                <Td dataLabel='Last message' modifier='nowrap' title={time(m.lastReceivedAt)}>
                  {m.lastReceivedAt ? age(m.lastReceivedAt) + ' ago' : 'never'}
                </Td>
                <HourAndDay m={m} count='received' label='In' />
                <HourAndDay m={m} count='accepted' label='Accepted' />
                <HourAndDay m={m} count='rejected' label='Rejected' />
                <HourAndDay m={m} count='delivered' label='Delivered' />
                <HourAndDay m={m} count='statusEventsOut' label='Events out' />
                <Td dataLabel='Rejected by error code' data-codes>
                  {codes(m.lastDay)}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Page>
  )
}
