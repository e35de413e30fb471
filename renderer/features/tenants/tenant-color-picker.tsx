// The tenant's colour: a row of swatches (or none), so the header tells customers apart at a glance.
import { CheckIcon, ColorSwatch, Group, Input, UnstyledButton } from '@mantine/core';
import { TENANT_COLORS } from './tenant-form-model';

interface TenantColorPickerProps {
  value: string | null;
  onChange(color: string | null): void;
}

export function TenantColorPicker({ value, onChange }: TenantColorPickerProps) {
  return (
    <Input.Wrapper label="Colour" description="Shown next to the name in the header.">
      <Group gap={8} mt={6} role="radiogroup" aria-label="Colour">
        <UnstyledButton
          role="radio"
          aria-checked={value === null}
          aria-label="No colour"
          onClick={() => onChange(null)}
        >
          <ColorSwatch
            color="transparent"
            size={26}
            withShadow
            style={{ border: '1px dashed var(--mantine-color-dimmed)' }}
          >
            {value === null && <CheckIcon size={10} />}
          </ColorSwatch>
        </UnstyledButton>
        {TENANT_COLORS.map((color) => (
          <UnstyledButton
            key={color}
            role="radio"
            aria-checked={value === color}
            aria-label={`Colour ${color}`}
            onClick={() => onChange(color)}
          >
            <ColorSwatch color={color} size={26} c="white">
              {value === color && <CheckIcon size={12} />}
            </ColorSwatch>
          </UnstyledButton>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
