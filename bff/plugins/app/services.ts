// The services every route uses, as one decorator: database, configuration cache, change feed, clock.
import fp from 'fastify-plugin';
import type { Config } from '../../../config/settings.ts';
import { findCallbackById } from '../../../db/queries/callbacks.ts';
import { CallbackEvents, ConfigCache, type ServiceContext } from '../../../db/service-context.ts';
import { ChangeFeed } from '../../services/change-feed.ts';

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
  // Changes made by job workers and other instances reach this instance's live views too.
  const feed = new ChangeFeed(app.db, services.events);
  app.addHook('onReady', async () => feed.start(opts.config.changeFeedMs));
  app.addHook('onClose', async () => feed.stop());
}, { name: 'services', dependencies: ['database'] });
