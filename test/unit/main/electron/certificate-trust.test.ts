import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Certificate, Request, Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateTrust } from '../../../../main/electron/certificate-trust';
import { makeTestCertificates, TEST_CA_NAME, type TestCertificates } from '../../../fakes/test-ca';

type VerifyProc = (request: Request, callback: (result: number) => void) => void;

let dir: string;
let company: TestCertificates;
let other: TestCertificates;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'element-auth-trust-'));
  company = makeTestCertificates(path.join(dir, '.'), 'platform.test');
  const otherDir = mkdtempSync(path.join(dir, 'other-'));
  other = makeTestCertificates(otherDir, 'platform.test');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The chain Chromium hands the verify proc: the leaf, issued by the root. */
function chromiumRequest(errorCode: number): Request {
  const root = { data: readFileSync(company.caFile, 'utf8'), issuerName: TEST_CA_NAME } as Certificate;
  const leaf = { data: company.cert, issuerName: TEST_CA_NAME, issuerCert: root } as Certificate;
  return { hostname: 'platform.test', certificate: leaf, errorCode } as Request;
}

function installed(trust: CertificateTrust): (request: Request) => number {
  let proc: VerifyProc | undefined;
  trust.install({ setCertificateVerifyProc: (given: VerifyProc) => (proc = given) } as unknown as Session);
  return (request) => {
    let verdict = NaN;
    proc?.(request, (result) => (verdict = result));
    return verdict;
  };
}

describe('CertificateTrust', () => {
  it("keeps Chromium's verdict and remembers who issued a rejected certificate", () => {
    const trust = new CertificateTrust();
    const verify = installed(trust);
    expect(verify(chromiumRequest(0))).toBe(-3);
    expect(trust.issuerFor('platform.test')).toBeUndefined();
    expect(verify(chromiumRequest(-202))).toBe(-3);
    expect(trust.issuerFor('platform.test')).toBe(TEST_CA_NAME);
  });

  it('trusts a chain that ends at an extra root from the settings, and only that one', () => {
    const trust = new CertificateTrust();
    const verify = installed(trust);
    trust.setExtraRoots([readFileSync(other.caFile, 'utf8')]);
    expect(verify(chromiumRequest(-202))).toBe(-3);
    trust.setExtraRoots([readFileSync(company.caFile, 'utf8')]);
    expect(verify(chromiumRequest(-202))).toBe(0);
    // Another certificate error (a wrong name, say) is never waved through by an extra root.
    expect(verify(chromiumRequest(-200))).toBe(-3);
  });
});
