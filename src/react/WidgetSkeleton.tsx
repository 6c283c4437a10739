import { Skeleton, uiCss, useStyles } from '../ui';
import { WIDGET_MIN_HEIGHT, type WidgetName } from '../widgets/sizes';

/** A widget's loading placeholder: its real size, announced as "Loading the …". */
export function WidgetSkeleton({ name, label }: { name: WidgetName; label: string }) {
  useStyles(uiCss);
  return (
    <div className="teppan-root">
      <Skeleton height={WIDGET_MIN_HEIGHT[name]} label={`Loading the ${label}`} />
    </div>
  );
}
