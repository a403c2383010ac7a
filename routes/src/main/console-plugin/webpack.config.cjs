// The plugin as a Module Federation remote: Hawtio loads <url>/remoteEntry.js (the HawtioPlugin bean names the
// url, the scope and the module) and calls the exposed module's `plugin` function after login.
// The sources are compiled by tsc first (build/js); webpack only packs that JavaScript, so no loader is needed.
// React, PatternFly and @hawtio/react are the host's own copies (import: false): nothing of theirs is bundled,
// which keeps the build to seconds and the remote small, and there is one React and one Hawtio on the page.
const path = require('path')
const { ModuleFederationPlugin } = require('webpack').container

const outputPath = process.env.NAV_CONSOLE_PLUGIN_OUT || path.resolve(__dirname, 'build', 'nav-console')

// The versions Hawtio 5.2.0 (hawtio-springboot) offers in its share scope: react 18.3.1, @hawtio/react 2.2.2,
// PatternFly 6.4.0.
const fromHost = version => ({ import: false, singleton: true, requiredVersion: version })

module.exports = {
  entry: {},
  output: {
    path: outputPath,
    publicPath: 'auto',
    clean: true,
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
  },
  plugins: [
    new ModuleFederationPlugin({
      name: 'hjalpmedelsnav',
      filename: 'remoteEntry.js',
      exposes: { './plugin': './build/js/index.js' },
      shared: {
        react: fromHost('^18.2.0'),
        'react-dom': fromHost('^18.2.0'),
        '@hawtio/react': fromHost('^2.2.0'),
        '@patternfly/react-core': fromHost('^6.0.0'),
        '@patternfly/react-table': fromHost('^6.0.0'),
        '@patternfly/react-icons': fromHost('^6.0.0'),
      },
    }),
  ],
  performance: { hints: false },
}
