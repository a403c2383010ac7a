import { api, Overview } from './api'

// The Overview's data, asked for as soon as Hawtio loads the plugin: Hawtio shows no page until every one of its
// plugins has loaded the JMX tree, and this answer is then already there for the first page.
let early: { at: number; answer: Promise<Overview> } | null = null

export function prefetchOverview(): void {
  const answer = api.get<Overview>('/overview')
  answer.catch(() => undefined) // the page asks again and shows the error
  early = { at: Date.now(), answer }
}

/** The early answer once, if it is fresh; else a new request. */
export function loadOverview(): Promise<Overview> {
  const fresh = early !== null && Date.now() - early.at < 15_000
  const answer = fresh && early ? early.answer : api.get<Overview>('/overview')
  early = null
  return answer
}
