// Shequ Flow, Tasklist inbox (issue 10): the inbox's styles, injected once — the bar above the
// task, the 需先认领 banner, 常用意见, 审批记录, dialogs, the lists, the confirmation after 完成 —
// and the print styles (only the task and its form). Tasklist's own buttons that the guards refuse
// for staff (due/follow-up dates, comments, new tasks, candidate groups) are hidden while the body
// has the class shequ-staff, which shequ-inbox.js removes for administrators.

import { el } from './shequ-dialog.js';

const CSS = `
body.shequ-staff .create-task-action,
body.shequ-staff .task-actions .createCommentLink,
body.shequ-staff [cam-tasklist-task-meta] ul.meta.dates,
body.shequ-staff [cam-tasklist-task-meta] li.groups > span { display: none !important; }
/* An empty line left of the groups (hidden for staff); Tasklist's 认领 where the 待认领 banner offers its own. */
body.shequ-staff [cam-tasklist-task-meta] li.groups,
[cam-tasklist-task-meta] li.shequ-native-claim { display: none !important; }
.task-details button.shequ-busy { cursor: progress; opacity: .7; }
.shequ-task-bar { margin: 4px 0 10px; padding: 8px 10px; background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 3px; }
.shequ-case-line { font-size: 13px; color: #333; margin-bottom: 6px; }
.shequ-case-line b { font-weight: 600; }
.shequ-case-line .shequ-sep { color: #aaa; margin: 0 6px; }
.shequ-badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; background: #e8eef7; color: #24528a; margin-left: 4px; }
.shequ-badge.shequ-resubmit { background: #fff1d6; color: #8a5a00; }
.shequ-badge.shequ-closed { background: #e6e6e6; color: #555; }
.shequ-ops .btn { margin: 2px 6px 2px 0; }
.shequ-ops .shequ-danger { color: #b5152b; border-color: #e3b0b7; }
.shequ-claim-banner { margin: 6px 0 8px; padding: 10px 12px; background: #fff8e1; border: 1px solid #f0d58c; border-radius: 3px; font-size: 14px; }
.shequ-claim-banner button { margin-left: 12px; }
.shequ-phrases { margin: 4px 0 6px; font-size: 12px; }
.shequ-phrases span.shequ-phrases-label { color: #666; margin-right: 4px; }
.shequ-phrases button { margin: 2px 4px 2px 0; padding: 1px 8px; font-size: 12px; border: 1px solid #c9d3df; background: #fff; border-radius: 10px; cursor: pointer; }
.shequ-phrases button:hover { background: #eef3fa; }
.shequ-phrases button[disabled] { opacity: .5; cursor: not-allowed; }
.shequ-badge.shequ-verified { background: #e6f4ea; color: #1e7b34; border: 1px solid #b7dfc2; }
.shequ-badge.shequ-tampered { background: #fdecee; color: #b5152b; border: 1px solid #f1b8c0; }
.shequ-timeline { width: 100%; border-collapse: collapse; font-size: 13px; }
.shequ-timeline th, .shequ-timeline td { border-bottom: 1px solid #e5e5e5; padding: 6px 8px; text-align: left; vertical-align: top; }
.shequ-timeline th { background: #f5f7fa; font-weight: 600; white-space: nowrap; }
.shequ-timeline tr.shequ-round td { background: #fffaf0; font-weight: 600; color: #8a5a00; }
.shequ-timeline .shequ-yes { color: #1e7b34; }
.shequ-timeline .shequ-no { color: #b5152b; }
.shequ-record { padding: 12px 16px; }
.shequ-record h4 { margin: 4px 0 10px; }
.shequ-record dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 4px 14px; margin-bottom: 14px; font-size: 13px; }
.shequ-record dt { color: #666; font-weight: normal; }
.shequ-record dd { margin: 0; }
.shequ-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.35); z-index: 2000; display: flex; align-items: flex-start; justify-content: center; padding-top: 70px; }
.shequ-dialog { background: #fff; border-radius: 4px; box-shadow: 0 8px 30px rgba(0,0,0,.3); width: 560px; max-width: 94vw; max-height: 84vh; display: flex; flex-direction: column; }
.shequ-dialog.shequ-wide { width: 1120px; }
.shequ-dialog header { padding: 12px 16px; border-bottom: 1px solid #e5e5e5; font-size: 17px; font-weight: 600; }
.shequ-dialog .shequ-body { padding: 14px 16px; overflow: auto; font-size: 14px; }
.shequ-dialog footer { padding: 10px 16px; border-top: 1px solid #e5e5e5; text-align: right; }
.shequ-dialog footer .btn { margin-left: 8px; }
.shequ-dialog label { display: block; font-weight: 600; margin: 10px 0 4px; }
.shequ-dialog .shequ-hint { color: #666; font-size: 12px; margin-top: 3px; }
.shequ-dialog .shequ-error { color: #b5152b; margin-top: 10px; white-space: pre-wrap; }
.shequ-dialog .shequ-people { max-height: 180px; overflow: auto; border: 1px solid #ddd; padding: 4px 8px; border-radius: 3px; }
.shequ-dialog .shequ-people label { font-weight: normal; margin: 2px 0; }
.shequ-tabs { margin-bottom: 10px; border-bottom: 1px solid #ddd; }
.shequ-tabs a { display: inline-block; padding: 6px 14px; cursor: pointer; color: #333; text-decoration: none; border-bottom: 2px solid transparent; }
.shequ-tabs a.active { border-bottom-color: #b5152b; font-weight: 600; }
.shequ-list { width: 100%; border-collapse: collapse; font-size: 13px; }
.shequ-list th, .shequ-list td { border-bottom: 1px solid #e5e5e5; padding: 6px 6px; text-align: left; vertical-align: top; white-space: nowrap; }
.shequ-list td.shequ-wrap { white-space: normal; min-width: 160px; }
.shequ-list th { background: #f5f7fa; white-space: nowrap; }
.shequ-list td .btn { padding: 1px 6px; font-size: 12px; margin: 1px 2px; }
.shequ-list .shequ-overdue { color: #b5152b; font-weight: 600; }
.shequ-done { position: fixed; top: 70px; right: 20px; width: 420px; z-index: 1900; background: #fff; border: 1px solid #8cc59a; border-left: 5px solid #1e7b34; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 12px 14px; font-size: 14px; border-radius: 3px; }
.shequ-done h5 { margin: 0 0 6px; font-size: 15px; font-weight: 600; color: #1e7b34; }
.shequ-done ul { margin: 4px 0 0 18px; padding: 0; }
.shequ-done .close { position: absolute; top: 6px; right: 10px; }
.shequ-inbox-nav { cursor: pointer; white-space: nowrap; }
@media print {
  [cam-widget-header], footer, .column-left, .column-center, .task-filters, .tasks-list, .shequ-ops, .shequ-phrases,
  .shequ-claim-banner, .nav-tabs, .form-actions, .task-actions, .shequ-done, .page-notifications, .region-toggle,
  .maximize, .reset-regions, [cam-tasklist-task-meta], .shequ-show-record { display: none !important; }
  a[href]:after { content: none !important; }
  .column-right, .task-details { position: static !important; width: 100% !important; left: 0 !important; }
  .three-cols-layout-columns, .site-wrap, .page-wrap { position: static !important; overflow: visible !important; }
}
`;

export function installStyles() {
  if (document.getElementById('shequ-inbox-styles')) return;
  document.head.appendChild(el('style', { id: 'shequ-inbox-styles' }, CSS));
}
