export * from './Button';
export * from './ErrorNotice';
export * from './Field';
export * from './Skeleton';
export * from './Stepper';
export * from './StyleRoot';
export * from './styles';
export { default as uiCss } from './ui.css?inline';
export * from './useStyles';
