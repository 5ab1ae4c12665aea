/**
 * Random identifiers for collections and clips: RFC 4122 version-4 UUIDs, so a clip's id is also a
 * valid `urn:uuid:` IRI in the Web Annotation export. The random source is injectable so tests are
 * deterministic; by default it is the platform CSPRNG (crypto.getRandomValues), never Math.random.
 */
export type RandomBytes = (bytes: Uint8Array) => void;
export type IdSource = () => string;

const cryptoRandomBytes: RandomBytes = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

export function createIdSource(randomBytes: RandomBytes = cryptoRandomBytes): IdSource {
  return () => {
    const bytes = new Uint8Array(16);
    randomBytes(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** Deterministic byte source for tests and benchmarks (xorshift32; NOT for production ids). */
export function seededRandomBytes(seed: number): RandomBytes {
  let state = seed >>> 0 || 0x9e3779b9;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
