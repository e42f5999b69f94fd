export {
  createRouter,
  defaultQueryLimits,
  type QueryLimits,
  type RouterOptions,
  type RunningRouter,
} from './createRouter';
export type { RouterContext } from './context';
