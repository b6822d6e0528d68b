/**
 * Builds a site the way a user does (`astro build`), with the given seeds and base path,
 * into a directory of its own. Used by the global test setup and the benchmark.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteBuild {
  seedsDir: string;
  outDir: string;
  base?: string;
  siteUrl?: string;
  /** Extra environment (e.g. SITE_TITLE). */
  env?: Record<string, string>;
}

export interface BuildOutput {
  /** Everything the build printed, for assertions on the report and diagnostics. */
  log: string;
  ms: number;
}

/**
 * The parent's environment minus what Vite/vitest put there for its own modules (BASE_URL,
 * MODE, DEV, PROD, SSR): passed on, they would override the child build's settings.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  const rest = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete rest[name];
  return rest;
}

export async function buildSite({
  seedsDir,
  outDir,
  base = '/',
  siteUrl = 'https://example.org',
  env = {},
}: SiteBuild): Promise<BuildOutput> {
  const start = performance.now();
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: {
      ...inheritedEnv(),
      SEEDS_DIR: seedsDir,
      SITE_BASE: base,
      SITE_URL: siteUrl,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`astro build failed (exit ${code}) for ${seedsDir}:\n${log.slice(-4000)}`);
  return { log, ms: Math.round(performance.now() - start) };
}
