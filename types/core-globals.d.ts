// The few host globals the pure core may use: each exists, with this shape, in Node (≥ 18) and in every browser
// (WHATWG Encoding and the HTML timers). The core's type environment has no DOM and no Node types (see
// src/core/tsconfig.json), so anything else a module reaches for is a type error, not a browser-build surprise.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function setTimeout(callback: () => void, ms?: number): unknown;
