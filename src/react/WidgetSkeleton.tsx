import { Skeleton, uiCss, useStyles } from '../ui';
import { screenMinHeight } from '../widgets/screens';
import type { WidgetSpec } from '../widgets/specs';

/** A widget's loading placeholder: its real size (of the first screen it will show), announced as "Loading the …". */
export function WidgetSkeleton({ spec, screen = '' }: { spec: WidgetSpec; screen?: string }) {
  useStyles(uiCss);
  return (
    <div className="teppan-root">
      <Skeleton height={screenMinHeight(spec, screen)} label={`Loading the ${spec.label}`} />
    </div>
  );
}
