import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { HttpTelemetry } from '../http-telemetry';

/**
 * Runs each route handler inside its request's HTTP span, so the command, append and read spans
 * started in it become its children. (The span itself is opened by a Fastify hook, which sees
 * every request, 404s included; the handler runs later, after body parsing, outside that hook.)
 */
@Injectable()
export class TracingInterceptor implements NestInterceptor {
  constructor(private readonly http: HttpTelemetry) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = ctx.getType() === 'http' ? this.http.spanOf(ctx.switchToHttp().getRequest<FastifyRequest>()) : undefined;
    if (span === undefined) return next.handle();
    const active = trace.setSpan(context.active(), span);
    return new Observable((subscriber) => context.with(active, () => next.handle().subscribe(subscriber)));
  }
}
