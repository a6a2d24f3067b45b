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

declare module 'shacl-engine/lib/compareTerms.js' {
  import type { Term } from '@rdfjs/types';

  /** Order of two literals by value (numbers, dates, strings); null when they cannot be compared. */
  export default function compareTerms(a: Term, b: Term): number | null;
}

/** The lexical checks of XSD datatypes that shacl-engine's sh:datatype uses. */
declare module 'rdf-validation' {
  import type { Literal } from '@rdfjs/types';

  export class XsdValidation {
    /** True when the literal's lexical form is valid for its datatype (or the datatype is unknown). */
    validateSimple(term: Literal): boolean;
  }
}
