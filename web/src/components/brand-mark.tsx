import { Group, Text, ThemeIcon, type MantineBreakpoint } from '@mantine/core';
import { IconBuildingArch } from '@tabler/icons-react';
import { useServiceName } from '../app/branding';

/**
 * The service's name (the vendor profile's, Atrium until named) with its mark, as shown in headers
 * and on the sign-in page. `wordFrom` shows the name only from that breakpoint up (a phone's header
 * keeps the mark alone); the name never wraps, and a long one is cut with an ellipsis.
 */
export function BrandMark({ size = 'md', wordFrom }: { size?: 'md' | 'lg'; wordFrom?: MantineBreakpoint }) {
  const large = size === 'lg';
  const service = useServiceName();
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap" style={{ minWidth: 0 }}>
      <ThemeIcon size={large ? 44 : 32} radius="md" variant="gradient" gradient={{ from: 'indigo.6', to: 'cyan.5', deg: 135 }} style={{ flexShrink: 0 }}>
        <IconBuildingArch size={large ? 26 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={800} fz={large ? 28 : 20} lts={-0.3} maw={large ? 360 : 240} truncate="end" title={service} data-testid="service-name" {...(wordFrom ? { visibleFrom: wordFrom } : {})}>
        {service}
      </Text>
    </Group>
  );
}
