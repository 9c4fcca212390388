// The only module that touches Finesse (finesse.*) and the gadget container (gadgets.*).
// It boots when the hub connects, reads finesse.gadget.Config, follows the user and his dialogs,
// and feeds the root component the API client, the session and the current call (the root
// provides them to every component through @lit/context). It resizes the iframe after renders.
import { CallbackApi } from '../api/api-client.ts';
import { HttpTransport, type CredentialSource, type FinesseCredentials } from '../api/transport.ts';
import { WsSubscriptions, websocketUrl } from '../api/ws-subscriptions.ts';
import type { CurrentCall } from '../context/call-context.ts';
import type { Session } from '../context/session-context.ts';
import { localeFromFinesse } from '../i18n/i18n.ts';
import { accountNumberOf, DEFAULT_ACCOUNT_VARIABLE } from '../lib/call-defaults.ts';
import type { FinesseConfig, FinesseDialog, FinesseGlobal, FinesseUser, GadgetsGlobal } from './finesse-types.ts';

/** What the adapter feeds (the <cb-gadget> element). */
export interface GadgetRoot extends EventTarget {
  api?: CallbackApi;
  session?: Session;
  call: CurrentCall | null;
}

export interface AdapterOptions {
  /** Campaign Manager base URL, e.g. https://cm.example.com (the gadget's cmUrl preference). */
  cmUrl: string;
  root: GadgetRoot;
  /**
   * The call variable the Callback IVR script sets to the account number (gadget preference
   * accountVariable, default callVariable10); read besides BAAccountNumber.
   */
  accountVariable?: string;
  /** Where finesse / gadgets live (tests pass a fake). */
  scope?: { finesse?: FinesseGlobal; gadgets?: GadgetsGlobal };
}

/** The Authorization header towards the Campaign Manager: Bearer under SSO, else Basic. */
export function credentialsOf(config: FinesseConfig): FinesseCredentials {
  const sso = (config.systemAuthMode ?? '').toUpperCase() === 'SSO' || (!config.authorization && Boolean(config.authToken));
  return { userId: config.id, authorization: sso ? `Bearer ${config.authToken ?? ''}` : `Basic ${config.authorization ?? ''}` };
}

/**
 * Credentials read from finesse.gadget.Config at every use: under SSO the desktop refreshes the
 * access token (Cisco: at 75 % of its lifetime), so a token read once goes stale. After a 401
 * the fresher token is awaited briefly (the desktop may be mid-refresh); none → no retry.
 */
export function finesseCredentials(finesse: FinesseGlobal, opts: { waitMs?: number; pollMs?: number } = {}): CredentialSource {
  const read = () => credentialsOf(finesse.gadget.Config);
  return {
    current: read,
    refresh: async (stale) => {
      const deadline = Date.now() + (opts.waitMs ?? 2000);
      for (;;) {
        const now = read();
        if (now.authorization !== stale.authorization) return now;
        if (stale.authorization.startsWith('Basic ') || Date.now() >= deadline) return null;
        await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
      }
    },
  };
}

const str = (v: unknown): string => (v == null ? '' : String(v));

/** A Finesse dialog as the gadget's CurrentCall. */
export function callOf(dialog: FinesseDialog, accountVariable = DEFAULT_ACCOUNT_VARIABLE): CurrentCall {
  const media = dialog.getMediaProperties() ?? {};
  const variables: Record<string, string> = {};
  for (const [k, v] of Object.entries(media)) if (typeof v === 'string' && (/^callVariable\d+$/i.test(k) || k.startsWith('user.') || k.startsWith('BA'))) variables[k] = v;
  const callType = str(media.callType);
  const outbound = /OUTBOUND/i.test(callType) || Boolean(variables.BACustomerNumber);
  const fromAddress = str(dialog.getFromAddress());
  return {
    dialogId: str(dialog.getId()),
    callType,
    direction: outbound ? 'outbound' : 'inbound',
    fromAddress,
    dnis: str(media.DNIS ?? media.dialedNumber),
    variables,
    accountNumber: accountNumberOf(variables, accountVariable),
    customerNumber: (outbound && variables.BACustomerNumber) || fromAddress,
    customerName: variables.BABuddyName ?? '',
    campaign: variables.BACampaign || null,
  };
}

/** Boots the gadget now: config, client services, user, dialogs. */
export function boot({ cmUrl, root, accountVariable, scope = globalThis as AdapterOptions['scope'] }: AdapterOptions): void {
  const finesse = scope?.finesse as FinesseGlobal;
  const gadgets = scope?.gadgets as GadgetsGlobal;
  const config = finesse.gadget.Config;
  finesse.clientservices.ClientServices.init(config, false);
  const base = cmUrl.replace(/\/+$/, '');
  const credentials = finesseCredentials(finesse);
  const locale = localeFromFinesse(config.locale);
  const resize = () => gadgets.window.adjustHeight();
  root.addEventListener('cb-render', () => requestAnimationFrame(resize));
  if (typeof ResizeObserver !== 'undefined' && root instanceof Element) new ResizeObserver(resize).observe(root);

  root.session = {
    agentId: config.id,
    firstName: '',
    lastName: '',
    role: 'agent',
    teamId: config.teamId || null,
    teamName: config.teamName || null,
    extension: config.extension ?? '',
    locale,
  };
  root.api = new CallbackApi(new HttpTransport(`${base}/graphql`, credentials), new WsSubscriptions(websocketUrl(base), credentials));

  const dialogs = new Map<string, CurrentCall>();
  const showLatest = () => {
    const all = [...dialogs.values()];
    root.call = all[all.length - 1] ?? null;
  };
  const add = (d: FinesseDialog) => {
    const call = callOf(d, accountVariable);
    dialogs.set(call.dialogId, call);
    showLatest();
  };
  const remove = (d: FinesseDialog) => {
    dialogs.delete(str(d.getId()));
    showLatest();
  };
  const onUser = (user: FinesseUser) => {
    root.session = {
      ...(root.session as Session),
      firstName: user.getFirstName(),
      lastName: user.getLastName(),
      teamId: user.getTeamId() || null,
      teamName: user.getTeamName() || null,
      extension: user.getExtension(),
      role: root.session?.role === 'admin' ? 'admin' : user.hasSupervisorRole() ? 'supervisor' : 'agent',
    };
  };
  new finesse.restservices.User({
    id: config.id,
    onChange: onUser,
    onLoad: (user) => {
      onUser(user);
      user.getDialogs({
        onCollectionAdd: add,
        onCollectionDelete: remove,
        onLoad: (collection) => Object.values(collection.getCollection()).forEach(add),
      });
      gadgets.loadingindicator?.dismiss();
    },
  });
  followActiveTab(finesse, resize);
  gadgets.window.setTitle?.(locale === 'pl' ? 'Oddzwonienia' : 'Callbacks');
}

/**
 * adjustHeight measures nothing while the gadget's tab is hidden, so resize again whenever the tab
 * becomes active, as Cisco's sample gadgets do (ContainerServices ACTIVE_TAB, then
 * makeActiveTabReq in case the tab is active already).
 */
function followActiveTab(finesse: FinesseGlobal, resize: () => void): void {
  const cs = finesse.containerservices?.ContainerServices;
  if (!cs) return;
  const container = cs.init();
  container.addHandler(cs.Topics.ACTIVE_TAB, () => resize());
  if (container.makeActiveTabReq) container.makeActiveTabReq();
  else cs.makeActiveTabReq?.();
}

/** Boots when the Finesse hub connects (gadgets.HubSettings.onConnect), as Finesse gadgets do. */
export function install(options: AdapterOptions): void {
  const gadgets = (options.scope ?? (globalThis as AdapterOptions['scope']))?.gadgets;
  if (!gadgets) throw new Error('gadgets.* is missing: load the gadget inside Finesse (finesse.js)');
  gadgets.HubSettings.onConnect = () => boot(options);
}
