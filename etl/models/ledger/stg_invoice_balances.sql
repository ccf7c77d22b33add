-- One row per line of the invoices file(s) that gives a balance of its own (openItems.columns.
-- invoices.open_amount: Reste à payer, Balance, Open amount): what the export says the document
-- still owes, typed. It is never read as the amount: the quality report compares it with the open
-- amount worked out from the invoice, its payments and its credit notes, and lists each
-- difference with both figures. A balance that does not read as a number has NULL and its text.
with source as (
  select * from raw_invoices
  where open_amount is not null
),

final as (
  select
    source_file,
    line,
    invoice_id,
    client_id,
    read_amount(open_amount, decimal_sign).value as given_open_amount,
    open_amount as given_open_text
  from source
)

select * from final
