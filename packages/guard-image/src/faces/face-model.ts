import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of @vladmandic/human this guard uses: a face detector on the wasm backend. */
export interface FaceDetector {
  detect(
    pixels: Uint8Array,
    width: number,
    height: number,
  ): Promise<{ box: [number, number, number, number]; score: number }[]>;
}

const require = createRequire(import.meta.url);
/** The package's own folder: its exports refuse `require.resolve` of its package.json. */
const HUMAN_DIR = dirname(dirname(require.resolve('@vladmandic/human')));
const WASM_DIR = `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'dist')}/`;

let loading: Promise<FaceDetector> | undefined;

/**
 * BlazeFace from @vladmandic/human on TensorFlow.js's wasm backend, its models read from the
 * package (nothing downloaded), loaded once per process. Node 20's fetch refuses file://, which
 * the library uses for its models: while they load, those reads are served from disk; the
 * global fetch is restored as soon as they are in memory.
 */
export function faceDetector(): Promise<FaceDetector> {
  loading ??= load();
  return loading;
}

async function load(): Promise<FaceDetector> {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return originalFetch(input, init);
    const bytes = await readFile(fileURLToPath(url));
    return new Response(bytes, {
      headers: { 'content-type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
    });
  }) as typeof fetch;
  const { Human } = require(join(HUMAN_DIR, 'dist', 'human.node-wasm.js')) as {
    Human: new (
      config: object,
    ) => {
      load(): Promise<void>;
      detect(
        input: unknown,
      ): Promise<{ face: { box: [number, number, number, number]; boxScore: number }[] }>;
      tf: {
        tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): unknown;
        dispose(tensor: unknown): void;
      };
    };
  };
  const human = new Human({
    backend: 'wasm',
    wasmPath: WASM_DIR,
    modelBasePath: `file://${join(HUMAN_DIR, 'models')}/`,
    debug: false,
    face: {
      enabled: true,
      // 0.5: on the development set of `blouse eval image`, read in 256-px squares from 3 × 3
      // tiles, every face scored 0.58 or more and the stray boxes (letters, a door handle)
      // 0.51 to 0.61. A missed face is a breach and a stray box only a warning: the line stays
      // under the faces, not between them and the strays.
      detector: { enabled: true, maxDetected: 50, minConfidence: 0.5, rotation: false },
      mesh: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  try {
    await human.load();
  } finally {
    // The models are in memory now: the process's own fetch is given back untouched.
    globalThis.fetch = originalFetch;
  }
  return {
    async detect(pixels, width, height) {
      const tensor = human.tf.tensor3d(pixels, [height, width, 3], 'int32');
      try {
        const result = await human.detect(tensor);
        return result.face.map((face) => ({ box: face.box, score: face.boxScore }));
      } finally {
        human.tf.dispose(tensor);
      }
    },
  };
}
