"""Clean the transaction extract, build features and rebalance the classes."""
import logging

import pandas as pd
from imblearn.over_sampling import SMOTE

from fraudml.features import engineer
from fraudml.settings import DATA_DIR, DROP, SEED, TARGET

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("prepare")


def main() -> None:
    raw = pd.read_parquet(DATA_DIR / "transactions.parquet")
    raw = raw[raw["amount"] > 0].drop_duplicates("txn_id")
    log.info("rows=%d fraud rate=%.4f", len(raw), raw[TARGET].mean())

    feats = engineer(raw).drop(columns=DROP)
    feats = feats.fillna(0)
    X, y = feats.drop(columns=[TARGET]), feats[TARGET]

    smote = SMOTE(sampling_strategy=0.25, k_neighbors=5, random_state=SEED)
    X_bal, y_bal = smote.fit_resample(X, y)
    log.info("after SMOTE rows=%d fraud rate=%.4f", len(X_bal), y_bal.mean())

    out = X_bal.assign(**{TARGET: y_bal})
    out.to_parquet(DATA_DIR / "model_table.parquet")


if __name__ == "__main__":
    main()
