SEED = 20240611
TELEMETRY_PATH = "data/telematics_weekly.parquet"
WORKORDERS_PATH = "data/workorders.parquet"
HORIZON_DAYS = 30
COMPONENT = "aftertreatment"  # DPF / SCR faults drive most roadside breakdowns

XGB_PARAMS = dict(
    n_estimators=600,
    learning_rate=0.03,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=5,
    gamma=1.0,
    eval_metric="aucpr",
    tree_method="hist",
)
ALERT_THRESHOLD = 0.35
