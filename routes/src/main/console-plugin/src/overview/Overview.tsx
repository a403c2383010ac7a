import { Label } from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React from 'react'
import { api, MunicipalityTraffic, Overview as OverviewData, Traffic } from '../api'
import { age, hoursAndMinutes, time } from '../format'
import { Page } from '../Page'
import { useLoad } from '../useLoad'

const REFRESH_MS = 30_000

function codes(traffic: Traffic): string {
  const entries = Object.entries(traffic.rejectedByCode)
  return entries.length === 0 ? '' : entries.map(([code, count]) => code + ' ' + count).join(', ')
}

/** Silent ones first, then those with traffic, then the rest; by code within each. */
function rank(m: MunicipalityTraffic): number {
  return m.silent ? 0 : m.lastDay.received > 0 ? 1 : 2
}

const State: React.FunctionComponent<{ m: MunicipalityTraffic; silentAfterMinutes: number }> = ({
  m,
  silentAfterMinutes,
}) => {
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
        {m.name ? 'Not a party' : 'Not in the registry'}
      </Label>
    )
  }
  return (
    <Label color='green' data-state='sending' title={'sent within ' + hoursAndMinutes(silentAfterMinutes)}>
      Sending
    </Label>
  )
}

const Counts: React.FunctionComponent<{ t: Traffic; window: string }> = ({ t, window }) => (
  <>
    <Td dataLabel={window + ': in'} data-count={window + '-in'}>{t.received}</Td>
    <Td dataLabel={window + ': accepted'}>{t.accepted}</Td>
    <Td dataLabel={window + ': rejected'} title={codes(t)}>
      {t.rejected}
    </Td>
    <Td dataLabel={window + ': delivered'} data-count={window + '-delivered'}>{t.delivered}</Td>
    <Td dataLabel={window + ': status events out'}>{t.statusEventsOut}</Td>
  </>
)

export const Overview: React.FunctionComponent = () => {
  const { data, error, loading, reload } = useLoad(() => api.get<OverviewData>('/overview'), REFRESH_MS)
  const rows = data ? [...data.municipalities].sort((a, b) => rank(a) - rank(b) || a.kommunCode.localeCompare(b.kommunCode)) : []
  const silent = rows.filter(m => m.silent).length
  return (
    <Page
      id='nav-overview'
      title='Overview'
      loading={loading}
      error={error}
      onRefresh={reload}
      intro={
        data ? (
          <>
            Traffic per municipality, counted by when the hub received each message (with its state now). Silent: an
            agreement party with no message for {hoursAndMinutes(data.silentAfterMinutes)} (
            <code>nav.console.silent-after</code>). {silent} of {rows.length} silent. As of {time(data.generatedAt)}
            , refreshed every {REFRESH_MS / 1000} s.
          </>
        ) : (
          'Traffic per municipality in the last hour and the last day.'
        )
      }
    >
      {data && (
        <Table aria-label='Traffic per municipality' variant='compact' isStickyHeader>
          <Thead hasNestedHeader>
            <Tr>
              <Th rowSpan={2}>Municipality</Th>
              <Th rowSpan={2}>State</Th>
              <Th colSpan={5} hasRightBorder>
                Last hour
              </Th>
              <Th colSpan={5} hasRightBorder>
                Last day
              </Th>
              <Th rowSpan={2} modifier='wrap'>
                Rejected by error code (day)
              </Th>
              <Th rowSpan={2}>Last message</Th>
            </Tr>
            <Tr>
              {['hour', 'day'].flatMap(w => [
                <Th key={w + 'in'} isSubheader modifier='wrap'>
                  In
                </Th>,
                <Th key={w + 'acc'} isSubheader modifier='wrap'>
                  Accepted
                </Th>,
                <Th key={w + 'rej'} isSubheader modifier='wrap'>
                  Rejected
                </Th>,
                <Th key={w + 'del'} isSubheader modifier='wrap' info={{ tooltip: 'Handed to the supplier (or to Läkemedelsverket)' }}>
                  Delivered
                </Th>,
                <Th key={w + 'ev'} isSubheader modifier='wrap' hasRightBorder info={{ tooltip: 'Supplier status events passed on' }}>
                  Events out
                </Th>,
              ])}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map(m => (
              <Tr key={m.kommunCode} data-kommun={m.kommunCode} isStriped={false}>
                <Td dataLabel='Municipality'>
                  {m.kommunCode} {m.name ?? ''}
                </Td>
                <Td dataLabel='State'>
                  <State m={m} silentAfterMinutes={data.silentAfterMinutes} />
                </Td>
                <Counts t={m.lastHour} window='hour' />
                <Counts t={m.lastDay} window='day' />
                <Td dataLabel='Rejected by error code'>{codes(m.lastDay)}</Td>
                <Td dataLabel='Last message' title={time(m.lastReceivedAt)}>
                  {m.lastReceivedAt ? age(m.lastReceivedAt) + ' ago' : 'never'}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Page>
  )
}
