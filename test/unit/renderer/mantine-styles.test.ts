// renderer/mantine-styles.ts imports the stylesheet of every Mantine component the renderer uses
// (and of the parts those components are drawn with), so none of them ever shows unstyled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const STYLES = join(ROOT, 'node_modules/@mantine/core/styles');
const imported = readFileSync(join(ROOT, 'renderer/mantine-styles.ts'), 'utf8');

/** Parts a component is drawn with, whose stylesheets it needs too. */
const PARTS: Record<string, string[]> = {
  TextInput: ['Input'],
  PasswordInput: ['Input'],
  Textarea: ['Input'],
  NumberInput: ['Input'],
  Select: ['Input', 'Combobox', 'Popover', 'ScrollArea'],
  Autocomplete: ['Input', 'Combobox', 'Popover', 'ScrollArea'],
  MultiSelect: ['Input', 'Combobox', 'Popover', 'ScrollArea', 'Pill', 'PillsInput'],
  TagsInput: ['Input', 'Combobox', 'Popover', 'ScrollArea', 'Pill', 'PillsInput'],
  Checkbox: ['InlineInput', 'CheckboxIndicator'],
  Radio: ['InlineInput', 'RadioIndicator'],
  Switch: ['InlineInput'],
  Modal: ['ModalBase', 'Overlay', 'CloseButton', 'Paper'],
  Drawer: ['ModalBase', 'Overlay', 'CloseButton', 'Paper'],
  Menu: ['Popover'],
  Alert: ['CloseButton'],
  Button: ['UnstyledButton', 'Loader'],
  ActionIcon: ['UnstyledButton', 'Loader'],
  NavLink: ['UnstyledButton'],
  SegmentedControl: ['FloatingIndicator'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every value (not type) the renderer imports from @mantine/core. */
function usedComponents(): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'renderer'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'@mantine\/core'/g)) {
      for (const name of (match[1] ?? '').split(',').map((part) => part.trim())) {
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  }
  return [...names];
}

describe('mantine-styles', () => {
  it('finds the components the renderer uses', () => {
    expect(usedComponents()).toEqual(expect.arrayContaining(['Button', 'Select', 'Drawer']));
  });

  it('imports the stylesheet of each one and of its parts', () => {
    const needed = usedComponents().flatMap((name) => [name, ...(PARTS[name] ?? [])]);
    const missing = [...new Set(needed)].filter(
      (name) => existsSync(join(STYLES, `${name}.css`)) && !imported.includes(`styles/${name}.css'`),
    );
    expect(missing).toEqual([]);
  });

  it('imports only stylesheets that exist', () => {
    const files = [...imported.matchAll(/'@mantine\/core\/styles\/([^']+)'/g)].map((match) => match[1] ?? '');
    expect(files.filter((file) => !existsSync(join(STYLES, file)))).toEqual([]);
  });
});
