// Shequ Flow: Tasklist on a phone (issue 18). Camunda's Tasklist stacks its three columns below
// 768 px but then shows the opened task below the filters and the list, warns "本应用适合在较大的
// 屏幕上使用" and hides everything of the header in the collapsed menu. Below 768 px this file:
//  - shows either the lists (filters and tasks) or the opened task, never both: a tapped task opens
//    on top, scrolled to its start, with 返回列表 above it (the phone's back button works too, the
//    task is in the address); less room above the form (the 待认领 banner keeps to its first
//    sentence), so that its fields start on the first screen;
//  - hides the filters' empty top line (新建过滤器, which staff do not have);
//  - shows the notice bell with its unread count beside the menu button (below 843 px, where the
//    menu collapses): a copy of the menu's bell (shequ-notices.js) that shows its count and opens
//    its notices (customScripts are loaded with ?bust=…, so importing that module here would make a
//    second one with its own count);
//  - fits the inbox's dialogs, its lists (one card per row), 审批记录 and the confirmation after
//    完成 into the width of the screen.
//  - gives a date field of Camunda Forms one picker: on a phone (by its browser, at any width) the
//    form's date picker (flatpickr) hands the date to the phone's own picker, a native date input
//    beside the hidden one, while the form still shows its calendar button, which then does
//    nothing; that button is hidden and the phone's input takes the field's whole width.
// The larger-screen warning is never shown; a viewport tag makes a phone lay the page out at its
// own width. Desktop widths are not touched.

import { taskIdFromUrl } from './shequ-api.js';
import { el } from './shequ-dialog.js';
import { watch, whenReady } from './shequ-watch.js';

const PHONE = '(max-width: 767px)';

const CSS = `
[cam-widget-header] .small-screen-warning { display: none !important; }
.fjs-input-group.shequ-native-date > .fjs-input-adornment { display: none; }
.fjs-input-group.shequ-native-date .fjs-datepicker { display: flex; }
.fjs-input-group.shequ-native-date input.flatpickr-mobile { flex: 1 1 auto; width: 100%; min-width: 0; min-height: 40px;
  padding: 6px 12px; border-radius: 3px; font-size: 16px; background: transparent; }
.shequ-phone-back, [cam-widget-header] .shequ-phone-bell { display: none; }
@media screen and (max-width: 842px) {
  [cam-widget-header] .navbar-header .shequ-phone-bell { display: block; float: right; position: relative;
    margin: 11px 18px 0 0; padding: 2px 4px; font-size: 18px; line-height: 22px; color: #545454; text-decoration: none; }
  [cam-widget-header] .shequ-phone-bell .shequ-bell-count { position: absolute; top: -4px; right: -12px; min-width: 18px;
    padding: 0 5px; border-radius: 9px; background: #d9534f; color: #fff; font-size: 11px; line-height: 18px; text-align: center; }
  [cam-widget-header] .shequ-phone-bell .shequ-bell-count[hidden] { display: none; }
  html [cam-widget-header] [ng-transclude]:not(.collapse) { float: none; clear: both; width: 100%; }
  html [cam-widget-header] [ng-transclude] > ul { display: grid; grid-template-columns: 1fr 1fr; width: 100%; text-align: left; margin: 0 0 6px; }
  html [cam-widget-header] [ng-transclude] > ul > li { padding: 0 15px; }
  html [cam-widget-header] [ng-transclude] > ul > li a { display: block; height: auto !important; padding: 8px 0 !important; }
  html [cam-widget-header] [ng-transclude] > ul > li a.shequ-bell { display: inline-block; }
  html [cam-widget-header] [ng-transclude] > ul > li.shortcut-help { display: none; }
}
/* A touch leaves the tab under the finger "hovered" (underlined like the open one) once the page changes under it. */
@media (hover: none) {
  html .nav-tabs > li:not(.active) > a:hover:not(:focus-visible) { border-bottom-color: transparent; }
}
/* Below 768 px; "html" puts each rule above the inbox's own, whose style tag may come later. */
@media ${PHONE} {
  html body.shequ-task-open .column.task-filters,
  html body.shequ-task-open .column.tasks-list,
  html body:not(.shequ-task-open) .column.task-details { display: none !important; }
  html body.shequ-task-open .task-details > .three-cols-layout-cell.top .shequ-phone-back {
    display: inline-block; float: left; height: auto; margin: -4px 0 0 -12px; padding: 2px 10px 2px 6px; font-size: 15px; }
  html .three-cols-layout .column-left .list-unstyled > .item.cells-wrapper { width: calc(100% - 7px); }
  /* The filters' top line holds only 新建过滤器, which staff do not have: no empty grey bar. */
  html .task-filters > .three-cols-layout-cell.top:has(> button[ng-show].ng-hide) { display: none !important; }
  html .task-details [cam-tasklist-task] { overflow-wrap: anywhere; }
  /* The task's name in a phone's size, not three lines of the screen. */
  html .task-details [cam-tasklist-task-meta] h2, html .task-details h2 { font-size: 21px; line-height: 1.35; margin-top: 6px; }
  html .shequ-case-line .shequ-sep { margin: 0 3px; }
  html .shequ-ops .btn { margin: 3px 4px 3px 0; }
  /* The form starts on the first screen: less room above it (the 待认领 banner keeps to its point). */
  html .task-details .definition-name { margin-bottom: 4px; }
  html .task-details .definition-name h4 { margin: 4px 0 0; }
  html .task-details [cam-tasklist-task-meta] ul.meta { margin-bottom: 0; }
  /* The assignee (张志华 ×) at the left edge, under the names, not pushed into the middle. */
  html .task-details [cam-tasklist-task-meta] ul.meta.actors > li { text-align: left; }
  html .task-details .tabbed-content .tab-content { padding-top: 10px; }
  html .shequ-claim-banner { padding: 8px 10px; }
  html .shequ-claim-banner .shequ-claim-more { display: none; }
  html .shequ-claim-banner button { float: right; margin: 0 0 0 8px; }
  html .shequ-claim-banner::after { content: ""; display: block; clear: both; }
  html .shequ-overlay { padding: 8px; }
  html .shequ-dialog, html .shequ-dialog.shequ-wide { width: 100%; max-width: 100%; max-height: calc(100vh - 16px); }
  html .shequ-dialog .shequ-body { padding: 10px 12px; overflow-x: hidden; overflow-wrap: anywhere; }
  html .shequ-dialog footer { padding: 8px 12px; }
  /* 16 px text in the dialogs' fields: a phone does not zoom the page in when one is tapped. */
  html .shequ-dialog input, html .shequ-dialog textarea, html .shequ-dialog select { font-size: 16px; }
  html .shequ-dialog footer .btn { margin: 3px 0 3px 8px; }
  html .shequ-tabs a { padding: 6px 10px; }
  html .shequ-list, html .shequ-list tbody, html .shequ-list tr, html .shequ-list td { display: block; width: auto; }
  html .shequ-list thead { display: none; }
  html .shequ-list tr { margin-bottom: 8px; padding: 6px 8px; border: 1px solid #dde3ea; border-radius: 3px; }
  html .shequ-list td, html .shequ-list td.shequ-wrap { min-width: 0; padding: 2px 0; border: 0; white-space: normal !important; }
  html .shequ-list td[data-label]::before { content: attr(data-label) "："; color: #777; }
  /* A card names only what it has (a voided or closed request has no current step or deadline). */
  html .shequ-list td[data-label]:empty { display: none; }
  html .shequ-list td.shequ-actions::before { content: none; }
  html .shequ-list td.shequ-actions { padding-top: 4px; }
  html .shequ-list td .btn { padding: 3px 10px; font-size: 13px; margin: 2px 6px 2px 0; }
  html .shequ-timeline, html .shequ-timeline tbody, html .shequ-timeline tr { display: block; width: auto; }
  html .shequ-timeline thead { display: none; }
  html .shequ-timeline tr { padding: 6px 0; border-bottom: 1px solid #e5e5e5; }
  html .shequ-timeline td { display: inline; padding: 0 6px 0 0; border: 0; white-space: normal !important; }
  html .shequ-timeline td:nth-child(n+4), html .shequ-timeline tr.shequ-round td { display: block; padding: 2px 0 0; }
  html .shequ-timeline td:nth-child(5):not(:empty)::before { content: "意见："; color: #777; }
  html .shequ-timeline tr.shequ-round td { padding: 4px 6px; }
  html .shequ-record { padding: 8px 0; }
  html .shequ-record dl { grid-template-columns: max-content 1fr; }
  html .shequ-done { top: 56px; left: 8px; right: 8px; width: auto; }
  /* The footer (time zone, vendor) takes a line of the small screen and says nothing to do. */
  html [cam-widget-footer] { display: none; }
}`;

/** The hash of Tasklist without the opened task: its list, with the same filter and sorting. */
function listHash() {
  const hash = window.location.hash || '#/';
  const q = hash.indexOf('?');
  if (q < 0) return hash;
  const params = hash.slice(q + 1).split('&').filter(p => p && !/^task=/.test(p));
  return hash.slice(0, q) + (params.length ? '?' + params.join('&') : '');
}

let shownTask = null;

/** A date field whose picker is the phone's own: one picker, the whole field wide (see the CSS). */
function nativeDates() {
  document.querySelectorAll('.fjs-datepicker input.flatpickr-mobile').forEach(input => {
    const group = input.closest('.fjs-input-group');
    if (group && !group.classList.contains('shequ-native-date')) group.classList.add('shequ-native-date');
  });
}

function sync() {
  nativeDates();
  const taskId = taskIdFromUrl();
  document.body.classList.toggle('shequ-task-open', !!taskId);
  if (taskId !== shownTask) {
    shownTask = taskId;
    // A task opened or the list came back: show it from its start.
    if (window.matchMedia(PHONE).matches) {
      window.scrollTo(0, 0);
      document.querySelectorAll('.page-wrap, .site-wrap').forEach(e => { e.scrollTop = 0; });
    }
  }
  const top = document.querySelector('.task-details > .three-cols-layout-cell.top');
  if (top && !top.querySelector('.shequ-phone-back')) {
    top.insertBefore(el('button', {
      type: 'button', class: 'btn btn-link shequ-phone-back', title: '回到待办列表',
      onclick: () => { window.location.hash = listHash(); }
    }, el('span', { class: 'glyphicon glyphicon-chevron-left' }), ' 返回列表'), top.firstChild);
  }
  // The bell beside the menu button while somebody is logged in (the menu has its bell).
  const header = document.querySelector('[cam-widget-header] .navbar-header');
  const menuBell = document.querySelector('[cam-widget-header] a.shequ-bell');
  let phoneBell = header && header.querySelector('.shequ-phone-bell');
  if (header && menuBell && !phoneBell) {
    phoneBell = el('a', { href: '', class: 'shequ-phone-bell', title: '我的通知',
      onclick: ev => { ev.preventDefault(); const b = document.querySelector('[cam-widget-header] a.shequ-bell'); if (b) b.click(); } },
    el('span', { class: 'glyphicon glyphicon-bell' }), el('span', { class: 'shequ-bell-count', hidden: true }));
    header.insertBefore(phoneBell, header.querySelector('.navbar-brand'));
  } else if (phoneBell && !menuBell) {
    phoneBell.remove();
    phoneBell = null;
  }
  if (phoneBell) {
    const from = menuBell.querySelector('.shequ-bell-count');
    const to = phoneBell.querySelector('.shequ-bell-count');
    if (from && (to.textContent !== from.textContent || to.hidden !== from.hidden)) {
      to.textContent = from.textContent;
      to.hidden = from.hidden;
    }
    const label = menuBell.getAttribute('aria-label') || '通知';
    if (phoneBell.getAttribute('aria-label') !== label) phoneBell.setAttribute('aria-label', label);
  }
}

function install() {
  if (document.getElementById('shequ-phone-styles')) return;
  document.head.appendChild(el('style', { id: 'shequ-phone-styles' }, CSS));
  if (!document.querySelector('meta[name="viewport"]')) {
    document.head.appendChild(el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
  }
  let scheduled = false;
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      sync();
    });
  };
  window.addEventListener('hashchange', later);
  // A tap on an entry of the opened menu (我的申请, 发起流程 …) closes the menu.
  document.addEventListener('click', ev => {
    const toggle = document.querySelector('[cam-widget-header] .navbar-toggle.open');
    if (toggle && ev.target.closest && ev.target.closest('[cam-widget-header] [ng-transclude] a')) setTimeout(() => toggle.click());
  }, true);
  // The menu bell's count changes its text and its hidden attribute.
  watch('shequ-phone', sync, { characterData: true, attributes: ['hidden', 'aria-label'] });
  sync();
}

whenReady(install);

export default [];
