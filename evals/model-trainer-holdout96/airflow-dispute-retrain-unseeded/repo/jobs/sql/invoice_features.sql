SELECT
    f.invoice_id,
    f.invoice_amount,
    f.days_payment_terms,
    f.line_items,
    f.discount_pct,
    f.customer_age_days,
    f.prior_disputes_12m,
    f.avg_days_late_12m,
    f.billing_country,
    f.product_family,
    f.sales_channel,
    f.currency,
    l.disputed
FROM feature_store.invoice_features_daily AS f
JOIN labels.invoice_dispute_labels AS l USING (invoice_id)
WHERE f.issued_date <  CAST(:run_date AS date) - INTERVAL '60 days'
  AND f.issued_date >= CAST(:run_date AS date) - (:lookback * INTERVAL '1 day')
