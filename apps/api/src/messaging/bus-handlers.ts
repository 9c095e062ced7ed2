import { Inject, InjectionToken, Injectable, Type } from '@nestjs/common';
import { CommandHandler, QueryHandler } from '@nestjs/cqrs';

/** A handler of the libraries: framework-free, built from its dependencies, answering one kind of message. */
interface LibraryHandler<M, R> {
  execute(message: M): Promise<R>;
}

type Build<M, R> = (...deps: never[]) => LibraryHandler<M, R>;

/**
 * Puts a library's command handler on the CommandBus: Nest injects `inject` into `build`, and the bus
 * routes every `message` instance to the handler it returns. The libraries stay free of Nest; this is
 * their only binding, one line per handler in the bounded context's module.
 */
export const onCommandBus = <M extends object, R>(message: Type<M>, inject: readonly InjectionToken[], build: Build<M, R>) =>
  bound(CommandHandler(message), message, inject, build);

/** The same for a query handler and the QueryBus. */
export const onQueryBus = <M extends object, R>(message: Type<M>, inject: readonly InjectionToken[], build: Build<M, R>) =>
  bound(QueryHandler(message), message, inject, build);

function bound<M, R>(
  onBus: ClassDecorator,
  message: Type<M>,
  inject: readonly InjectionToken[],
  build: Build<M, R>,
): Type<LibraryHandler<M, R>> {
  class Bound {
    private readonly handler: LibraryHandler<M, R>;
    constructor(...deps: unknown[]) {
      this.handler = (build as (...deps: unknown[]) => LibraryHandler<M, R>)(...deps);
    }
    execute(payload: M): Promise<R> {
      return this.handler.execute(payload);
    }
  }
  Object.defineProperty(Bound, 'name', { value: `${message.name}OnBus` });
  inject.forEach((token, index) => Inject(token)(Bound, undefined, index));
  Injectable()(Bound);
  onBus(Bound);
  return Bound;
}
