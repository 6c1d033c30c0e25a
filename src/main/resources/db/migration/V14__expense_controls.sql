-- Issue 15, expenses.
-- EX-4: a voucher is booked once. A voucher is known by its code (发票代码 / 票据代码; '' where it
-- has none, e.g. a fully digital invoice) and number, both stored as the product normalises them;
-- the primary key refuses a second booking, even one racing in.
alter table expense_request add column invoice_code varchar(32);
create table expense_voucher (
  invoice_code    varchar(32) not null,
  invoice_number  varchar(64) not null,
  business_key    varchar(32) not null,
  constraint pk_expense_voucher primary key (invoice_code, invoice_number),
  constraint fk_expense_voucher_request foreign key (business_key) references expense_request (business_key)
);
-- Vouchers booked before: each number once, on its first expense.
insert into expense_voucher (invoice_code, invoice_number, business_key)
  select '', invoice_number, min(business_key) from expense_request
  where invoice_number is not null group by invoice_number;
update expense_request set invoice_code = '' where invoice_number is not null;

-- EX-1, EX-2: related spending. The earlier expenses of the same community that the policy tables
-- (processes/expense/expense-related.dmn) relate to this one: their sum, and what the approver is
-- shown. The route is decided on amount + related_amount.
alter table expense_request add column related_amount decimal(12, 2);
alter table expense_request add column related_note varchar(1000);
