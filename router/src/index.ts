export {
  createRouter,
  defaultQueryLimits,
  type QueryLimits,
  type RouterOptions,
  type RunningRouter,
} from './createRouter';
export type { RouterContext } from './context';
export { WEB_CONTENT_SECURITY_POLICY, type WebAppOptions } from './web';
