// The services every route uses, as one decorator: database, configuration cache, change feed, clock.
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { findCallbackById } from '../../../db/queries/callbacks.ts';
import { CallbackEvents, ConfigCache, type ServiceContext } from '../../services/context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: ServiceContext;
  }
}

export default fp<{ config: Config; now?: () => Date }>(async (app, opts) => {
  const services: ServiceContext = {
    db: app.db,
    config: new ConfigCache(app.db),
    events: new CallbackEvents((id) => findCallbackById(app.db, id)),
    now: opts.now ?? (() => new Date()),
  };
  app.decorate('services', services);
}, { name: 'services', dependencies: ['database'] });
