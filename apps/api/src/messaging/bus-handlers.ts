import { Inject, InjectionToken, Injectable, Type } from '@nestjs/common';
import { CommandHandler, QueryHandler } from '@nestjs/cqrs';

/** A handler of the libraries: framework-free, built from its dependencies, answering one kind of message. */
interface LibraryHandler<M, R> {
  execute(message: M): Promise<R>;
}

/**
 * Puts a library's command handler on the CommandBus: Nest injects `inject` into `build`, and the bus
 * routes every `message` instance to the handler it returns. The libraries stay free of Nest; this is
 * their only binding, one line per handler in the bounded context's module.
 */
export function onCommandBus<M extends object, R>(
  message: Type<M>,
  inject: readonly InjectionToken[],
  build: (...deps: never[]) => LibraryHandler<M, R>,
): Type<LibraryHandler<M, R>> {
  const bound = boundHandler(message.name, inject, build);
  CommandHandler(message)(bound);
  return bound;
}

/** The same for a query handler and the QueryBus. */
export function onQueryBus<M extends object, R>(
  message: Type<M>,
  inject: readonly InjectionToken[],
  build: (...deps: never[]) => LibraryHandler<M, R>,
): Type<LibraryHandler<M, R>> {
  const bound = boundHandler(message.name, inject, build);
  QueryHandler(message)(bound);
  return bound;
}

function boundHandler<M, R>(name: string, inject: readonly InjectionToken[], build: (...deps: never[]) => LibraryHandler<M, R>) {
  class Bound {
    private readonly handler: LibraryHandler<M, R>;
    constructor(...deps: unknown[]) {
      this.handler = (build as (...deps: unknown[]) => LibraryHandler<M, R>)(...deps);
    }
    execute(message: M): Promise<R> {
      return this.handler.execute(message);
    }
  }
  Object.defineProperty(Bound, 'name', { value: `${name}OnBus` });
  inject.forEach((token, index) => Inject(token)(Bound, undefined, index));
  Injectable()(Bound);
  return Bound;
}
