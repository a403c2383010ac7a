import { Alert, Label, Title } from '@patternfly/react-core'
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import React from 'react'
import { api, RegistryPage, Validity } from '../api'
import { time } from '../format'
import { Page } from '../Page'
import { useLoad } from '../useLoad'

const VALIDITY: Record<Validity, { text: string; color: 'green' | 'orange' | 'red' | 'grey' }> = {
  VALID: { text: 'Valid', color: 'green' },
  EXPIRES_SOON: { text: 'Expires soon', color: 'orange' },
  EXPIRED: { text: 'Expired', color: 'red' },
  NOT_YET_VALID: { text: 'Not yet valid', color: 'grey' },
}

function until(validTo: string | null, daysLeft: number | null): string {
  if (validTo === null || daysLeft === null) {
    return 'open-ended'
  }
  if (daysLeft < 0) {
    return validTo + ' (' + -daysLeft + ' days ago)'
  }
  return validTo + ' (' + (daysLeft === 0 ? 'last day today' : daysLeft + ' days left') + ')'
}

export const Registry: React.FunctionComponent = () => {
  const { data, error, loading, reload } = useLoad(() => api.get<RegistryPage>('/registry'))
  const agreements = data
    ? data.privateContractors.flatMap(c => c.agreements.map(a => ({ contractor: c, agreement: a })))
    : []
  const soon = agreements.filter(({ agreement }) => agreement.validity === 'EXPIRES_SOON')
  return (
    <Page
      id='nav-registry'
      title='Registry'
      loading={loading}
      error={error}
      onRefresh={reload}
      intro={
        <>
          The registry in force: who may order on which customer and payer numbers. Edit{' '}
          <code>{data ? data.file : 'config/registry.yaml'}</code>; the hub reloads it when it changes and refuses a
          broken file as a whole.
        </>
      }
    >
      {data && (
        <>
          <Alert
            id='nav-registry-last-reload'
            isInline
            variant={data.lastReload.outcome === 'REFUSED' ? 'danger' : 'success'}
            title={
              (data.lastReload.outcome === 'REFUSED'
                ? 'Last change refused (the registry before it stays in force)'
                : 'Last load') +
              ' at ' +
              time(data.lastReload.at)
            }
          >
            {data.lastReload.message}
          </Alert>
          <Title headingLevel='h2' style={{ marginTop: '1.5rem' }}>
            Private-contractor agreements
          </Title>
          <p>
            {soon.length === 0
              ? 'No agreement expires within ' + data.expiresSoonDays + ' days.'
              : soon.length + ' agreement(s) expire within ' + data.expiresSoonDays + ' days (highlighted).'}
          </p>
          <Table aria-label='Private-contractor agreements' variant='compact'>
            <Thead>
              <Tr>
                <Th>Contractor</Th>
                <Th>Organisationsnummer</Th>
                <Th>Municipality</Th>
                <Th>Agreement</Th>
                <Th>Valid from</Th>
                <Th>Valid to</Th>
                <Th>Customer numbers</Th>
                <Th>State</Th>
              </Tr>
            </Thead>
            <Tbody>
              {agreements.map(({ contractor, agreement }) => (
                <Tr
                  key={contractor.orgNumber + agreement.reference}
                  data-agreement={agreement.reference}
                  data-validity={agreement.validity}
                  style={
                    agreement.validity === 'EXPIRES_SOON'
                      ? { background: 'rgba(240, 171, 0, 0.15)', boxShadow: 'inset 4px 0 0 #f0ab00' }
                      : undefined
                  }
                >
                  <Td dataLabel='Contractor'>{contractor.name}</Td>
                  <Td dataLabel='Organisationsnummer'>{contractor.orgNumber}</Td>
                  <Td dataLabel='Municipality'>{agreement.kommun}</Td>
                  <Td dataLabel='Agreement'>{agreement.reference}</Td>
                  <Td dataLabel='Valid from'>{agreement.validFrom}</Td>
                  <Td dataLabel='Valid to'>{until(agreement.validTo, agreement.daysLeft)}</Td>
                  <Td dataLabel='Customer numbers'>{agreement.customerNumbers.join(', ')}</Td>
                  <Td dataLabel='State'>
                    <Label color={VALIDITY[agreement.validity].color}>{VALIDITY[agreement.validity].text}</Label>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Title headingLevel='h2' style={{ marginTop: '1.5rem' }}>
            Municipalities
          </Title>
          <Table aria-label='Municipalities' variant='compact'>
            <Thead>
              <Tr>
                <Th>Municipality</Th>
                <Th>Agreement party</Th>
                <Th>Customer number</Th>
                <Th>Unit</Th>
                <Th>Payer numbers</Th>
                <Th>Buffer store</Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.municipalities.flatMap(m =>
                (m.customerNumbers.length > 0 ? m.customerNumbers : [null]).map((c, i) => (
                  <Tr key={m.code + (c ? c.number : '')} data-kommun={m.code}>
                    <Td dataLabel='Municipality'>{i === 0 ? m.code + ' ' + m.name : ''}</Td>
                    <Td dataLabel='Agreement party'>{i === 0 ? (m.agreementParty ? 'yes' : 'no') : ''}</Td>
                    <Td dataLabel='Customer number'>{c ? c.number : '–'}</Td>
                    <Td dataLabel='Unit'>{c ? c.unit : ''}</Td>
                    <Td dataLabel='Payer numbers'>{c ? c.payerNumbers.join(', ') : ''}</Td>
                    <Td dataLabel='Buffer store'>{c ? (c.bufferStore ? 'yes' : 'no') : ''}</Td>
                  </Tr>
                )),
              )}
            </Tbody>
          </Table>
        </>
      )}
    </Page>
  )
}
