/** The part of rdf-ext (no bundled typings) the tests use: canonical comparison of datasets. */
declare module 'rdf-ext' {
  import type { Quad } from '@rdfjs/types';
  interface CanonicalDataset {
    readonly size: number;
    toCanonical(): string;
    equals(other: CanonicalDataset): boolean;
  }
  const rdf: { dataset(quads?: Iterable<Quad>): CanonicalDataset };
  export default rdf;
}
