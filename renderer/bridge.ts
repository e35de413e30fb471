// The renderer's only door to main: window.elementAuth, typed from createApi. Stores call it
// through stores/run-action, which turns every answer into a value or a plain-sentence error.
import type { ElementAuthApi } from '../common/api';

declare global {
  interface Window {
    elementAuth: ElementAuthApi;
  }
}

export const bridge = (): ElementAuthApi => window.elementAuth;
