import { Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A tooltip that also works on a disabled control (which gets no mouse events): the control is
 * wrapped in a span that takes the hover. Without a label the control shows as it is.
 */
export function RefusalTooltip({ label, children }: { label: string; children: ReactNode }) {
  if (!label) return <>{children}</>;
  return (
    <Tooltip label={label} withArrow multiline maw={280}>
      <span style={{ display: 'inline-block' }} data-testid="refusal-reason" data-reason={label}>
        {children}
      </span>
    </Tooltip>
  );
}
