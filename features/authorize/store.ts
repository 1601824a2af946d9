import { oneAtATime } from '../../platform/one-at-a-time';
import { captureStateSchema, EMPTY_STATE, type CaptureState } from './model';

/** Where the state lives: one `storage.session` key in the extension, a plain variable in tests. */
export interface StateArea {
  get(): Promise<unknown>;
  set(value: CaptureState): Promise<void>;
}

export interface CaptureStore {
  read(): Promise<CaptureState>;
  /**
   * Read-modify-write, one at a time: several webNavigation events for one redirect arrive together and
   * must see each other's writes (that is what makes the dedupe exact). `change` returns the next state, or
   * undefined to leave storage untouched, plus a result for the caller.
   */
  update<R>(change: (state: CaptureState) => { next?: CaptureState; result: R }): Promise<R>;
  /**
   * Someone else wrote the area (a test, a future migration): forget the cached copy unless it is what was
   * written. The background is the only writer in normal use, so the cache spares a read on every redirect.
   */
  external(value: unknown): void;
}

export function createCaptureStore(area: StateArea): CaptureStore {
  const exclusive = oneAtATime();
  let cache: CaptureState | undefined;

  const read = async (): Promise<CaptureState> => {
    if (cache) return cache;
    const parsed = captureStateSchema.safeParse(await area.get());
    // A damaged or missing value starts empty rather than breaking capture for the whole session.
    cache = parsed.success ? parsed.data : structuredClone(EMPTY_STATE);
    return cache;
  };

  return {
    read: () => exclusive(read),
    update(change) {
      return exclusive(async () => {
        const { next, result } = change(await read());
        if (next) {
          cache = undefined; // if the write fails, the next read goes back to storage
          await area.set(next);
          cache = next;
        }
        return result;
      });
    },
    external(value) {
      if (cache && JSON.stringify(value) !== JSON.stringify(cache)) cache = undefined;
    },
  };
}

/** In-memory area for unit tests and the bench. */
export function memoryArea(initial?: unknown): StateArea & { value: unknown } {
  const area = {
    value: initial,
    get: async () => structuredClone(area.value),
    set: async (v: CaptureState) => {
      area.value = structuredClone(v);
    },
  };
  return area;
}
