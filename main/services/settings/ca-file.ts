// Reads the extra root certificates a user points the app at (the company's TLS-inspection root):
// every PEM certificate in the file, or the sentence that says why the file cannot be used.
import { x509Certificate } from '../lazy-crypto';
import { readFile } from 'node:fs/promises';
import { AppFailure } from '../errors';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM certificates in `file`; invalid_input when it cannot be read or holds none. */
export async function readCaFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppFailure('invalid_input', `Could not read the certificate file ${file} (${code}).`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  const certificates = blocks.filter((block) => {
    try {
      return x509Certificate(block).ca;
    } catch {
      return false;
    }
  });
  if (certificates.length === 0) {
    throw new AppFailure(
      'invalid_input',
      `${file} holds no CA certificate in PEM form (-----BEGIN CERTIFICATE-----). Export the root certificate as PEM (Base-64).`,
    );
  }
  return certificates;
}
