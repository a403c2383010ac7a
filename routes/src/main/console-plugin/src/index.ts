// The plugin's entry: Hawtio calls `plugin` after login (HawtioPlugin bean: scope hjalpmedelsnav, module ./plugin).
// Each page is a Hawtio plugin of its own, so each has its entry in Hawtio's sidebar and its own address; their
// order puts them before Hawtio's built-in plugins (orders 0-30), and Hawtio opens the first one, Overview, after login.
import { hawtio, HawtioPlugin } from '@hawtio/react'
import { DeadLetters } from './dead-letters/DeadLetters'
import { IncidentReports } from './incident/IncidentReports'
import { Journey } from './journey/Journey'
import { Overview } from './overview/Overview'
import { prefetchOverview } from './prefetch'
import { Registry } from './registry/Registry'

const pages = [
  { id: 'nav-overview', title: 'Overview', path: '/hjalpmedelsnav/overview', component: Overview },
  { id: 'nav-journey', title: 'Journey', path: '/hjalpmedelsnav/journey', component: Journey },
  { id: 'nav-dead-letters', title: 'Dead letters', path: '/hjalpmedelsnav/dead-letters', component: DeadLetters },
  { id: 'nav-incidents', title: 'Incident reports', path: '/hjalpmedelsnav/incident-reports', component: IncidentReports },
  { id: 'nav-registry', title: 'Registry', path: '/hjalpmedelsnav/registry', component: Registry },
]

export const plugin: HawtioPlugin = () => {
  pages.forEach((page, i) => hawtio.addPlugin({ ...page, order: -100 + i, isActive: async () => true }))
  prefetchOverview()
}
