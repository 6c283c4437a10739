import { Skeleton, uiCss, useStyles } from '../ui';
import { screenMinHeight } from '../widgets/screens';
import type { WidgetSpec } from '../widgets/specs';
import { useSharedMessages } from '../widgets/useMessages';

/**
 * A widget's loading placeholder: its real size (of the first screen it will show), announced as "Loading the …"
 * in the widget's language (`locale`: its prop or attribute) once those words are here, English until then.
 */
export function WidgetSkeleton({ spec, screen = '', locale }: { spec: WidgetSpec; screen?: string; locale?: string | undefined }) {
  useStyles(uiCss);
  const { t, word, locale: speaking } = useSharedMessages(locale);
  // In English, the spec's own label (the loader's words too); another language names the widget from its catalog.
  const widget = (speaking.language !== 'en' && word(`widget.${spec.name}`)) || spec.label;
  return (
    <div className="teppan-root">
      <Skeleton height={screenMinHeight(spec, screen)} label={t('loading', { widget })} />
    </div>
  );
}
