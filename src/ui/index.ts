export * from './ErrorNotice';
export * from './Skeleton';
export * from './styles';
export * from './useStyles';
