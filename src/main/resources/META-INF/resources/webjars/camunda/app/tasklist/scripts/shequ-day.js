// Shequ Flow: the office's working day in Tasklist (issue 18), loaded through customScripts in
// config.js ('scripts/shequ-day'), beside the inbox (shequ-inbox.js). Its parts:
//  - shequ-filter-counts.js  a count on every filter (待办 is the filter Tasklist opens first);
//  - shequ-claim.js          认领并办理: an unclaimed task of the user's post is filled and completed
//                            without a separate claim, and nothing typed is lost;
//  - shequ-chain.js          the chain so far (前序审批意见), read-only above the form's fields.
// The page's watcher (shequ-watch.js) keeps them in step with the page.

import { taskIdFromUrl } from './shequ-api.js';
import { el } from './shequ-dialog.js';
import { watch, whenReady } from './shequ-watch.js';
import { COUNT_CSS, syncCounts, pollCounts } from './shequ-filter-counts.js';
import { enableClaimable, keepInputOnClaim, keepInputOnShortcutClaim } from './shequ-claim.js';
import { CHAIN_CSS, syncChain } from './shequ-chain.js';

function sync() {
  syncCounts();
  const details = document.querySelector('.task-details [cam-tasklist-task]');
  const taskId = taskIdFromUrl();
  if (!details || !taskId) return;
  enableClaimable(details, taskId);
  syncChain(details, taskId);
}

whenReady(() => {
  document.head.appendChild(el('style', {}, COUNT_CSS + CHAIN_CSS));
  document.addEventListener('click', keepInputOnClaim, true);
  keepInputOnShortcutClaim();
  pollCounts();
});
watch('shequ-day', sync);

export default [];
