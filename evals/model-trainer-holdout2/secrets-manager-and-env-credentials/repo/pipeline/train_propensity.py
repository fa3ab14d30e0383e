"""Upsell propensity model trained on warehouse features; runs in the nightly Airflow DAG."""
import os

import pandas as pd
import snowflake.connector
import wandb
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from pipeline.credentials import wandb_api_key, warehouse_login

QUERY = """
select account_id, seats, mrr_usd, tenure_months, active_users_30d, tickets_90d,
       feature_adoption_score, industry_code, upgraded_next_90d
from analytics.ml_upsell_training
where snapshot_date = %(snapshot)s
"""
SEED = 1009


def fetch(snapshot: str) -> pd.DataFrame:
    login = warehouse_login()
    with snowflake.connector.connect(
        account=login.account, user=login.user, password=login.password, warehouse=login.warehouse
    ) as conn:
        return pd.read_sql(QUERY, conn, params={"snapshot": snapshot})


def main() -> None:
    snapshot = os.environ.get("SNAPSHOT_DATE", "2024-10-01")
    accounts = fetch(snapshot).set_index("account_id")
    upgraded = accounts.pop("upgraded_next_90d").astype(int)
    accounts["industry_code"] = accounts["industry_code"].astype("category")

    train_x, test_x, train_y, test_y = train_test_split(
        accounts, upgraded, test_size=0.2, stratify=upgraded, random_state=SEED
    )
    model = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=600, early_stopping=True, validation_fraction=0.15,
        categorical_features="from_dtype", random_state=SEED,
    ).fit(train_x, train_y)
    prior = DummyClassifier(strategy="prior").fit(train_x, train_y)

    prob, prior_prob = model.predict_proba(test_x)[:, 1], prior.predict_proba(test_x)[:, 1]
    metrics = {
        "test_roc_auc": roc_auc_score(test_y, prob),
        "test_pr_auc": average_precision_score(test_y, prob),
        "test_log_loss": log_loss(test_y, prob),
        "prior_log_loss": log_loss(test_y, prior_prob),
    }
    wandb.login(key=wandb_api_key())
    with wandb.init(project="upsell-propensity", config={"snapshot": snapshot, "seed": SEED}) as run:
        run.log(metrics)
    print(metrics)


if __name__ == "__main__":
    main()
