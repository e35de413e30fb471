// axios, loaded on the first request rather than at start: its module reaches for Node's fetch, which
// costs a command that never calls the platform (tenant list, --help) a good part of its start-up.
import type { AxiosError, AxiosStatic } from 'axios';

let loading: Promise<AxiosStatic> | undefined;

/** The axios module, imported once. */
export function loadAxios(): Promise<AxiosStatic> {
  loading ??= import('axios').then((module) => module.default);
  return loading;
}

/** axios' own test (an object flagged isAxiosError), usable before axios is loaded. */
export function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as AxiosError).isAxiosError === true;
}
