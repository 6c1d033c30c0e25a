-- Approval operations (退回, 撤回, 加签): a position on the approval chain may be held by one named
-- person instead of a group (an added signer, 加签). A row is then decided by that person alone.
-- Returned and withdrawn decisions stay on their rows (states 'returned', 'withdrawn'); the chain
-- goes on with fresh rows, so no decision is ever deleted.
alter table approval_step add column candidate_user varchar(64);
