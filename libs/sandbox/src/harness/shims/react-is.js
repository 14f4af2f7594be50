// No React inside the sandbox: nothing is ever a React element.
const no = () => false;
module.exports = {
  isElement: no,
  isFragment: no,
  isSuspense: no,
  isContextProvider: no,
  isContextConsumer: no,
  isForwardRef: no,
  isMemo: no,
  isLazy: no,
  isPortal: no,
  isProfiler: no,
  isStrictMode: no,
  isSuspenseList: no,
  isValidElementType: no,
};
