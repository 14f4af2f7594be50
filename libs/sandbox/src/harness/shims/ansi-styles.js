// pretty-format only colours output when asked to highlight, which the sandbox never does.
const none = { open: '', close: '' };
const styles = new Proxy({}, { get: () => none });
module.exports = styles;
module.exports.default = styles;
