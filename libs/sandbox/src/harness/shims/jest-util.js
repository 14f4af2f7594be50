// The three jest-util helpers expect and jest-mock use. The real package pulls in graceful-fs,
// picomatch and ci-info, which cost init time and touch Node built-ins the isolate does not have.
class ErrorWithStack extends Error {
  constructor(message, callsite, stackLimit) {
    super(message);
    if (typeof Error.captureStackTrace === 'function' && callsite) {
      Error.captureStackTrace(this, callsite);
    }
    void stackLimit;
  }
}
function isPromise(candidate) {
  return candidate != null && (typeof candidate === 'object' || typeof candidate === 'function') && typeof candidate.then === 'function';
}
function pluralize(word, count) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
module.exports = { ErrorWithStack, isPromise, pluralize };
