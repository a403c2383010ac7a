import { Alert, Button, Flex, FlexItem, PageSection, Spinner, Title } from '@patternfly/react-core'
import React from 'react'

/** The frame of every page of the plugin: title, what it shows, refresh, the load error if any. */
export const Page: React.FunctionComponent<{
  id: string
  title: string
  intro: React.ReactNode
  loading: boolean
  error: string | null
  onRefresh?: () => void
  children?: React.ReactNode
}> = ({ id, title, intro, loading, error, onRefresh, children }) => (
  <PageSection id={id} hasBodyWrapper={false}>
    <Flex alignItems={{ default: 'alignItemsCenter' }}>
      <FlexItem>
        <Title headingLevel='h1'>{title}</Title>
      </FlexItem>
      {onRefresh && (
        <FlexItem>
          <Button variant='secondary' size='sm' onClick={onRefresh} isDisabled={loading}>
            Refresh
          </Button>
        </FlexItem>
      )}
      {loading && (
        <FlexItem>
          <Spinner size='md' aria-label='loading' />
        </FlexItem>
      )}
    </Flex>
    <p style={{ margin: '0.5rem 0 1rem' }}>{intro}</p>
    {error && (
      <Alert variant='danger' isInline title={error} style={{ marginBottom: '1rem' }} />
    )}
    {children}
  </PageSection>
)
