// Entry of the gadget bundle (cb-gadget.js, an IIFE exposing window.CallbackGadget).
// gadget.xml calls CallbackGadget.install({ cmUrl, root }) and the adapter boots on hub connect.
import './components/cb-gadget/cb-gadget.ts';

export { install, boot } from './finesse/adapter.ts';
export { CallbackApi } from './api/api-client.ts';
export { CbGadget } from './components/cb-gadget/cb-gadget.ts';
