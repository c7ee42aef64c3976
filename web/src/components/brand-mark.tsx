import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingArch } from '@tabler/icons-react';

/** The product name with its mark, as shown in headers and on the sign-in page. */
export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap">
      <ThemeIcon size={large ? 44 : 32} radius="md" variant="gradient" gradient={{ from: 'indigo.6', to: 'cyan.5', deg: 135 }}>
        <IconBuildingArch size={large ? 26 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={800} fz={large ? 28 : 20} lts={-0.3}>
        Atrium
      </Text>
    </Group>
  );
}
