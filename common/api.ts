// createApi(transport): the object the renderer sees as window.elementAuth, grouped by domain
// and typed from the contract. The same function runs over ipcRenderer and the e2e test binding.
import {
  channels,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type Result,
} from './contract';

export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
type MethodOf<N, D extends string> = N extends `${D}.${infer M}` ? M : never;
type Call<N extends ChannelName> =
  undefined extends ChannelInput<N>
    ? (input?: ChannelInput<N>) => Promise<Result<ChannelOutput<N>>>
    : (input: ChannelInput<N>) => Promise<Result<ChannelOutput<N>>>;

export type DomainApi = {
  [D in DomainOf<ChannelName>]: { [N in ChannelName as MethodOf<N, D>]: Call<N> };
};

export interface EventApi {
  /** Subscribes to a push event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): DomainApi & EventApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const [domain = '', method = ''] = name.split('.');
    (domains[domain] ??= {})[method] = (input?: unknown) => transport.invoke(name, input);
  }
  const on: EventApi['on'] = (event, listener) =>
    transport.subscribe(event, (payload) => listener(payload as never));
  return { ...(domains as unknown as DomainApi), on };
}

export type ElementAuthApi = ReturnType<typeof createApi>;
