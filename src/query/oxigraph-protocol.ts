/** Messages between the local engine and its Oxigraph worker. */
import type { QueryForm } from './sparql.js';

export interface WorkerRequest {
  readonly id: number;
  readonly query: string;
  readonly form: QueryForm;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly output: string }
  | { readonly id: number; readonly ok: false; readonly error: string };
