// The session's certificate check: Chromium's verdict over the system trust store, plus the extra
// roots from the settings (a company's TLS-inspection root); remembers who issued a rejected certificate.
import { X509Certificate } from 'node:crypto';
import type { Certificate, Session } from 'electron';

/** Chromium's net::ERR_CERT_AUTHORITY_INVALID: the chain ends at a root the system does not trust. */
const AUTHORITY_INVALID = -202;
/** setCertificateVerifyProc's answers: 0 trust, -3 use Chromium's own verdict. */
const TRUST = 0;
const CHROMIUM_VERDICT = -3;

function chainOf(leaf: Certificate): Certificate[] {
  const chain: Certificate[] = [];
  for (
    let current: Certificate | undefined = leaf;
    current && chain.length < 10;
    current = current.issuerCert
  )
    chain.push(current);
  return chain;
}

function parsed(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

export class CertificateTrust {
  private roots: X509Certificate[] = [];
  private readonly rejectedIssuers = new Map<string, string>();

  /** Takes over the session's certificate check (at start, and again when the extra roots change). */
  install(session: Session): void {
    // Chromium's verdict stands; only an authority error whose chain ends at a root the user chose (Settings) is trusted.
    /* eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK */ session.setCertificateVerifyProc(
      (request, callback) => {
        if (request.errorCode === 0) return callback(CHROMIUM_VERDICT);
        const chain = chainOf(request.certificate);
        if (request.errorCode === AUTHORITY_INVALID && this.issuedByExtraRoot(chain)) return callback(TRUST);
        const top = chain[chain.length - 1];
        this.rejectedIssuers.set(request.hostname, top?.issuerName || request.certificate.issuerName);
        callback(CHROMIUM_VERDICT);
      },
    );
  }

  setExtraRoots(pems: readonly string[]): void {
    this.roots = pems.map(parsed).filter((root): root is X509Certificate => root !== null);
  }

  /** Who issued the certificate `hostname` last presented and Chromium rejected. */
  issuerFor(hostname: string): string | undefined {
    return this.rejectedIssuers.get(hostname);
  }

  private issuedByExtraRoot(chain: readonly Certificate[]): boolean {
    return chain.some((link) => {
      const certificate = parsed(link.data);
      if (!certificate) return false;
      return this.roots.some(
        (root) =>
          root.fingerprint256 === certificate.fingerprint256 ||
          (root.checkIssued(certificate) && certificate.verify(root.publicKey)),
      );
    });
  }
}
