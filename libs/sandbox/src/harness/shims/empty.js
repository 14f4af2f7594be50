// Stand-in for Node built-ins that a bundled dependency names but never needs in the sandbox.
module.exports = {};
