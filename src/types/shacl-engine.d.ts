/** The part of shacl-engine (which ships no types) that src/validate uses. */
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Term } from '@rdfjs/types';

  /** A grapoi pointer: the terms a result is about. */
  interface Pointer {
    readonly term?: Term;
    readonly terms: Term[];
  }

  export interface Result {
    readonly focusNode: Pointer;
    readonly severity: Term;
    readonly constraintComponent: Term;
    readonly shape: { readonly ptr: Pointer };
    readonly value?: Pointer;
    readonly message: Term[];
  }

  export interface Report {
    readonly conforms: boolean;
    readonly results: Result[];
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory & { dataset: () => DatasetCore }; validations?: ReadonlyArray<[Term, unknown]> });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<Report>;
  }
}

declare module 'shacl-engine/lib/validations/type.js' {
  /** The library's sh:datatype validation, compiled for one shape. */
  export function compileDatatype(shape: unknown): unknown;
}
