// The tenant's colour: a row of swatches (or none), so the header tells customers apart at a glance.
// One Tab stop, as a radio group: arrow keys move and choose, each colour has a name, not a hex code.
import { useRef, type KeyboardEvent } from 'react';
import { CheckIcon, ColorSwatch, Group, Input, UnstyledButton } from '@mantine/core';
import { TENANT_COLORS } from './tenant-form-model';

interface TenantColorPickerProps {
  value: string | null;
  onChange(color: string | null): void;
}

const CHOICES: { value: string | null; name: string }[] = [
  { value: null, name: 'No colour' },
  ...TENANT_COLORS,
];

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function TenantColorPicker({ value, onChange }: TenantColorPickerProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const checked = Math.max(
    0,
    CHOICES.findIndex((choice) => choice.value === value),
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const last = CHOICES.length - 1;
    const to =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? last
          : STEP[event.key] === undefined
            ? null
            : checked + STEP[event.key]!;
    if (to === null) return;
    event.preventDefault();
    const next = (to + CHOICES.length) % CHOICES.length;
    onChange(CHOICES[next]!.value);
    buttons.current[next]?.focus();
  };
  return (
    <Input.Wrapper
      label="Colour"
      description="Shown next to the name in the header."
      id="tenant-colour"
      labelElement="div"
    >
      <Group
        gap={8}
        mt={6}
        role="radiogroup"
        aria-labelledby="tenant-colour-label"
        aria-describedby="tenant-colour-description"
        onKeyDown={onKeyDown}
      >
        {CHOICES.map((choice, index) => (
          <UnstyledButton
            key={choice.name}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            role="radio"
            aria-checked={index === checked}
            aria-label={choice.name}
            title={choice.name}
            tabIndex={index === checked ? 0 : -1}
            onClick={() => onChange(choice.value)}
          >
            {choice.value === null ? (
              <ColorSwatch
                color="transparent"
                size={26}
                withShadow
                style={{ border: '1px dashed var(--mantine-color-dimmed)' }}
              >
                {value === null && <CheckIcon size={10} />}
              </ColorSwatch>
            ) : (
              <ColorSwatch color={choice.value} size={26} c="white">
                {index === checked && <CheckIcon size={12} />}
              </ColorSwatch>
            )}
          </UnstyledButton>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
