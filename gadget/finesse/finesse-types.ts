// The slice of Cisco's finesse.js and of the OpenSocial gadgets API the adapter uses.

export interface FinesseConfig {
  id: string;
  /** base64("id:password") under non-SSO. */
  authorization?: string;
  /** The SSO access token. */
  authToken?: string | null;
  systemAuthMode?: string;
  host?: string;
  scheme?: string;
  teamId?: string;
  teamName?: string;
  extension?: string;
  locale?: string;
}

export interface FinesseDialog {
  getId(): string;
  getMediaProperties(): Record<string, unknown>;
  getFromAddress(): string;
}

export interface FinesseDialogs {
  getCollection(): Record<string, FinesseDialog>;
}

export interface FinesseUser {
  getId(): string;
  getFirstName(): string;
  getLastName(): string;
  getExtension(): string;
  getTeamId(): string;
  getTeamName(): string;
  hasSupervisorRole(): boolean;
  getDialogs(handlers: {
    onCollectionAdd?: (d: FinesseDialog) => void;
    onCollectionDelete?: (d: FinesseDialog) => void;
    onLoad?: (dialogs: FinesseDialogs) => void;
  }): FinesseDialogs;
}

/** finesse.containerservices: the gadget's link to its desktop container (tabs, titles). */
export interface FinesseContainerServices {
  addHandler(topic: string, handler: (data?: unknown) => void): void;
  /** Asks the container to announce the active tab (in case the gadget's tab is already active). */
  makeActiveTabReq?(): void;
}

export interface FinesseGlobal {
  gadget: { Config: FinesseConfig };
  /** Optional in the slice: the adapter works without it (e.g. an older container). */
  containerservices?: {
    ContainerServices: { init(): FinesseContainerServices; Topics: { ACTIVE_TAB: string }; makeActiveTabReq?(): void };
  };
  clientservices: { ClientServices: { init(config: FinesseConfig, isGadget?: boolean): void } };
  restservices: {
    User: new (options: { id: string; onLoad?: (u: FinesseUser) => void; onChange?: (u: FinesseUser) => void; onError?: (e: unknown) => void }) => FinesseUser;
  };
}

export interface GadgetsGlobal {
  HubSettings: { onConnect: (() => void) | null };
  window: { adjustHeight(height?: number): void; setTitle?(title: string): void };
  loadingindicator?: { dismiss(): void };
}
