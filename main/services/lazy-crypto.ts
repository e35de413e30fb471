// What the services take from node:crypto, loaded on first use: node:crypto brings Node's streams with
// it (about 4 ms of every start), and a command that only reads, like `tenant list`, never needs it.
import type { X509Certificate } from 'node:crypto';

const nodeCrypto = () => process.getBuiltinModule('node:crypto');

export const randomBytes = (size: number): Buffer => nodeCrypto().randomBytes(size);
export const randomUUID = (): string => nodeCrypto().randomUUID();
export const sha256Hex = (text: string): string =>
  nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex');
export const timingSafeEqual = (a: Buffer, b: Buffer): boolean => nodeCrypto().timingSafeEqual(a, b);
export const x509Certificate = (pem: string): X509Certificate => new (nodeCrypto().X509Certificate)(pem);
