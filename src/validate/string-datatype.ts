/**
 * sh:datatype for shacl-engine, with xsd:string checked right. The library it relies on
 * (rdf-validation 0.1) tests xsd:string with a pattern written for UTF-16 code units, which rejects
 * every character outside the Basic Multilingual Plane: a name with an emoji or a CJK Extension B
 * character would fail a valid graph. Here a string is valid when it has no lone surrogate and
 * neither U+FFFE nor U+FFFF (what that pattern means); other datatypes keep the library's check.
 */
import { compileDatatype } from 'shacl-engine/lib/validations/type.js';
import type { Term } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';
import { factory } from '../rdf/factory.js';

const XSD_STRING = `${NS.xsd}string`;
const NOT_STRING = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/;

interface DatatypeContext {
  readonly valueOrNode: { readonly term: Term };
  readonly factory: { literal: (value: string) => Term };
  test: (passed: boolean, component: Term, details: object) => void;
}

type Compiled = { generic: (context: DatatypeContext) => void };

const SH_DATATYPE = factory.namedNode(`${NS.sh}datatype`);
const COMPONENT = factory.namedNode(`${NS.sh}DatatypeConstraintComponent`);

function compile(shape: { ptr: { out: (predicates: Term[]) => { term: Term } } }): Compiled {
  const datatype = shape.ptr.out([SH_DATATYPE]).term;
  if (datatype.value !== XSD_STRING) return compileDatatype(shape) as Compiled;
  return {
    generic: (context) => {
      const { term } = context.valueOrNode;
      const valid = term.termType === 'Literal' && term.datatype.value === XSD_STRING && !NOT_STRING.test(term.value);
      context.test(valid, COMPONENT, {
        args: { datatype }, message: [context.factory.literal('Value does not have datatype {$datatype}')], value: context.valueOrNode,
      });
    },
  };
}

/** The entry for shacl-engine's `validations` option. */
export const STRING_AWARE_DATATYPE: [Term, typeof compile] = [SH_DATATYPE, compile];
