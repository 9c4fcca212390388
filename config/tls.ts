// TLS both ways. Finesse is HTTPS-only, so the gadget, its bundle and the GraphQL websocket are
// served over TLS (the BFF's own listener, or a proxy in front of it). UCCX and Finesse usually
// present self-signed certificates: CM_TLS_CA adds their certificates to the ones Node trusts for
// every outgoing fetch of this thread (the BFF, and each job worker thread calls it too).
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';
import type { TlsSettings } from './settings.ts';

/** The key and certificate the HTTPS listener uses, or null for plain HTTP. */
export function serverTls(tls: TlsSettings): { key: Buffer; cert: Buffer } | null {
  if (!tls.certFile || !tls.keyFile) return null;
  return { key: readFileSync(tls.keyFile), cert: readFileSync(tls.certFile) };
}

/** Trusts the extra CA files (PEM, several certificates per file allowed) besides Node's own roots. */
export function trustExtraCas(caFiles: readonly string[]): void {
  if (caFiles.length === 0) return;
  const ca = [...rootCertificates, ...caFiles.map((f) => readFileSync(f, 'utf8'))];
  setGlobalDispatcher(new Agent({ connect: { ca } }));
}
