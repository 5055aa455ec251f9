import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/access.decorator';
import { AppConfig } from '../config/app-config';
import { repoRoot } from '../paths';
import { GRAPHQL_PATH } from '../graphql/graphql-path';

/** Files served from node_modules: the page works offline, with no CDN. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sąsiad · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/app.js"></script>
</body>
</html>`;

const APP = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '${GRAPHQL_PATH}' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: '{ __typename }' })
  );
})();`;

/** A local GraphiQL page for development; 404 when GRAPHIQL is off (always in production). */
@Controller('graphiql')
export class GraphiqlController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  page(@Res() reply: FastifyReply) {
    this.ensureEnabled();
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'Content-Security-Policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      )
      .send(PAGE);
  }

  @Get('assets/:name')
  @Public()
  asset(@Param('name') name: string, @Res() reply: FastifyReply) {
    this.ensureEnabled();
    if (name === 'app.js') return reply.type('text/javascript; charset=utf-8').send(APP);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException();
    return reply
      .type(asset.type)
      .header('Cache-Control', 'public, max-age=86400')
      .send(createReadStream(join(repoRoot(), 'node_modules', asset.file)));
  }

  private ensureEnabled() {
    if (!this.config.env.GRAPHIQL) throw new NotFoundException();
  }
}
