import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ConsoleAsset, loadConsoleAssets } from './console-assets';
import { PublicRoute } from '../auth/route-access.decorator';

/**
 * Nothing from outside: scripts, styles and requests from this origin only, no frames, no forms
 * posted anywhere. The console works offline on the internal network.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The auditor's console at /console: a static shell, free to load (it holds no data), whose
 * script reads the audit and history routes with the bearer token the auditor pastes, so those
 * routes keep their own scope check (`audit:read`). A browser navigation cannot carry that header,
 * which is why the data never comes with the page.
 */
@ApiExcludeController()
// The page holds no data: its script reads the audit:read routes with the token the auditor pastes in.
@PublicRoute()
@Controller('console')
export class ConsoleController {
  private readonly assets = loadConsoleAssets();

  @Get()
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    return this.send(reply, this.assets.page);
  }

  @Get('console.js')
  script(@Res({ passthrough: true }) reply: FastifyReply): string {
    return this.send(reply, this.assets.script);
  }

  @Get('console.css')
  styles(@Res({ passthrough: true }) reply: FastifyReply): string {
    return this.send(reply, this.assets.styles);
  }

  private send(reply: FastifyReply, asset: ConsoleAsset): string {
    void reply
      .header('Content-Type', asset.contentType)
      .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', 'no-cache');
    return asset.body;
  }
}
