/**
 * Everything `--peers` installs into tools/bench/.peers with plain npm: the three generators at
 * the versions the issue compares against (the newest that run on Node 20), their plugins for
 * types + fetch client + react-query hooks + MSW mocks, and the runtime packages their output
 * imports (so its `tsc --noEmit` resolves). Kubb's MSW and faker plugins stop at 4.37.12.
 */
export const PEER_PACKAGES: Readonly<Record<string, string>> = {
  orval: '7.13.2',
  '@hey-api/openapi-ts': '0.95.0',
  '@kubb/cli': '4.39.3',
  '@kubb/core': '4.39.3',
  '@kubb/plugin-oas': '4.39.3',
  '@kubb/plugin-ts': '4.39.3',
  '@kubb/plugin-client': '4.39.3',
  '@kubb/plugin-react-query': '4.39.3',
  '@kubb/plugin-msw': '4.37.12',
  '@kubb/plugin-faker': '4.37.12',
  '@kubb/react-fabric': '0.16.1',
  '@kubb/fabric-core': '0.16.1',
  '@faker-js/faker': '10.6.0',
  '@tanstack/react-query': '5.108.4',
  msw: '2.15.0',
  react: '19.3.1',
  '@types/react': '19.3.3',
  typescript: '5.9.3',
};
