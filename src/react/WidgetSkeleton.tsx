import { useContext } from 'react';
import { pageEnvironment, resolveLocale } from '../core';
import { TeppanContext } from '../query';
import { Skeleton, uiCss, useStyles } from '../ui';
import { screenMinHeight } from '../widgets/screens';
import type { WidgetSpec } from '../widgets/specs';
import { shellMessages } from './messages';

/**
 * A widget's loading placeholder: its real size (of the first screen it will show), announced as "Loading …" in
 * the widget's language (its `locale`, else the provider's, else the page's).
 */
export function WidgetSkeleton({ spec, screen = '', locale }: { spec: WidgetSpec; screen?: string; locale?: string | undefined }) {
  useStyles(uiCss);
  const configured = useContext(TeppanContext)?.locale;
  const resolved = resolveLocale([locale, configured], pageEnvironment());
  return (
    <div className="teppan-root" lang={resolved.tag}>
      <Skeleton height={screenMinHeight(spec, screen)} label={shellMessages(resolved)('loading', { label: spec.label[resolved.language] })} />
    </div>
  );
}
