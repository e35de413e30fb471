// Applies the network settings to the session: the system's proxy (PAC included), none, or a manual
// proxy with its login from the keychain; and the extra CA roots the certificate check trusts.
import { app, type Session } from 'electron';
import type { EffectiveNetwork, NetworkTarget } from '../services/settings/network-settings';
import type { CertificateTrust } from './certificate-trust';

export function electronNetworkTarget(session: Session, trust: CertificateTrust): NetworkTarget {
  let credentials: EffectiveNetwork['credentials'] = null;
  // Only the proxy's own login challenge is answered, and only with the manual proxy's credentials.
  app.on('login', (event, _webContents, _details, authInfo, callback) => {
    if (!authInfo.isProxy || !credentials) return;
    event.preventDefault();
    callback(credentials.username, credentials.password);
  });
  return {
    async apply(network) {
      credentials = network.credentials;
      trust.setExtraRoots(network.extraCaCertificates);
      // The network service caches verdicts per proc: installing it again makes a new root count at once.
      trust.install(session);
      if (network.proxyMode === 'manual' && network.proxy) {
        await session.setProxy({
          mode: 'fixed_servers',
          proxyRules: `${network.proxy.protocol}//${network.proxy.host}`,
          proxyBypassRules: '<local>',
        });
      } else {
        await session.setProxy({ mode: network.proxyMode === 'none' ? 'direct' : 'system' });
      }
      await session.closeAllConnections();
    },
  };
}
