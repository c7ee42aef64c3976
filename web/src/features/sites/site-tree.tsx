import { Badge, Box, Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSiteTree, type SiteNode } from './build-site-tree';
import type { SiteTreeItem } from './sites.api';

interface SiteTreeProps {
  sites: readonly SiteTreeItem[];
  /** The buttons at the end of a site's row; none for a read-only tree. */
  renderActions?: (site: SiteTreeItem) => ReactNode;
}

function SiteBranch({ nodes, renderActions, level }: { nodes: SiteNode<SiteTreeItem>[]; renderActions?: SiteTreeProps['renderActions']; level: number }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" m={0} p={0} pl={level === 0 ? 0 : 'lg'} style={{ listStyle: 'none' }} data-testid={level === 0 ? 'sites-tree' : undefined}>
      {nodes.map((node) => (
        <li key={node.site.id} data-testid="site-node" data-site-id={node.site.id} data-site-name={node.site.name}>
          <Group
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            py={6}
            px="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)', borderLeft: level > 0 ? '2px solid var(--mantine-color-default-border)' : undefined }}
          >
            {/* A long name is cut with "…" (the whole of it in its title); the pin and the badge keep their size. */}
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconMapPin size={18} stroke={1.6} color="var(--mantine-color-indigo-6)" style={{ flexShrink: 0 }} aria-hidden />
              <Text size="sm" fw={level === 0 ? 600 : 500} truncate title={node.site.name} style={{ minWidth: 0 }} data-testid="site-name">
                {node.site.name}
              </Text>
              {node.site.accessible ? null : (
                <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0, minWidth: 'max-content' }} data-testid="site-no-access">
                  {t('sites.noAccess')}
                </Badge>
              )}
            </Group>
            {renderActions ? (
              <Group gap={4} wrap="nowrap">
                {renderActions(node.site)}
              </Group>
            ) : null}
          </Group>
          {node.children.length > 0 ? <SiteBranch nodes={node.children} renderActions={renderActions} level={level + 1} /> : null}
        </li>
      ))}
    </Box>
  );
}

/** An organization's sites as a nested list, sub-sites under their parents; each row may carry actions. */
export function SiteTree({ sites, renderActions }: SiteTreeProps) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildSiteTree(sites), [sites]);
  if (tree.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="sites-empty">
        {t('sites.empty')}
      </Text>
    );
  }
  return <SiteBranch nodes={tree} renderActions={renderActions} level={0} />;
}
