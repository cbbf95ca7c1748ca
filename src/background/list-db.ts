/**
 * The updated list (and the compiled matcher tables), kept in IndexedDB so a restarted worker
 * has them at once. One record each, written in one transaction: a worker stopped mid-write
 * leaves the previous list, never half of one. storage.local would also do, but its quota and
 * JSON round trip suit 10+ MB objects badly.
 */
import type { Bundle } from '../core/model';

const DB_NAME = 'listed-parties';
const STORE = 'lists';
const KEY = 'current';
const TABLES_KEY = 'matcher-tables';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, 1);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another connection'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

/** The saved list, or undefined when none was saved. */
export async function loadSavedBundle(): Promise<Bundle | undefined> {
  return (await run<Bundle>('readonly', (store) => store.get(KEY) as IDBRequest<Bundle>)) ?? undefined;
}

export async function saveBundle(bundle: Bundle): Promise<void> {
  await run('readwrite', (store) => store.put(bundle, KEY));
}

export async function deleteSavedBundle(): Promise<void> {
  await run('readwrite', (store) => store.delete(KEY));
}

export async function loadRecord(): Promise<unknown> {
  return run<unknown>('readonly', (store) => store.get(TABLES_KEY));
}

export async function saveRecord(value: unknown): Promise<void> {
  await run('readwrite', (store) => store.put(value, TABLES_KEY));
}
