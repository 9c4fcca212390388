// A Lit reactive controller for the views that follow callbacks live: when the context gives the
// host an API client (and the host is ready), it loads once and subscribes to callbackChanged;
// it unsubscribes when the host leaves the page or the client changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallbackApi } from '../api/api-client.ts';
import type { Callback } from '../api/types.ts';

export interface LiveCallbacksOptions {
  /** Extra readiness, e.g. "the session is known". */
  ready?: () => boolean;
  /** Called once per API client: load the first data. */
  load: (api: CallbackApi) => void;
  /** Called for every change the subscription delivers. */
  changed: (callback: Callback) => void;
  /** Further subscriptions to hold for the same lifetime (each returns its unsubscribe). */
  also?: Array<(api: CallbackApi) => () => void>;
}

export class LiveCallbacks implements ReactiveController {
  private boundTo: CallbackApi | undefined;
  private stops: Array<() => void> = [];

  constructor(private readonly host: ReactiveControllerHost & { api?: CallbackApi }, private readonly o: LiveCallbacksOptions) {
    host.addController(this);
  }

  hostUpdate(): void {
    const api = this.host.api;
    if (!api || api === this.boundTo || (this.o.ready && !this.o.ready())) return;
    this.unsubscribe();
    this.boundTo = api;
    this.stops = [api.onCallbackChanged((c) => this.o.changed(c)), ...(this.o.also ?? []).map((subscribe) => subscribe(api))];
    this.o.load(api);
  }

  hostDisconnected(): void {
    this.unsubscribe();
    this.boundTo = undefined;
  }

  private unsubscribe(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }
}
