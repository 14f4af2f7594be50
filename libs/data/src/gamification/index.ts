export * from './record-submit-outcome';
