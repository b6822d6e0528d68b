/** Web app manifest, so the site can be installed; every address is under the base path. */
import type { APIRoute } from 'astro';
import { url } from '../data.ts';
import { siteSettings } from '../settings.ts';

export const GET: APIRoute = () => {
  const manifest = {
    name: siteSettings.title,
    short_name: siteSettings.title.length <= 12 ? siteSettings.title : siteSettings.title.slice(0, 12).trim(),
    description: `${siteSettings.title}: research papers, topics and search, readable offline.`,
    id: url.home,
    start_url: url.home,
    scope: url.home,
    display: 'standalone',
    background_color: '#fdfdfc',
    theme_color: '#0a58b0',
    icons: [
      { src: url.asset('icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: url.asset('icon-512.png'), sizes: '512x512', type: 'image/png' },
      { src: url.asset('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: url.asset('favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
