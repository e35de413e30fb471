// The app frame: a skip link, header with the product and the active tenant, navigation between
// screens (focus goes to the new screen's h1), main's notices, the live region, and app.info. Laid
// out by app-frame.css in plain elements drawn as Mantine's (AppShell, NavLink, ThemeIcon, Text): the
// frame is on every first screen, and Mantine's components were the heaviest part of its first render.
import { useRef, type MouseEvent, type ReactNode } from 'react';
import { Alert } from '@mantine/core';
import {
  IconHeartbeat,
  IconHistory,
  IconKey,
  IconListDetails,
  IconSettings,
  IconShieldLock,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useAppStore, type Screen } from '../../stores/app';
import { Announcer } from './announcer';
import { focusFirst, useFocusOnChange } from './focus';
import './theme-icon.css';
import './app-frame.css';

interface NavEntry {
  screen: Screen;
  label: string;
  hint: string;
  icon: ReactNode;
}

/** Each item is a button named by its label; its hint is the button's description, not its name. */
const NAV: NavEntry[] = [
  { screen: 'authenticate', label: 'Authenticate', hint: 'Create an instance', icon: <IconKey size={18} /> },
  {
    screen: 'instances',
    label: 'Instances',
    hint: 'List, test, export',
    icon: <IconListDetails size={18} />,
  },
  { screen: 'health', label: 'Health', hint: 'Broken, across tenants', icon: <IconHeartbeat size={18} /> },
  { screen: 'tenants', label: 'Tenants', hint: 'Customers and secrets', icon: <IconUsersGroup size={18} /> },
  { screen: 'activity', label: 'Activity', hint: 'Who did what, when', icon: <IconHistory size={18} /> },
  { screen: 'settings', label: 'Settings', hint: 'Proxy and certificates', icon: <IconSettings size={18} /> },
];

/** One navigation item: its icon, its label, and its hint as the button's description. */
function NavItem({ item, current, onClick }: { item: NavEntry; current: boolean; onClick(): void }) {
  const hint = `nav-hint-${item.screen}`;
  return (
    <button
      type="button"
      className="ea-nav-item mantine-focus-auto"
      aria-describedby={hint}
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
    >
      <span className="ea-nav-item-icon">{item.icon}</span>
      <span className="ea-nav-item-body">
        <span className="ea-nav-item-label">{item.label}</span>
        <span className="ea-nav-item-hint" id={hint} aria-hidden="true">
          {item.hint}
        </span>
      </span>
    </button>
  );
}

interface AppFrameProps {
  tenantSlot: ReactNode;
  children: ReactNode;
}

export function AppFrame({ tenantSlot, children }: AppFrameProps) {
  const { info, infoError, screen, go, notices, dismissNotice } = useAppStore();
  const main = useRef<HTMLElement>(null);
  useFocusOnChange(main, screen, 'h1');
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    if (!focusFirst(main.current, 'h1')) main.current?.focus();
  };
  return (
    <div className="ea-frame">
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      {/* right-scroll-bar-position: react-remove-scroll (an open dialog) keeps it clear of the scrollbar. */}
      <header className="ea-frame-header right-scroll-bar-position">
        <div className="ea-frame-header-row">
          <div className="ea-frame-brand">
            <span className="ea-theme-icon ea-frame-logo">
              <IconShieldLock size={20} />
            </span>
            <p className="ea-frame-product">Element Authenticator</p>
          </div>
          {tenantSlot}
        </div>
      </header>
      <nav className="ea-frame-navbar" aria-label="Main navigation">
        <div className="ea-frame-navbar-items">
          {NAV.map((item) => (
            <NavItem
              key={item.screen}
              item={item}
              current={screen === item.screen}
              onClick={() => go(item.screen)}
            />
          ))}
        </div>
        <p className="ea-frame-info" data-testid="app-info">
          {info
            ? `${info.name} ${info.version} · ${info.platform}`
            : infoError
              ? infoError.message
              : 'Connecting…'}
        </p>
      </nav>
      <main className="ea-frame-main" id="main-content" ref={main} tabIndex={-1}>
        <div className="ea-frame-screen">
          {notices.map((notice, index) => (
            <Alert
              key={`${index}-${notice.message}`}
              color={notice.level === 'error' ? 'red' : notice.level === 'warning' ? 'yellow' : 'blue'}
              withCloseButton
              onClose={() => dismissNotice(index)}
              role="alert"
            >
              {notice.message}
            </Alert>
          ))}
          {children}
        </div>
        <Announcer />
      </main>
    </div>
  );
}
