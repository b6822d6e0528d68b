/**
 * A static file server for built sites, on a free loopback port, that behaves like a
 * typical static host: serves the site under its base path, `dir/` → `dir/index.html`,
 * `dir` → redirect to `dir/`, unknown paths → the site's 404 page with status 404.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile } from './host-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface RunningServer {
  /** Origin plus base path, ending in "/": where the site's home page is. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

export interface ServeOptions {
  /** Called for every file sent, with the request's path and the bytes of the body. */
  onSend?: (pathname: string, bytes: number) => void;
  /** Send the headers the site's `_headers` file gives each path, as Netlify or Cloudflare Pages would. */
  hostHeaders?: boolean;
}

export async function serveStatic(root: string, base = '/', { onSend, hostHeaders }: ServeOptions = {}): Promise<RunningServer> {
  const rules = hostHeaders ? parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')) : [];
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const send = async (status: number, file: string) => {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      for (const [name, values] of headersFor(rules, pathname)) headers[name] = values.join(', ');
      response.writeHead(status, headers);
      response.end(body);
      onSend?.(pathname, body.length);
    };
    if (!pathname.startsWith(base)) return notFound();
    const relative = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.(\/|$))+/, '');
    const path = join(root, relative);
    if (pathname.endsWith('/') && (await isFile(join(path, 'index.html')))) return send(200, join(path, 'index.html'));
    if (await isFile(path)) return send(200, path);
    if (await isFile(join(path, 'index.html'))) {
      response.writeHead(301, { Location: `${pathname}/` });
      return response.end();
    }
    return notFound();

    async function notFound() {
      const page = join(root, '404.html');
      if (await isFile(page)) return send(404, page);
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: origin + base,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser left open by a failed test keeps connections alive; close() would wait on them.
        server.closeAllConnections();
      }),
  };
}
