// The plugin's entry: Hawtio calls `plugin` after login (HawtioPlugin bean: scope hjalpmedelsnav, module ./plugin).
// Each page is a Hawtio plugin of its own, so each has its entry in Hawtio's sidebar and its own address; their
// order puts them before Hawtio's built-in plugins (orders 0-30), so Hawtio opens Overview first after login.
import { hawtio, HawtioPlugin } from '@hawtio/react'
import { Overview } from './overview/Overview'

const pages = [{ id: 'nav-overview', title: 'Overview', path: '/hjalpmedelsnav/overview', component: Overview }]

export const plugin: HawtioPlugin = () => {
  pages.forEach((page, i) => hawtio.addPlugin({ ...page, order: -100 + i, isActive: async () => true }))
}
