import { Skeleton, uiCss, useStyles } from '../ui';
import { minHeight, type WidgetSpec } from '../widgets/specs';

/** A widget's loading placeholder: its real size, announced as "Loading the …". */
export function WidgetSkeleton({ spec }: { spec: WidgetSpec }) {
  useStyles(uiCss);
  return (
    <div className="teppan-root">
      <Skeleton height={minHeight(spec)} label={`Loading the ${spec.label}`} />
    </div>
  );
}
