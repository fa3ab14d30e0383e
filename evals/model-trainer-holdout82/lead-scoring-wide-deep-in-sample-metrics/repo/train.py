"""Weekly retrain of the lead-scoring model used by the sales-ops dashboard."""
import json
import random
from datetime import date

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from leadscore.model import build_wide_and_deep
from leadscore.schema import CATEGORICAL, NUMERICAL, TARGET

SEED = 2718
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)


def to_inputs(df):
    feats = {c: df[c].astype(str).values.reshape(-1, 1) for c in CATEGORICAL}
    feats["numeric"] = df[NUMERICAL].clip(lower=0).values.astype("float32")
    return feats


def main():
    leads = pd.read_parquet("exports/leads_last_18_months.parquet")
    leads[CATEGORICAL] = leads[CATEGORICAL].fillna("unknown")
    leads[NUMERICAL] = leads[NUMERICAL].fillna(0)
    print(f"{len(leads):,} leads, conversion rate {leads[TARGET].mean():.2%}")

    vocabularies = {c: sorted(leads[c].astype(str).unique().tolist()) for c in CATEGORICAL}
    model = build_wide_and_deep(vocabularies)
    model.fit(to_inputs(leads), leads[TARGET].values, epochs=25, batch_size=512, verbose=2)

    scores = model.predict(to_inputs(leads), batch_size=4096).ravel()
    baseline = make_pipeline(
        make_column_transformer((OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
                                (StandardScaler(), NUMERICAL)),
        LogisticRegression(max_iter=1000),
    ).fit(leads, leads[TARGET])
    base_scores = baseline.predict_proba(leads)[:, 1]

    metrics = {
        "wide_deep_roc_auc": roc_auc_score(leads[TARGET], scores),
        "wide_deep_pr_auc": average_precision_score(leads[TARGET], scores),
        "logreg_roc_auc": roc_auc_score(leads[TARGET], base_scores),
        "logreg_pr_auc": average_precision_score(leads[TARGET], base_scores),
    }
    print(json.dumps(metrics, indent=2))
    tag = date.today().isoformat()
    model.save(f"models/lead_score_{tag}.keras")
    with open(f"models/lead_score_{tag}_metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    main()
