export * from './board';
export * from './board-store';
export * from './award-boards';
