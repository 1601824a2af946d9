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
}

export function createCaptureStore(area: StateArea): CaptureStore {
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<CaptureState> => {
    const parsed = captureStateSchema.safeParse(await area.get());
    // A damaged or missing value starts empty rather than breaking capture for the whole session.
    return parsed.success ? parsed.data : structuredClone(EMPTY_STATE);
  };

  return {
    read: () => {
      const run = queue.then(read);
      queue = run.catch(() => undefined);
      return run;
    },
    update(change) {
      const run = queue.then(async () => {
        const { next, result } = change(await read());
        if (next) await area.set(next);
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
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
