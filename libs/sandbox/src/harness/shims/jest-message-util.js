// expect's toThrow matchers print the thrown error's stack through jest-message-util, which reads
// source files from disk to draw code frames. Inside the sandbox the harness formats stacks itself
// (learner frames only), so these return the message alone.
function separateMessageFromStack(content) {
  const text = String(content);
  const at = text.search(/\n\s+at /);
  return at === -1 ? { message: text, stack: '' } : { message: text.slice(0, at), stack: '' };
}
function formatStackTrace() {
  return '';
}
function formatExecError(error) {
  return error && error.message ? String(error.message) : String(error);
}
module.exports = { separateMessageFromStack, formatStackTrace, formatExecError };
