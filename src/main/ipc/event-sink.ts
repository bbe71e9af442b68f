import type { MainEventName, MainEvents } from '../../shared/contract';

/** Where services publish main -> renderer events; each shell delivers them its own way. */
export interface EventSink {
  emit<E extends MainEventName>(event: E, payload: MainEvents[E]): void;
}
