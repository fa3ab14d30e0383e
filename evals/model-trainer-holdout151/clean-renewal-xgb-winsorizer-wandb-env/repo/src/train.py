import os

import pandas as pd
import wandb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from preprocessing import QuantileClipper, add_ratios

FEATURES = ["arr", "seats", "api_calls_30d", "storage_gb", "invoices_total", "arr_per_seat",
            "active_seat_share", "usage_trend", "tenure_months", "admins", "sso_enabled",
            "integrations", "tickets_90d", "late_payments_12m", "is_annual"]


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    seed, d = cfg["seed"], cfg["data"]

    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     mode=os.environ.get("WANDB_MODE", cfg["wandb"]["mode"]), config=cfg)

    df = add_ratios(pd.read_parquet(d["path"]).drop_duplicates(d["id_col"]))
    X, y = df[FEATURES], df[d["target"]].astype(int)

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=d["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=d["val_size"], stratify=y_tmp, random_state=seed
    )

    w = cfg["winsorize"]
    clipper = QuantileClipper(w["cols"], w["lower_q"], w["upper_q"]).fit(X_train)
    X_train, X_val, X_test = (clipper.transform(x) for x in (X_train, X_val, X_test))

    model = XGBClassifier(**cfg["xgb"], random_state=seed, n_jobs=-1)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)

    p_val = model.predict_proba(X_val)[:, 1]
    p_test = model.predict_proba(X_test)[:, 1]
    metrics = {
        "best_iteration": model.best_iteration,
        "val_auc": roc_auc_score(y_val, p_val),
        "test_auc": roc_auc_score(y_test, p_test),
        "test_ap_churn": average_precision_score(1 - y_test, 1 - p_test),
    }
    print(metrics)
    run.log(metrics)
    run.summary.update(metrics)
    run.finish()


if __name__ == "__main__":
    main()
