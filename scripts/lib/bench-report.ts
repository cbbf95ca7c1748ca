/**
 * Prints the browser figures as tables, and every target of the performance issue with the
 * measured value and PASS or FAIL.
 */
import type { BrowserFigures, DynamicFigures, PageFigures } from '../bench-browser';
import { percentile } from './bench-dynamic';
import type { HeapFigures } from './bench-chromium';

type Log = (line: string) => void;

const ms = (v: number | null | undefined, width = 7): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(0)).padStart(width);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const heapText = (h: HeapFigures): string => `JS ${mb(h.js)}, buffers ${mb(h.buffers)}, DOM ${mb(h.embedder)}`;

export const addedBlockingMs = (p: PageFigures): number => p.extension.main.totalBlockingMs - p.none.main.totalBlockingMs;
/** The page with the most text (the 5 MB synthetic page in a full run). */
export const largestPage = (pages: PageFigures[]): PageFigures | undefined => [...pages].sort((a, b) => b.textChars - a.textChars)[0];

export function dynamicCpu(d: Pick<DynamicFigures, 'none' | 'extension'>): { mainShare: number; workerShare: number | null; total: number } {
  const { none, extension } = d;
  const mainShare = (extension.taskMs - none.taskMs) / (extension.seconds * 1000);
  const workerShare = extension.workerTaskMs === null ? null : extension.workerTaskMs / (extension.seconds * 1000);
  return { mainShare, workerShare, total: mainShare + (workerShare ?? 0) };
}

export function printBrowserFigures(f: BrowserFigures, log: Log): void {
  const w = f.worker;
  log('\nready time in the extension\'s service worker (Chromium)');
  log(`  list fetched and inflated ${ms(w.fetchAndInflateMs, 0)} ms, validated ${ms(w.validateMs, 0)} ms; matcher compiled ${ms(w.compileMs, 0)} ms;`);
  log(`  tables serialised ${ms(w.serializeMs, 0)} ms (${(w.tablesChars / 1e6).toFixed(1)} M chars of JSON), loaded from them ${ms(w.loadMs, 0)} ms (same mentions: ${w.sameMentions ? 'yes' : 'NO'})`);
  log(`  cold start: a stopped worker answers its first 'match' in ${ms(f.cold.firstMatchMs, 0)} ms; the next one in ${ms(f.cold.warmMatchMs, 0)} ms (${f.cold.mentions} mention found)`);
  log(`  worker heap after the pages below: ${heapText(f.workerHeap)}`);

  if (f.pages.length > 0) printPages(f, log);
  for (const d of f.dynamic) printDynamic(d, log);
}

function printPages(f: BrowserFigures, log: Log): void {
  log(`\nreal pages in Chromium, without → with the extension (ms; a listed name is added as each page's last paragraph; median of ${f.pages[0]?.loads ?? 1} loads each)`);
  log(`  ${'page'.padEnd(24)}${'text'.padStart(8)}${'load'.padStart(7)}${'TBT'.padStart(7)}${'TBT+ext'.padStart(9)}${'added'.padStart(7)}${'ext task'.padStart(9)}${'ext ≥50'.padStart(8)}${'1st hl'.padStart(8)}${'last hl'.padStart(8)}${'hl'.padStart(6)}   heap added by the extension`);
  for (const p of f.pages) {
    const e = p.extension;
    const heap = e.heap && p.none.heap ? heapText({ js: e.heap.js - p.none.heap.js, buffers: e.heap.buffers - p.none.heap.buffers, embedder: e.heap.embedder - p.none.heap.embedder }) : '—';
    log(
      `  ${p.page.slice(0, 23).padEnd(24)}${`${(p.textChars / 1e3).toFixed(0)}k`.padStart(8)}${ms(p.none.loadMs)}${ms(p.none.main.totalBlockingMs)}${ms(e.main.totalBlockingMs, 9)}${ms(addedBlockingMs(p))}${ms(e.main.extensionLongestMs, 9)}${String(e.main.extensionLongTasks.length).padStart(8)}${ms(e.firstHighlightMs, 8)}${ms(e.markerMs, 8)}${String(e.highlights).padStart(6)}   ${heap}`,
    );
  }
  log('  text: visible characters; TBT: total blocking time of the main thread from navigation to the end of the run; ext task: the longest');
  log('  task in which the content script ran, in any load; ext ≥50: how many such tasks lasted 50 ms or more, all loads; 1st/last hl: load event → first highlight /');
  log('  → the highlight of the page\'s last paragraph; hl: highlights drawn. Heap: whole tab after GC, with minus without the extension.');
  const spread = f.pages.map((p) => `${p.page.replace(/\.html$/, '')} ${p.blockingPerLoad.none.map((x) => x.toFixed(0)).join(' ')} | ${p.blockingPerLoad.extension.map((x) => x.toFixed(0)).join(' ')}`).join('; ');
  log(`  TBT of each load, without | with (ms, in the order run): ${spread}.`);
  const cpu = f.pages.map((p) => `${p.page.replace(/\.html$/, '')} ${p.none.main.cpuBlockingMs.toFixed(0)}→${p.extension.main.cpuBlockingMs.toFixed(0)}`).join('; ');
  log(`  TBT in CPU time (each task's time less the time its thread waited for a core or an answer; medians), without → with: ${cpu} ms (not the verdict's figure).`);
  const inScript = f.pages.map((p) => p.extension.main.extensionBlockingMs.toFixed(0)).join(', ');
  log(`  Blocking time of tasks that ran the content script, page by page: ${inScript} ms (the rest of "added" is rendering and contention).`);
  for (const p of f.pages) {
    p.extension.main.extensionLongTasks.forEach((taskMs, i) => {
      const parts = p.extension.main.extensionLongTaskParts[i] ?? [];
      log(`  extension task of ${taskMs.toFixed(0)} ms on ${p.page}: ${parts.join(' | ') || 'no event of 5 ms or more inside'}`);
    });
  }
  const render = f.pages.map((p) => `${p.page.replace(/\.html$/, '')} ${p.none.main.frames}→${p.extension.main.frames} frames, ${p.none.main.prePaintMs.toFixed(0)}→${p.extension.main.prePaintMs.toFixed(0)} ms`).join('; ');
  log(`  Rendering, without → with (frames; pre-paint, which holds Chromium's rebuild of every highlight range in each frame that changed): ${render}.`);

  const labels = f.pages[0]?.markjs.map((m) => m.label) ?? [];
  for (const [i, label] of labels.entries()) {
    log(`\nthe same pages highlighted by ${label} (ms)`);
    log(`  ${'page'.padEnd(24)}${'load → marked'.padStart(14)}${'longest task'.padStart(14)}${'TBT'.padStart(8)}${'marks'.padStart(8)}`);
    for (const p of f.pages) {
      const m = p.markjs[i]?.run;
      if (!m) continue;
      log(`  ${p.page.slice(0, 23).padEnd(24)}${ms(m.markerMs, 14)}${ms(Math.max(0, ...m.main.longTasks), 14)}${ms(m.main.totalBlockingMs, 8)}${String(m.highlights).padStart(8)}${m.timedOut ? '  (did not finish)' : ''}`);
    }
  }

}

const dynamicName = (d: DynamicFigures): string => (d.follow ? 'dynamic page following its newest lines' : 'dynamic page appending below the view');

function printDynamic(d: DynamicFigures, log: Log): void {
  const { none, extension } = d;
  const cpu = dynamicCpu(d);
  log(`\n${dynamicName(d)}: ${d.perSecond} paragraphs/s, ${extension.appended} appended (${extension.tagged} naming a listed party); shares of ${extension.seconds.toFixed(1)} s (appending, then 2 s more)`);
  if (d.pairs.length > 1) {
    const each = d.pairs.map((p) => `${(p.share * 100).toFixed(1)}% (${ms(p.noneMs, 0)} → ${ms(p.withMs, 0)} ms + worker ${ms(p.workerMs, 0)})`);
    log(`  extension CPU share in each of ${d.pairs.length} alternated runs (main thread without → with, and the worker): ${each.join(', ')}; the median run below`);
  }
  log(`  main-thread task time: ${ms(none.taskMs, 0)} ms without, ${ms(extension.taskMs, 0)} ms with the extension → ${(cpu.mainShare * 100).toFixed(1)}% of one core added`);
  const cpuAdded = extension.main.taskCpuMs - none.main.taskCpuMs;
  log(`  the same in CPU time (trace, waits left out): ${ms(none.main.taskCpuMs, 0)} ms without, ${ms(extension.main.taskCpuMs, 0)} ms with → ${((cpuAdded / (extension.seconds * 1000)) * 100).toFixed(1)}% (not the verdict's figure)`);
  log(`  extension script on the main thread ${ms(extension.main.extensionScriptMs, 0)} ms; longest extension task ${ms(extension.main.extensionLongestMs, 0)} ms`);
  const r = (m: typeof none.main): string => `${m.frames} frames, pre-paint ${ms(m.prePaintMs, 0)} ms, layout ${ms(m.layoutMs, 0)} ms, paint and commit ${ms(m.paintMs, 0)} ms (of which intersection observers ${ms(m.observerMs, 0)} ms)`;
  log(`  rendering without: ${r(none.main)}`);
  log(`  rendering with:    ${r(extension.main)} (pre-paint holds Chromium's rebuild of every highlight range, once per frame that changed)`);
  log(`  worker task time ${extension.workerTaskMs === null ? '—' : `${ms(extension.workerTaskMs, 0)} ms → ${((cpu.workerShare ?? 0) * 100).toFixed(1)}%`}`);
  if (extension.workerTop.length > 0) log(`    worker self time by function: ${extension.workerTop.map((f) => `${f.name} ${ms(f.ms, 0)}`).join(', ')} ms`);
  log(`  highlight lag (append → highlighted, or → scrolled away unhighlighted): median ${ms(percentile(extension.lags, 50), 0)}, p95 ${ms(percentile(extension.lags, 95), 0)}, max ${ms(extension.lags.at(-1), 0)} ms; of the ${extension.tagged - extension.passed} that came within a screen of the viewport (${extension.passed} others were scrolled past at once), ${extension.leftUnseen} were scrolled away before their highlight (lag: the time they were near), ${extension.missed} still near and never highlighted at the end`);
}

export interface TargetRow {
  target: string;
  measured: string;
  pass: boolean;
}

export function browserTargets(f: BrowserFigures): TargetRow[] {
  const worstTask = Math.max(0, ...f.pages.map((p) => p.extension.main.extensionLongestMs));
  const worstPage = f.pages.find((p) => p.extension.main.extensionLongestMs === worstTask);
  const added = f.pages.map(addedBlockingMs);
  const worstAdded = Math.max(...added);
  const largest = largestPage(f.pages);
  const first = largest?.extension.firstHighlightMs ?? null;
  const dynamicRows = f.dynamic.flatMap(dynamicTargets);
  if (f.pages.length === 0) return dynamicRows; // --no-pages
  return [
    { target: 'no extension task ≥ 50 ms on any page', measured: `longest ${worstTask.toFixed(0)} ms (${worstPage?.page ?? '—'})`, pass: worstTask < 50 },
    { target: 'added total blocking time ≤ 30 ms on every page', measured: `worst +${worstAdded.toFixed(0)} ms (${f.pages[added.indexOf(worstAdded)]?.page ?? '—'})`, pass: worstAdded <= 30 },
    { target: 'first highlight ≤ 200 ms after load, largest page', measured: `${first === null ? 'none' : `${first.toFixed(0)} ms`} (${largest?.page ?? '—'})`, pass: first !== null && first <= 200 },
    ...dynamicRows,
  ];
}

function dynamicTargets(d: DynamicFigures): TargetRow[] {
  const cpu = dynamicCpu(d);
  const maxLag = d.extension.lags.at(-1) ?? NaN;
  const { missed, tagged, passed } = d.extension;
  const name = d.follow ? 'dynamic page, following' : 'dynamic page, below the view';
  return [
    { target: `${name}: extension CPU ≤ 5%`, measured: `${(cpu.total * 100).toFixed(1)}% (main thread ${(cpu.mainShare * 100).toFixed(1)}% + worker ${cpu.workerShare === null ? '?' : (cpu.workerShare * 100).toFixed(1)}%)`, pass: cpu.total <= 0.05 },
    { target: `${name}: highlights ≤ 250 ms behind`, measured: `max ${Number.isNaN(maxLag) ? '—' : maxLag.toFixed(0)} ms, ${missed} of ${tagged - passed} near the viewport not highlighted`, pass: missed === 0 && maxLag <= 250 },
  ];
}

export function printTargets(rows: TargetRow[], log: Log): void {
  log('\ntargets (performance issue)');
  for (const r of rows) log(`  ${r.pass ? 'PASS' : 'FAIL'}  ${r.target.padEnd(58)}${r.measured}`);
}
