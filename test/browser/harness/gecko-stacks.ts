/**
 * Whose code a Gecko profiler sample shows running: an extension's or not, read from its stack.
 *
 * Why a stack is not simply searched for the extension's URL: the profiler keeps JIT-compiled
 * frames (Baseline, Ion) as code addresses, and names them only when the profile is written,
 * from the JIT code alive at that moment. Code that was thrown away in between (a garbage
 * collection discards code that ran once) may by then share its address with other code, and
 * the frame gets that code's name. Seen on the million-node page, in one run of three: the
 * samples of the page's own inline script, creating and appending its million text nodes
 * (Document.createTextNode, Node.appendChild), came out as content.js's `readable` (a function
 * that creates nothing) called straight from the page's script, 600-850 ms of them, seconds
 * before the content script's first walk. The same profiles also show frames of the browser's
 * own remote-agent code in the middle of the content script's stacks.
 *
 * The rule that sorts such frames out: a page cannot call a content script's function. The
 * content script runs in its own sandbox, and the page reaches its code only through the
 * browser (an event it dispatches, a callback the browser runs), whose native frames stand in
 * between. So an extension frame whose nearest caller is the page's own script (with nothing
 * between but unnamed code addresses and self-hosted builtins such as Array.prototype.forEach)
 * is a misnamed frame of the page's, and the sample stays the page's. Nothing else is dropped:
 * a misnamed frame in any other place is still counted as the extension's, which can only make
 * the extension look worse.
 */

/** The parts of a Gecko profile thread's tables read here (meta.version 34). */
export interface Table {
  schema: Record<string, number>;
  data: (number | null)[][];
}

export interface StackTables {
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

/** What one sample's stack shows. */
export interface SampleOwner {
  /** A frame of the extension is on the stack where the extension's code can run. */
  extension: boolean;
  /** A frame named as the extension's sits where only the page's code can be (see above). */
  misnamed: boolean;
}

type FrameKind = 'extension' | 'page' | 'transparent' | 'native';

/** Who the innermost frame that says anything belongs to, and what the stack showed so far. */
interface StackState extends SampleOwner {
  caller: 'extension' | 'page' | 'native';
}

const ROOT: StackState = { extension: false, misnamed: false, caller: 'native' };

/** A frame of a web page's script: "url:line:col", or "name (url:line:col)". */
const PAGE_SCRIPT = /^(https?|file|blob|data):|\((https?|file|blob|data):/;
/** An unnamed code address (JIT trampolines, native code without symbols). */
const ADDRESS = /^0x[0-9a-f]+$/i;

function kindOf(location: string, origin: string): FrameKind {
  if (location.includes(origin)) return 'extension';
  if (ADDRESS.test(location) || location.includes('self-hosted')) return 'transparent';
  if (PAGE_SCRIPT.test(location)) return 'page';
  // Labels of native code (DOM calls, event dispatch, layout...) and the browser's own scripts.
  return 'native';
}

function step(state: StackState, kind: FrameKind): StackState {
  switch (kind) {
    case 'transparent':
      return state;
    case 'page':
      return { ...state, caller: 'page' };
    case 'native':
      return { ...state, caller: 'native' };
    case 'extension':
      return state.caller === 'page' ? { ...state, misnamed: true } : { ...state, extension: true, caller: 'extension' };
  }
}

/**
 * A classifier of one thread's stacks for `origin` (moz-extension://UUID), remembering what it
 * found per stack: stacks share their prefixes, and a profile holds hundreds of thousands.
 */
export function sampleOwners({ stackTable, frameTable, stringTable }: StackTables, origin: string): (stack: number | null) => SampleOwner {
  const frameAt = stackTable.schema.frame ?? 1;
  const prefixAt = stackTable.schema.prefix ?? 0;
  const locationAt = frameTable.schema.location ?? 0;
  const known = new Map<number, StackState>();
  const kindOfFrame = (stack: number): FrameKind => {
    const frame = stackTable.data[stack]?.[frameAt];
    const location = frame === null || frame === undefined ? undefined : frameTable.data[frame]?.[locationAt];
    return typeof location === 'number' ? kindOf(stringTable[location] ?? '', origin) : 'native';
  };
  return (stack) => {
    // The frames not classified yet, innermost first (no recursion: stacks can be deep).
    const path: number[] = [];
    let state = ROOT;
    for (let s = stack; s !== null && s !== undefined; s = stackTable.data[s]?.[prefixAt] ?? null) {
      const memo = known.get(s);
      if (memo) {
        state = memo;
        break;
      }
      path.push(s);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const s = path[i] as number;
      state = step(state, kindOfFrame(s));
      known.set(s, state);
    }
    return { extension: state.extension, misnamed: state.misnamed && !state.extension };
  };
}
