// The app frame: a skip link, header with the product and the active tenant, navigation between
// screens (focus goes to the new screen's h1), main's notices, the live region, and app.info. Laid
// out by app-frame.css: plain landmarks, no Mantine AppShell (a heavy part of the first screen).
import { useRef, type MouseEvent, type ReactNode } from 'react';
import { Alert, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
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
import './app-frame.css';

/** Each item is a button named by its label; its hint is the button's description, not its name. */
const NAV: { screen: Screen; label: string; hint: string; icon: ReactNode }[] = [
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
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={32} radius="md" variant="filled">
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Text fw={600} fz="lg">
              Element Authenticator
            </Text>
          </Group>
          {tenantSlot}
        </Group>
      </header>
      <nav className="ea-frame-navbar" aria-label="Main navigation">
        <div className="ea-frame-navbar-items">
          {NAV.map((item) => (
            <NavLink
              component="button"
              type="button"
              key={item.screen}
              label={item.label}
              aria-describedby={`nav-hint-${item.screen}`}
              attributes={{ description: { id: `nav-hint-${item.screen}`, 'aria-hidden': true } }}
              description={item.hint}
              leftSection={item.icon}
              active={screen === item.screen}
              onClick={() => go(item.screen)}
              aria-current={screen === item.screen ? 'page' : undefined}
              mb={4}
            />
          ))}
        </div>
        <Text size="xs" c="dimmed" data-testid="app-info">
          {info
            ? `${info.name} ${info.version} · ${info.platform}`
            : infoError
              ? infoError.message
              : 'Connecting…'}
        </Text>
      </nav>
      <main className="ea-frame-main" id="main-content" ref={main} tabIndex={-1}>
        <Stack gap="md">
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
        </Stack>
        <Announcer />
      </main>
    </div>
  );
}
