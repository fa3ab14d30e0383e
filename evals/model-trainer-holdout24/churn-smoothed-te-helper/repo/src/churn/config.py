CFG = {
    "seed": 2024,
    "target": "churned_60d",
    "numeric_cols": [
        "tenure_months",
        "arpu",
        "data_gb_30d",
        "calls_30d",
        "support_tickets_90d",
        "late_payments_12m",
        "contract_months_left",
    ],
    "high_card_cols": ["handset_model", "postcode_district", "acquisition_channel"],
    "gbm": {
        "learning_rate": 0.05,
        "max_iter": 400,
        "max_leaf_nodes": 31,
        "min_samples_leaf": 50,
        "l2_regularization": 1.0,
    },
}
